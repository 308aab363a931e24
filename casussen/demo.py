"""Fictional demo casussen for every demo gemeente, several discussed with inzichten.

Written without names, places, dates or numbers; each text still goes through the gate's
replace-all on loading, so the demo passes whatever the detector finds (placeholders at worst).
"""

import datetime

from django.utils import timezone

from gemeenten.models import Proeftuin
from kern.models import User
from kern.tenancy import gemeente_scope

from . import gate
from .models import Casus, Inzicht, InzichtSuccesfactor, Knelpunt, Succesfactor

S = Casus.Status

# (titel, status, fields, knelpunten [(categorie, toelichting)], inzichten [(titel, toelichting,
# succesfactor volgorde numbers, knelpunt categories)])
CASUSSEN = [
    (
        "Meneer met hartfalen die thuis wilde sterven",
        S.BESPROKEN,
        {
            "leeftijdscategorie": "85_plus",
            "ziektebeeld": "hartfalen",
            "woonsituatie": "met_partner",
            "naasten": "Zijn vrouw zorgt dag en nacht; de kinderen wonen ver weg.",
            "dimensie_fysiek": True,
            "dimensie_sociaal": True,
            "disciplines": "Huisarts, wijkverpleegkundige, Wmo-consulent, mantelzorgconsulent.",
            "verloop": (
                "Na een opname wilde meneer niet meer terug naar het ziekenhuis. De huisarts "
                "en de wijkverpleging spraken dat af, maar de Wmo-consulent wist er niet van en "
                "plande een gesprek over een traplift. Zijn vrouw raakte uitgeput."
            ),
            "wat_hielp": "Het gesprek over wat meneer nog wel en niet meer wilde.",
            "vragen": "Hoe zorgen we dat iedereen dezelfde afspraken kent?",
            "anders_beter": (
                "De mantelzorger eerder ontlasten; de Wmo eerder meenemen in de afspraken."
            ),
        },
        [
            (
                "informatie_uitwisseling",
                "Afspraken over niet meer opnemen waren niet bij iedereen bekend.",
            ),
            ("naasten_laat_betrokken", "De mantelzorger werd pas gezien toen zij zelf uitviel."),
        ],
        [
            (
                "Afspraken over de laatste levensfase delen met het hele netwerk",
                "De huisarts deelt de afspraken met wijkverpleging en Wmo, met toestemming.",
                [3],
                ["informatie_uitwisseling"],
            ),
            (
                "De mantelzorger vanaf het begin als partner zien",
                "De mantelzorgconsulent eerder inschakelen voorkomt uitval.",
                [4],
                ["naasten_laat_betrokken"],
            ),
        ],
    ),
    (
        "Alleenwonende vrouw met dementie en weinig netwerk",
        S.BESPROKEN,
        {
            "leeftijdscategorie": "75_84",
            "ziektebeeld": "dementie",
            "woonsituatie": "alleen",
            "naasten": "Een buurvrouw kijkt af en toe; verder weinig contact.",
            "dimensie_psychisch": True,
            "dimensie_sociaal": True,
            "dimensie_zingeving": True,
            "disciplines": "Sociaal werker, huisarts, casemanager dementie, geestelijk verzorger.",
            "verloop": (
                "De sociaal werker zag dat mevrouw steeds vaker verward was en de post liet "
                "liggen. Zij wist niet bij wie zij dit kon melden. Pas na een val kwam er hulp."
            ),
            "wat_hielp": "De geestelijk verzorger bracht rust en hielp haar wensen te verwoorden.",
            "vragen": "Waar kan een sociaal werker terecht met zo'n signaal?",
            "anders_beter": "Signalen eerder delen met de huisarts.",
        },
        [
            ("signalen_niet_opgepakt", "Het signaal van de sociaal werker kwam nergens terecht."),
            ("elkaar_niet_kennen", "Sociaal werker en huisarts kenden elkaar niet."),
        ],
        [
            (
                "Eén telefoonnummer voor signalen uit het sociaal domein",
                "Een vaste contactpersoon bij de huisartsen voor signalen.",
                [5, 1],
                ["signalen_niet_opgepakt", "elkaar_niet_kennen"],
            ),
            (
                "Geestelijk verzorger eerder betrekken",
                "Huisartsen kennen de meerwaarde, maar verwijzen laat.",
                [2],
                [],
            ),
        ],
    ),
    (
        "Man met COPD, zorgen over de kosten van hulp",
        S.INGEDIEND,
        {
            "leeftijdscategorie": "65_74",
            "ziektebeeld": "copd",
            "woonsituatie": "met_partner",
            "naasten": "Zijn partner werkt nog; een zoon helpt in het weekend.",
            "dimensie_fysiek": True,
            "disciplines": "Longverpleegkundige, wijkverpleegkundige, Wmo-consulent.",
            "verloop": (
                "Meneer zag af van huishoudelijke hulp omdat hij de eigen bijdrage niet kon "
                "overzien. De benauwdheid nam toe en het huishouden liep vast."
            ),
            "wat_hielp": "Uitleg van de Wmo-consulent over wat het werkelijk zou kosten.",
            "vragen": "Hoe maken we kosten eerder bespreekbaar?",
            "anders_beter": "Financiële vragen meenemen in het eerste gesprek.",
        },
        [("financiering", "Onduidelijkheid over de eigen bijdrage hield hulp tegen.")],
        [],
    ),
]


def load_casussen_demo(gemeenten):
    """Create or refresh the demo casussen of each demo gemeente; running it twice changes
    nothing. ``gemeenten`` maps slug to Gemeente (from ``demo.loader.load_demo``)."""
    auteurs = {
        "oude-ijsselstreek": "huisarts@oude-ijsselstreek.demo.nl",
        "zundert": "wijkverpleging@zundert.demo.nl",
    }
    facilitator = User.objects.filter(email="facilitator@demo.nl").first()
    for slug, gemeente in gemeenten.items():
        auteur = User.objects.filter(email=auteurs.get(slug, "facilitator@demo.nl")).first()
        with gemeente_scope(gemeente):
            proeftuin = Proeftuin.objects.order_by("-start").first()
            if proeftuin is None:
                continue
            factoren = {f.volgorde: f for f in Succesfactor.objects.all()}
            for titel, status, fields, knelpunten, inzichten in CASUSSEN:
                _casus(
                    gemeente,
                    proeftuin,
                    auteur,
                    facilitator,
                    titel,
                    status,
                    fields,
                    knelpunten,
                    inzichten,
                    factoren,
                )


def _clean(value):
    return gate.replace_all(value) if isinstance(value, str) else value


def _casus(
    gemeente, proeftuin, auteur, facilitator, titel, status, fields, knelpunten, inzichten, factoren
):
    now = timezone.now()
    casus, created = Casus.objects.update_or_create(
        gemeente=gemeente,
        proeftuin=proeftuin,
        titel=_clean(titel),
        defaults={
            **{name: _clean(value) for name, value in fields.items()},
            "status": status,
            "auteur": auteur,
            "ingediend_op": now - datetime.timedelta(days=30),
            "besproken_op": now - datetime.timedelta(days=14) if status == S.BESPROKEN else None,
        },
    )
    if created:
        for categorie, toelichting in knelpunten:
            Knelpunt.objects.create(
                gemeente=gemeente, casus=casus, categorie=categorie, toelichting=_clean(toelichting)
            )
    for inzicht_titel, toelichting, volgordes, categorieen in inzichten:
        inzicht, _made = Inzicht.objects.update_or_create(
            gemeente=gemeente,
            casus=casus,
            titel=_clean(inzicht_titel),
            defaults={
                "toelichting": _clean(toelichting),
                "knelpunt_categorieen": categorieen,
                "by": facilitator,
            },
        )
        for volgorde in volgordes:
            if volgorde in factoren:
                InzichtSuccesfactor.objects.get_or_create(
                    gemeente=gemeente, inzicht=inzicht, succesfactor=factoren[volgorde]
                )
