"""Fictional demo commitments: contact persons, kerngroep, the mandate and a few commitments per
demo gemeente, more as its proeftuin is further along. Called by ``demo.load_demo``."""

import datetime
from decimal import Decimal

from django.db import transaction

from kern.tenancy import gemeente_scope

from .models import Baat, Commitment, Kerngroeplid, Lidmaatschap, Organisatie, Proeftuin

K = Commitment.Soort
TOEGEZEGD, GELEVERD = Commitment.Status.TOEGEZEGD, Commitment.Status.GELEVERD

# Per gemeente slug:
#   contacts: organisation -> (name, e-mail) or the e-mail of a demo account that is a member
#   kerngroep: organisation -> [(name, function)]
#   mandaat: (by, function, days after the start, status)
#   commitments: (organisation or None, kind, description, hours, euro, days after the start,
#                 status, [who benefits])
DEMO = {
    "oude-ijsselstreek": {
        "contacts": {
            "Huisartsenpraktijk De Linde": "huisarts@oude-ijsselstreek.demo.nl",
            "Thuiszorg Achter de IJssel": ("Ria Reinders", "r.reinders@thuiszorg-aijssel.demo.nl"),
            "Wmo-team Oude IJsselstreek": "beleid@oude-ijsselstreek.demo.nl",
            "Welzijn De Brug": ("Mehmet Yilmaz", "m.yilmaz@welzijndebrug.demo.nl"),
            "Netwerk Zingeving Achterhoek": ("Jos ter Horst", "jos@zingeving-achterhoek.demo.nl"),
        },
        "kerngroep": {
            "Huisartsenpraktijk De Linde": [("Petra Wolters", "praktijkondersteuner")],
            "Thuiszorg Achter de IJssel": [("Ria Reinders", "wijkverpleegkundige")],
            "Welzijn De Brug": [("Mehmet Yilmaz", "sociaal werker")],
            "Netwerk Zingeving Achterhoek": [("Jos ter Horst", "geestelijk verzorger")],
        },
        "mandaat": ("Anneke Hendriksen", "wethouder zorg en welzijn", 0, GELEVERD),
        "commitments": [
            (
                "Thuiszorg Achter de IJssel",
                K.UREN,
                "Een wijkverpleegkundige twee uur per week voor de kerngroep",
                80,
                None,
                3,
                GELEVERD,
                ["Huisartsenpraktijk De Linde", "Wmo-team Oude IJsselstreek"],
            ),
            (
                "Huisartsenpraktijk De Linde",
                K.KERNGROEP,
                "De POH neemt deel aan de kerngroep",
                40,
                None,
                3,
                GELEVERD,
                ["Thuiszorg Achter de IJssel"],
            ),
            (
                None,
                K.GELD,
                "Budget voor bijeenkomsten en de oogstbijeenkomst",
                None,
                Decimal("7500"),
                10,
                GELEVERD,
                ["Welzijn De Brug", "Steunpunt Mantelzorg De Schakel"],
            ),
            (
                "Welzijn De Brug",
                K.IN_NATURA,
                "Vergaderruimte in het dorpshuis voor het werkoverleg",
                None,
                Decimal("1200"),
                14,
                GELEVERD,
                [],
            ),
            (
                "Netwerk Zingeving Achterhoek",
                K.UREN,
                "Een geestelijk verzorger schuift aan bij casusoverleg",
                24,
                None,
                30,
                TOEGEZEGD,
                ["Huisartsenpraktijk De Linde"],
            ),
            (
                "Wmo-team Oude IJsselstreek",
                K.STRUCTUREEL,
                "Het zesweekse overleg blijft na de proeftuin",
                None,
                None,
                300,
                TOEGEZEGD,
                ["Thuiszorg Achter de IJssel", "Welzijn De Brug"],
            ),
        ],
    },
    "zundert": {
        "contacts": {
            "Huisartsenpraktijk Het Wolfsven": ("Karin van Dongen", "k.vandongen@wolfsven.demo.nl"),
            "Wijkverpleging Heide en Akkers": "wijkverpleging@zundert.demo.nl",
            "Wmo-loket Zundert": ("Sander Oomen", "s.oomen@zundert.demo.nl"),
            "Sociaal Werk De Akker": ("Lotte Brouwers", "lotte@sociaalwerkdeakker.demo.nl"),
        },
        "kerngroep": {
            "Huisartsenpraktijk Het Wolfsven": [("Karin van Dongen", "huisarts")],
            "Sociaal Werk De Akker": [("Lotte Brouwers", "sociaal werker")],
        },
        "mandaat": ("Marco Jansen", "wethouder sociaal domein", 0, GELEVERD),
        "commitments": [
            (
                "Wijkverpleging Heide en Akkers",
                K.UREN,
                "Tijd voor casusbesprekingen met huisarts en Wmo",
                60,
                None,
                7,
                GELEVERD,
                ["Huisartsenpraktijk Het Wolfsven"],
            ),
            (
                "Wmo-loket Zundert",
                K.CONTACTPERSOON,
                "Eén vaste Wmo-consulent als aanspreekpunt",
                16,
                None,
                7,
                TOEGEZEGD,
                ["Wijkverpleging Heide en Akkers", "Sociaal Werk De Akker"],
            ),
            (
                None,
                K.GELD,
                "Training naasten betrekken",
                None,
                Decimal("3000"),
                20,
                TOEGEZEGD,
                ["Vrijwilligers Terminale Zorg De Wegwijzer"],
            ),
        ],
    },
    "stichtse-vecht": {
        "contacts": {
            "Gezondheidscentrum Vechtoever": ("Nadia el Amrani", "n.elamrani@vechtoever.demo.nl"),
            "Buurtzorgteam Maarssen-Dorp": ("Eva de Graaf", "eva@buurtzorg-maarssen.demo.nl"),
            "Gemeente Stichtse Vecht, team Wmo": ("Pieter Smit", "p.smit@stichtsevecht.demo.nl"),
        },
        "kerngroep": {"Buurtzorgteam Maarssen-Dorp": [("Eva de Graaf", "wijkverpleegkundige")]},
        "mandaat": ("Ingrid Bakker", "wethouder zorg", 0, GELEVERD),
        "commitments": [
            (
                "Bijna-Thuis-Huis De Vechtkamer",
                K.IN_NATURA,
                "Ruimte voor de inventarisatie-bijeenkomsten",
                None,
                Decimal("600"),
                5,
                GELEVERD,
                [],
            ),
            (
                "Welzijnswerk Vechtstreek",
                K.UREN,
                "Een sociaal werker voor de kerngroep",
                40,
                None,
                12,
                TOEGEZEGD,
                ["Buurtzorgteam Maarssen-Dorp"],
            ),
        ],
    },
    "roermond": {
        "contacts": {
            "Gemeente Roermond, Wmo-consulenten": "bestuurder@roermond.demo.nl",
            "Welzijn Roerdal": ("Yvonne Peeters", "y.peeters@welzijnroerdal.demo.nl"),
        },
        "kerngroep": {},
        "mandaat": ("Bert Houben", "wethouder zorg", 0, TOEGEZEGD),
        "commitments": [
            (
                "Zorgverzekeraar Zuid (regiokantoor)",
                K.GELD,
                "Bijdrage aan de procesbegeleiding",
                None,
                Decimal("10000"),
                0,
                TOEGEZEGD,
                ["Huisartsengroep Maas en Roer", "Wijkverpleging Midden-Limburg Thuis"],
            ),
        ],
    },
}


@transaction.atomic
def load_commitments_demo(gemeenten):
    """Add the demo commitments to the demo gemeenten (a dict slug -> Gemeente, as
    ``load_demo`` builds it); running it twice changes nothing."""
    for slug, data in DEMO.items():
        gemeente = gemeenten.get(slug)
        if gemeente is None:
            continue
        with gemeente_scope(gemeente):
            _load(gemeente, data)


def _load(gemeente, data):
    proeftuin = Proeftuin.objects.order_by("-start").first()
    if proeftuin is None:
        return
    partners = {o.naam: o for o in Organisatie.objects.all()}
    members = {m.user.email: m for m in Lidmaatschap.objects.select_related("user")}

    for naam, contact in data["contacts"].items():
        organisatie = partners[naam]
        if isinstance(contact, str):
            organisatie.contactpersoon = members.get(contact)
            organisatie.contactpersoon_naam = organisatie.contactpersoon_email = ""
        else:
            organisatie.contactpersoon = None
            organisatie.contactpersoon_naam, organisatie.contactpersoon_email = contact
        organisatie.save()

    for naam, people in data["kerngroep"].items():
        for person, functie in people:
            Kerngroeplid.objects.update_or_create(
                gemeente=gemeente,
                organisatie=partners[naam],
                naam=person,
                defaults={"functie": functie},
            )

    door, functie, days, status = data["mandaat"]
    _commitment(
        gemeente,
        proeftuin,
        organisatie=None,
        soort=K.MANDAAT,
        omschrijving="Bestuurlijk mandaat voor een jaar proeftuin Léven tot het Einde",
        days=days,
        status=status,
        mandaat_door=door,
        mandaat_functie=functie,
    )
    for naam, soort, omschrijving, uren, euro, days, status, baat in data["commitments"]:
        commitment = _commitment(
            gemeente,
            proeftuin,
            organisatie=partners[naam] if naam else None,
            soort=soort,
            omschrijving=omschrijving,
            days=days,
            status=status,
            uren_per_jaar=uren,
            bedrag=euro,
        )
        for org in baat:
            Baat.objects.get_or_create(
                gemeente=gemeente, commitment=commitment, organisatie=partners[org]
            )


def _commitment(gemeente, proeftuin, *, organisatie, soort, omschrijving, days, status, **extra):
    toegezegd_op = proeftuin.start + datetime.timedelta(days=days)
    geleverd = status == GELEVERD
    commitment, _ = Commitment.objects.update_or_create(
        gemeente=gemeente,
        proeftuin=proeftuin,
        organisatie=organisatie,
        soort=soort,
        omschrijving=omschrijving,
        defaults={
            "status": status,
            "toegezegd_op": toegezegd_op,
            "verwacht_op": toegezegd_op + datetime.timedelta(days=60),
            "geleverd_op": toegezegd_op + datetime.timedelta(days=30) if geleverd else None,
            **extra,
        },
    )
    return commitment
