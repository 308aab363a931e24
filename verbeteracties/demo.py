"""Fictional demo verbeteracties in the proeftuinen that are improving or embedding, with
updates, indicators and metingen. Called from ``demo.loader.load_demo()``; idempotent."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from bijeenkomsten.models import Bijeenkomst
from casussen.models import Inzicht, Succesfactor
from gemeenten.models import Fase, Lidmaatschap, Organisatie, Proeftuin
from kern.tenancy import gemeente_scope

from .models import (
    ActieCasus,
    ActieInzicht,
    ActieOrganisatie,
    ActieSuccesfactor,
    Indicator,
    Meting,
    Verbeteractie,
    Voortgang,
)

D = datetime.date

# Per gemeente: actions as (titel, status, owner e-mail, succesfactor index, categories,
# involved, investing, benefiting, start offset, end offset (days from the improvement start),
# updates [(days, licht, tekst)], indicator (naam, eenheid, nulmeting, streef, values) or None)
ACTIES = {
    "zundert": [
        {
            "titel": "Zesweeks MDO palliatieve zorg in de wijk",
            "status": "loopt",
            "eigenaar": "wijkverpleging@zundert.demo.nl",
            "succesfactor": 5,
            "categorieen": ["informatie_uitwisseling", "rolverdeling"],
            "betrokken": [
                "Huisartsenpraktijk Het Wolfsven",
                "Wijkverpleging Heide en Akkers",
                "Wmo-loket Zundert",
            ],
            "investeert": ["Wijkverpleging Heide en Akkers"],
            "baat": ["Huisartsenpraktijk Het Wolfsven", "Wmo-loket Zundert"],
            "beschrijving": (
                "Elke zes weken bespreken huisarts, wijkverpleging en Wmo-consulent samen "
                "de mensen in de laatste levensfase."
            ),
            "effect": "Eerder afstemmen, minder dubbel werk, naasten sneller in beeld.",
            "updates": [
                (
                    20,
                    "op_koers",
                    "Eerste MDO gehouden met drie disciplines; afspraken over de agenda gemaakt.",
                ),
                (
                    62,
                    "aandacht",
                    "Wmo-consulent kon twee keer niet aansluiten; tijdstip verschoven.",
                ),
                (
                    104,
                    "op_koers",
                    "Vaste plek in de agenda; de huisarts brengt nu zelf casussen in.",
                ),
            ],
            "indicator": (
                "Casussen besproken in het zesweekse MDO",
                "casussen",
                "2",
                "8",
                [2, 3, 2, 4, 3, 4, 6, 7, 8, 7, 8, 9],
            ),
        },
        {
            "titel": "Naasten betrekken bij het eerste gesprek",
            "status": "gepland",
            "eigenaar": "wijkverpleging@zundert.demo.nl",
            "succesfactor": 3,
            "categorieen": ["naasten_laat_betrokken"],
            "betrokken": ["Sociaal Werk De Akker", "Vrijwilligers Terminale Zorg De Wegwijzer"],
            "investeert": ["Sociaal Werk De Akker"],
            "baat": ["Vrijwilligers Terminale Zorg De Wegwijzer"],
            "beschrijving": "Een vaste vraag naar betekenisvolle naasten in het eerste gesprek.",
            "effect": "Naasten zijn vanaf het begin in beeld.",
            "updates": [],
            "indicator": None,
        },
    ],
    "oude-ijsselstreek": [
        {
            "titel": "Huisarts verwijst naar geestelijk verzorger",
            "status": "afgerond",
            "eigenaar": "huisarts@oude-ijsselstreek.demo.nl",
            "succesfactor": 1,
            "categorieen": ["elkaar_niet_kennen", "financiering"],
            "betrokken": ["Huisartsenpraktijk De Linde", "Netwerk Zingeving Achterhoek"],
            "investeert": ["Netwerk Zingeving Achterhoek"],
            "baat": ["Huisartsenpraktijk De Linde"],
            "beschrijving": (
                "Kennismaking van huisartsen met geestelijk verzorgers en een eenvoudige "
                "verwijsroute."
            ),
            "effect": "Meer mensen met zingevingsvragen krijgen een geestelijk verzorger.",
            "updates": [
                (
                    25,
                    "op_koers",
                    "Kennismakingsbijeenkomst met zes huisartsen en drie geestelijk verzorgers.",
                ),
                (90, "achter", "Verwijsformulier nog niet in het HIS; ICT-leverancier benaderd."),
                (150, "op_koers", "Verwijsroute staat; de eerste verwijzingen komen binnen."),
            ],
            "indicator": (
                "Verwijzingen huisarts → geestelijk verzorger",
                "verwijzingen",
                "1",
                "6",
                [1, 0, 2, 1, 3, 4, 4, 5, 6, 5, 7, 6],
            ),
        },
        {
            "titel": "Inloopspreekuur mantelzorg in het dorpshuis",
            "status": "loopt",
            "eigenaar": "beleid@oude-ijsselstreek.demo.nl",
            "succesfactor": 4,
            "categorieen": ["signalen_niet_opgepakt"],
            "betrokken": ["Steunpunt Mantelzorg De Schakel", "Welzijn De Brug"],
            "investeert": ["Steunpunt Mantelzorg De Schakel", "Wmo-team Oude IJsselstreek"],
            "baat": ["Welzijn De Brug", "Thuiszorg Achter de IJssel"],
            "beschrijving": "Elke dinsdagochtend een inloopspreekuur voor mantelzorgers.",
            "effect": "Mantelzorgers vinden eerder steun.",
            "updates": [
                (30, "op_koers", "Spreekuur gestart; flyers bij de huisarts en de apotheek."),
                (75, "aandacht", "Weinig bezoekers in de zomer."),
            ],
            "indicator": (
                "Mantelzorgers bereikt via het inloopspreekuur",
                "mantelzorgers",
                "0",
                "15",
                [3, 5, 4, 6, 8, 7, 9, 10],
            ),
        },
    ],
}


@transaction.atomic
def load_verbeteracties_demo(gemeenten):
    for slug, acties in ACTIES.items():
        gemeente = gemeenten[slug]
        with gemeente_scope(gemeente):
            proeftuin = (
                Proeftuin.objects.filter(fase__in=[Fase.VERBETEREN, Fase.VERANKERING])
                .prefetch_related("overgangen")
                .first()
            )
            if proeftuin is None:
                continue
            from .models import verbeterperiode

            start, eind = verbeterperiode(proeftuin)
            factoren = list(Succesfactor.objects.order_by("volgorde", "naam"))
            for i, data in enumerate(acties):
                # Staggered a little, as real actions are.
                van = start + datetime.timedelta(days=21 * i)
                tot = max(eind - datetime.timedelta(days=14 * i), van)
                _actie(gemeente, proeftuin, van, tot, factoren, data)


def _actie(gemeente, proeftuin, start, eind, factoren, data):
    eigenaar = Lidmaatschap.objects.filter(user__email=data["eigenaar"]).first()
    # Chosen at the second inventarisatie meeting (bijeenkomsten.demo), when it was held.
    bijeenkomst = (
        Bijeenkomst.objects.filter(proeftuin=proeftuin, titel__startswith="Tweede inventarisatie")
        .filter(begin__date__lt=start)
        .first()
    )
    actie, _ = Verbeteractie.objects.update_or_create(
        gemeente=gemeente,
        proeftuin=proeftuin,
        titel=data["titel"],
        defaults={
            "status": data["status"],
            "eigenaar": eigenaar,
            "start": start,
            "eind": eind,
            "beschrijving": data["beschrijving"],
            "beoogd_effect": data["effect"],
            "knelpunt_categorieen": data["categorieen"],
            "bijeenkomst": bijeenkomst,
            "gekozen_op": (
                timezone.localdate(bijeenkomst.begin)
                if bijeenkomst
                else start - datetime.timedelta(days=10)
            ),
            "gekozen_bij": "" if bijeenkomst else "Tweede inventarisatiebijeenkomst",
            "deleted_at": None,
            "created_by": eigenaar.user if eigenaar else None,
        },
    )
    # Proposed at the second inventarisatie meeting, not on the day the demo was loaded.
    proposed = timezone.make_aware(
        datetime.datetime.combine(start - datetime.timedelta(days=12), datetime.time(10))
    )
    Verbeteractie.objects.filter(pk=actie.pk).update(created_at=proposed)
    # Traceability: the demo inzichten (casussen.demo) that share a category, with their casus.
    for inzicht in Inzicht.objects.zichtbaar().filter(casus__proeftuin=proeftuin):
        if set(inzicht.knelpunt_categorieen) & set(data["categorieen"]):
            ActieInzicht.objects.get_or_create(gemeente=gemeente, actie=actie, inzicht=inzicht)
            ActieCasus.objects.get_or_create(
                gemeente=gemeente, actie=actie, casus_id=inzicht.casus_id
            )
    if factoren:
        factor = factoren[data["succesfactor"] % len(factoren)]
        ActieSuccesfactor.objects.get_or_create(gemeente=gemeente, actie=actie, succesfactor=factor)
    for rol in ("betrokken", "investeert", "baat"):
        for naam in data[rol]:
            organisatie = Organisatie.objects.filter(naam=naam).first()
            if organisatie:
                ActieOrganisatie.objects.get_or_create(
                    gemeente=gemeente, actie=actie, organisatie=organisatie, rol=rol
                )
    by = eigenaar.user if eigenaar else None
    for days, licht, tekst in data["updates"]:
        Voortgang.objects.update_or_create(
            gemeente=gemeente,
            actie=actie,
            datum=min(start + datetime.timedelta(days=days), eind),
            defaults={"licht": licht, "tekst": tekst, "by": by},
        )
    if data["indicator"]:
        naam, eenheid, nul, streef, values = data["indicator"]
        indicator, _ = Indicator.objects.update_or_create(
            gemeente=gemeente,
            actie=actie,
            naam=naam,
            defaults={
                "eenheid": eenheid,
                "nulmeting": Decimal(nul),
                "streefwaarde": Decimal(streef),
            },
        )
        step = max((eind - start).days // (len(values) + 1), 1)
        for i, value in enumerate(values):
            Meting.objects.update_or_create(
                gemeente=gemeente,
                indicator=indicator,
                datum=start + datetime.timedelta(days=step * (i + 1)),
                defaults={"waarde": Decimal(value), "by": by},
            )
