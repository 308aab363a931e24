"""Fictional demo data: four gemeenten, their proeftuinen, partners and the demo accounts."""

import datetime

from allauth.account.models import EmailAddress
from django.db import transaction

from kern.models import User
from kern.permissions import Rol
from kern.tenancy import gemeente_scope

from .demo_commitments import load_commitments_demo
from .demo_proeftuin import load_proeftuin_demo
from .models import (
    Discipline,
    Domein,
    Fase,
    Gemeente,
    Lidmaatschap,
    Organisatie,
    Proeftuin,
    Provincie,
)

DEMO_PASSWORD = "demo-proeftuin"  # noqa: S105 - demo only, printed by `make run`

S = Organisatie.Soort

GEMEENTEN = [
    {
        "naam": "Oude IJsselstreek",
        "slug": "oude-ijsselstreek",
        "gemeentecode": "GM1509",
        "provincie": Provincie.GELDERLAND,
        "fase": Fase.VERANKERING,
        "start": datetime.date(2025, 9, 1),
        "thema": "Samen optrekken rond de laatste levensfase in een plattelandsgemeente",
        "partners": [
            ("Huisartsenpraktijk De Linde", S.HUISARTSENPRAKTIJK, Domein.ZORG),
            ("Thuiszorg Achter de IJssel", S.WIJKVERPLEGING, Domein.ZORG),
            ("Wmo-team Oude IJsselstreek", S.GEMEENTE_WMO, Domein.GEMEENTE),
            ("Welzijn De Brug", S.WELZIJN, Domein.SOCIAAL),
            ("Netwerk Zingeving Achterhoek", S.GEESTELIJKE_VERZORGING, Domein.ZORG),
            ("Steunpunt Mantelzorg De Schakel", S.MANTELZORG, Domein.SOCIAAL),
        ],
    },
    {
        "naam": "Zundert",
        "slug": "zundert",
        "gemeentecode": "GM0879",
        "provincie": Provincie.NOORD_BRABANT,
        "fase": Fase.VERBETEREN,
        "start": datetime.date(2026, 1, 15),
        "thema": "Naasten eerder betrekken",
        "partners": [
            ("Huisartsenpraktijk Het Wolfsven", S.HUISARTSENPRAKTIJK, Domein.ZORG),
            ("Wijkverpleging Heide en Akkers", S.WIJKVERPLEGING, Domein.ZORG),
            ("Wmo-loket Zundert", S.GEMEENTE_WMO, Domein.GEMEENTE),
            ("Sociaal Werk De Akker", S.WELZIJN, Domein.SOCIAAL),
            ("Vrijwilligers Terminale Zorg De Wegwijzer", S.VRIJWILLIGERS, Domein.SOCIAAL),
        ],
    },
    {
        "naam": "Stichtse Vecht (Maarssen)",
        "slug": "stichtse-vecht",
        "gemeentecode": "GM1904",
        "provincie": Provincie.UTRECHT,
        "fase": Fase.INVENTARISATIE,
        "start": datetime.date(2026, 5, 1),
        "thema": "Elkaar kennen in de wijk",
        "partners": [
            ("Gezondheidscentrum Vechtoever", S.HUISARTSENPRAKTIJK, Domein.ZORG),
            ("Buurtzorgteam Maarssen-Dorp", S.WIJKVERPLEGING, Domein.ZORG),
            ("Gemeente Stichtse Vecht, team Wmo", S.GEMEENTE_WMO, Domein.GEMEENTE),
            ("Welzijnswerk Vechtstreek", S.WELZIJN, Domein.SOCIAAL),
            ("Bijna-Thuis-Huis De Vechtkamer", S.HOSPICE, Domein.ZORG),
        ],
    },
    {
        "naam": "Roermond",
        "slug": "roermond",
        "gemeentecode": "GM0957",
        "provincie": Provincie.LIMBURG,
        "fase": Fase.STARTBIJEENKOMST,
        "start": datetime.date(2026, 10, 1),
        "thema": "Informatie delen tussen zorg en sociaal domein",
        "partners": [
            ("Huisartsengroep Maas en Roer", S.HUISARTSENPRAKTIJK, Domein.ZORG),
            ("Wijkverpleging Midden-Limburg Thuis", S.WIJKVERPLEGING, Domein.ZORG),
            ("Gemeente Roermond, Wmo-consulenten", S.GEMEENTE_WMO, Domein.GEMEENTE),
            ("Welzijn Roerdal", S.WELZIJN, Domein.SOCIAAL),
            ("Zorgverzekeraar Zuid (regiokantoor)", S.ZORGVERZEKERAAR, Domein.FINANCIER),
        ],
    },
]

# (e-mail, name, [(gemeente slug, role, organisation name or None, discipline)])
ACCOUNTS = [
    (
        "facilitator@demo.nl",
        "Fenna Facilitator",
        [(g["slug"], Rol.FACILITATOR, None, Discipline.PROCESBEGELEIDER) for g in GEMEENTEN],
    ),
    (
        "beleid@oude-ijsselstreek.demo.nl",
        "Bas Beleidsadviseur",
        [
            (
                "oude-ijsselstreek",
                Rol.BELEIDSADVISEUR,
                "Wmo-team Oude IJsselstreek",
                Discipline.BELEIDSADVISEUR,
            )
        ],
    ),
    (
        "huisarts@oude-ijsselstreek.demo.nl",
        "Hanna Huisarts",
        [
            (
                "oude-ijsselstreek",
                Rol.PROFESSIONAL,
                "Huisartsenpraktijk De Linde",
                Discipline.HUISARTS,
            )
        ],
    ),
    (
        "wijkverpleging@zundert.demo.nl",
        "Wim Wijkverpleegkundige",
        [
            (
                "zundert",
                Rol.PROFESSIONAL,
                "Wijkverpleging Heide en Akkers",
                Discipline.WIJKVERPLEEGKUNDIGE,
            )
        ],
    ),
    (
        "bestuurder@roermond.demo.nl",
        "Bea Bestuurder",
        [("roermond", Rol.BESTUURDER, "Gemeente Roermond, Wmo-consulenten", Discipline.MANAGER)],
    ),
]


@transaction.atomic
def load_demo():
    """Create or refresh the demo; running it twice changes nothing."""
    gemeenten = {}
    for data in GEMEENTEN:
        gemeente, _ = Gemeente.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "naam": data["naam"],
                "gemeentecode": data["gemeentecode"],
                "provincie": data["provincie"],
            },
        )
        gemeenten[gemeente.slug] = gemeente
        with gemeente_scope(gemeente):
            for naam, soort, domein in data["partners"]:
                Organisatie.objects.update_or_create(
                    gemeente=gemeente, naam=naam, defaults={"soort": soort, "domein": domein}
                )
            Proeftuin.objects.update_or_create(
                gemeente=gemeente,
                naam=f"Léven tot het Einde {data['naam']}",
                defaults={
                    "thema": data["thema"],
                    "fase": data["fase"],
                    "start": data["start"],
                    "eind": data["start"].replace(year=data["start"].year + 1),
                },
            )

    for email, name, memberships in ACCOUNTS:
        user = User.objects.filter(email=email).first() or User(email=email)
        user.name = name
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        for slug, role, organisatie_naam, discipline in memberships:
            gemeente = gemeenten[slug]
            with gemeente_scope(gemeente):
                organisatie = (
                    Organisatie.objects.get(naam=organisatie_naam) if organisatie_naam else None
                )
                Lidmaatschap.objects.update_or_create(
                    gemeente=gemeente,
                    user=user,
                    defaults={"role": role, "organisatie": organisatie, "discipline": discipline},
                )
    load_proeftuin_demo(gemeenten)
    load_commitments_demo(gemeenten)
    return gemeenten
