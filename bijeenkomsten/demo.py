"""Fictional demo meetings of each demo proeftuin: past ones with attendance, guests, a final
verslag and actiepunten, and one coming up with its agenda and invitations. Idempotent.

Called from ``demo.loader.load_demo()`` with its gemeenten by slug."""

import datetime

from django.db import transaction
from django.utils import timezone

from casussen.models import Casus
from gemeenten.models import Discipline, Lidmaatschap, Organisatie, Proeftuin
from kern.tenancy import gemeente_scope

from .models import (
    Actiepunt,
    Agendapunt,
    Antwoord,
    Bijeenkomst,
    Deelname,
    Gast,
    Inbreng,
    Soort,
    Verslag,
    VerslagVersie,
)
from .services import CASUS_MINUTEN

S = Soort
D = Discipline

# (days after the proeftuin's start, kind, title)
PAST = {
    "oude-ijsselstreek": [
        (14, S.STARTBIJEENKOMST, "Startbijeenkomst"),
        (42, S.INVENTARISATIE, "Eerste inventarisatie: casussen uit de praktijk"),
        (70, S.INVENTARISATIE, "Tweede inventarisatie: knelpunten kiezen"),
        (160, S.WERKBIJEENKOMST, "Werkbijeenkomst verbeteracties"),
        (210, S.ZESWEEKS, "Zesweeks overleg"),
    ],
    "zundert": [
        (14, S.STARTBIJEENKOMST, "Startbijeenkomst"),
        (50, S.INVENTARISATIE, "Eerste inventarisatie"),
        (85, S.INVENTARISATIE, "Tweede inventarisatie"),
        (170, S.ZESWEEKS, "Zesweeks overleg"),
    ],
    "stichtse-vecht": [
        (13, S.STARTBIJEENKOMST, "Startbijeenkomst"),
        (48, S.INVENTARISATIE, "Eerste inventarisatie"),
    ],
    "roermond": [],
}
UPCOMING = {
    "oude-ijsselstreek": (S.OOGST, "Oogstbijeenkomst met bestuurders"),
    "zundert": (S.ZESWEEKS, "Zesweeks overleg"),
    "stichtse-vecht": (S.INVENTARISATIE, "Tweede inventarisatie"),
    "roermond": (S.STARTBIJEENKOMST, "Startbijeenkomst"),
}
# Guests without an account, by partner kind: (name, discipline).
GUESTS = {
    Organisatie.Soort.HUISARTSENPRAKTIJK: ("Praktijkondersteuner (gast)", D.POH),
    Organisatie.Soort.WIJKVERPLEGING: ("Wijkverpleegkundige (gast)", D.WIJKVERPLEEGKUNDIGE),
    Organisatie.Soort.WELZIJN: ("Sociaal werker (gast)", D.SOCIAAL_WERKER),
    Organisatie.Soort.GEMEENTE_WMO: ("Wmo-consulent (gast)", D.WMO_CONSULENT),
    Organisatie.Soort.MANTELZORG: ("Mantelzorgconsulent (gast)", D.MANTELZORGCONSULENT),
    Organisatie.Soort.GEESTELIJKE_VERZORGING: (
        "Geestelijk verzorger (gast)",
        D.GEESTELIJK_VERZORGER,
    ),
    Organisatie.Soort.HOSPICE: ("Vrijwilligerscoördinator (gast)", D.VRIJWILLIGERSCOORDINATOR),
    Organisatie.Soort.VRIJWILLIGERS: (
        "Vrijwilligerscoördinator (gast)",
        D.VRIJWILLIGERSCOORDINATOR,
    ),
}
VERSLAG = (
    "Opening en kennismaking: iedereen vertelde vanuit welke organisatie en rol hij of zij "
    "betrokken is bij mensen in de laatste levensfase.\n\n"
    "Casusbespreking: de groep besprak wat nu helpt, wat eerder of anders kan en welke "
    "knelpunten er zijn in de informatie-uitwisseling tussen zorg en sociaal domein.\n\n"
    "Afspraken: de kerngroep werkt de gekozen knelpunten uit tot verbeteracties."
)
AGENDA = [
    ("Opening en kennismaking", 15),
    ("Terugblik op de vorige bijeenkomst", 20),
    ("Casussen uit de praktijk", 60),
    ("Afspraken en actiepunten", 25),
]


def _at(day, hour):
    tz = timezone.get_default_timezone()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)), tz)


@transaction.atomic
def load_bijeenkomsten_demo(gemeenten):
    today = timezone.localdate()
    for slug, gemeente in gemeenten.items():
        with gemeente_scope(gemeente):
            proeftuin = Proeftuin.objects.filter(naam__startswith="Léven tot het Einde").first()
            if proeftuin is None:
                continue
            leden = list(Lidmaatschap.objects.select_related("user"))
            facilitator = next((m.user for m in leden if m.role == "facilitator"), None)
            partners = list(Organisatie.objects.all())
            for days, soort, titel in PAST.get(slug, []):
                day = proeftuin.start + datetime.timedelta(days=days)
                if day >= today:
                    continue
                b = _bijeenkomst(gemeente, proeftuin, soort, titel, _at(day, 14), facilitator)
                for lid in leden:
                    Deelname.objects.update_or_create(
                        gemeente=gemeente,
                        bijeenkomst=b,
                        lidmaatschap=lid,
                        defaults={
                            "uitgenodigd_at": b.begin - datetime.timedelta(days=21),
                            "mail_sequence": 0,
                            "antwoord": Antwoord.JA,
                            "aanwezig": lid.role != "bestuurder" or soort == S.STARTBIJEENKOMST,
                        },
                    )
                # More guests at the bigger meetings, so the figures have some shape.
                n_guests = len(partners) if soort != S.ZESWEEKS else len(partners) // 2
                for organisatie in partners[:n_guests]:
                    naam, discipline = GUESTS.get(organisatie.soort, ("Gast", D.ANDERS))
                    Gast.objects.update_or_create(
                        gemeente=gemeente,
                        bijeenkomst=b,
                        organisatie=organisatie,
                        defaults={"naam": naam, "discipline": discipline},
                    )
                for n, (punt, duur) in enumerate(AGENDA):
                    Agendapunt.objects.update_or_create(
                        gemeente=gemeente,
                        bijeenkomst=b,
                        titel=punt,
                        defaults={"volgorde": n, "duur_minuten": duur},
                    )
                verslag, _ = Verslag.objects.update_or_create(
                    gemeente=gemeente,
                    bijeenkomst=b,
                    defaults={
                        "tekst": VERSLAG,
                        "status": Verslag.Status.DEFINITIEF,
                        "reacties_tot": day + datetime.timedelta(days=10),
                        "definitief_at": b.eind + datetime.timedelta(days=12),
                    },
                )
                VerslagVersie.objects.update_or_create(
                    gemeente=gemeente,
                    verslag=verslag,
                    nummer=1,
                    defaults={"tekst": VERSLAG, "definitief": True, "by": facilitator},
                )
                eigenaar = next((m for m in leden if m.role == "professional"), None)
                Actiepunt.objects.update_or_create(
                    gemeente=gemeente,
                    bijeenkomst=b,
                    omschrijving="Sociale kaart van de palliatieve zorg rondsturen",
                    defaults={
                        "eigenaar": eigenaar,
                        "deadline": day + datetime.timedelta(days=28),
                        "gedaan_at": b.eind + datetime.timedelta(days=20),
                    },
                )
            soort, titel = UPCOMING[slug]
            day = today + datetime.timedelta(days=16)
            b = _bijeenkomst(gemeente, proeftuin, soort, titel, _at(day, 15), facilitator)
            for n, (punt, duur) in enumerate(AGENDA):
                Agendapunt.objects.update_or_create(
                    gemeente=gemeente,
                    bijeenkomst=b,
                    titel=punt,
                    defaults={"volgorde": n, "duur_minuten": duur},
                )
            for lid in leden:
                Deelname.objects.update_or_create(
                    gemeente=gemeente,
                    bijeenkomst=b,
                    lidmaatschap=lid,
                    defaults={"uitgenodigd_at": timezone.now(), "mail_sequence": 0},
                )
            if soort == S.INVENTARISATIE:
                _casussen_op_agenda(gemeente, b, Casus.objects.ingediend().zichtbaar())


def _casussen_op_agenda(gemeente, bijeenkomst, casussen):
    """The submitted casussen brought to the meeting by their authors, and on its agenda."""
    volgorde = bijeenkomst.agendapunten.count()
    for casus in casussen.filter(proeftuin=bijeenkomst.proeftuin):
        Inbreng.objects.get_or_create(
            gemeente=gemeente, bijeenkomst=bijeenkomst, casus=casus, defaults={"by": casus.auteur}
        )
        _punt, created = Agendapunt.objects.get_or_create(
            gemeente=gemeente,
            bijeenkomst=bijeenkomst,
            casus=casus,
            defaults={
                "titel": f"Casus {casus.pk}",
                "duur_minuten": CASUS_MINUTEN,
                "volgorde": volgorde,
            },
        )
        volgorde += created


def _bijeenkomst(gemeente, proeftuin, soort, titel, begin, facilitator):
    """The demo meeting of this kind and title, moved to ``begin`` when it was elsewhere."""
    b, _ = Bijeenkomst.objects.update_or_create(
        gemeente=gemeente,
        proeftuin=proeftuin,
        soort=soort,
        titel=titel,
        defaults={
            "begin": begin,
            "eind": begin + datetime.timedelta(hours=2),
            "casus_deadline": begin - datetime.timedelta(days=7),
            "locatie": "Gemeentehuis, raadszaal",
            "beschrijving": "Een bijeenkomst van de proeftuin Léven tot het Einde.",
            "created_by": facilitator,
        },
    )
    return b
