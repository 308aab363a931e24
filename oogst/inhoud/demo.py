"""The fictional oogst of the Oude IJsselstreek demo proeftuin (in verankering): texts, lessen,
verhalen (one without consent), the borging of its verbeteracties and vervolgafspraken. Called
from ``demo.loader.load_demo()``; idempotent. Every gated text passes the anonymisation gate
(tests/oogst/inhoud/test_checks.py)."""

import datetime

from django.db import transaction

from casussen.models import Succesfactor
from gemeenten.models import Fase, Organisatie, Proeftuin
from kern.models import User
from kern.tenancy import gemeente_scope
from verbeteracties.models import Verbeteractie

from .models import Borging, Les, LesSuccesfactor, Oogst, Verhaal, Vervolgafspraak

SLUG = "oude-ijsselstreek"
FACILITATOR = "facilitator@demo.nl"
HUISARTS = "huisarts@oude-ijsselstreek.demo.nl"

VOORWOORD = (
    "Een jaar lang hebben huisartsen, wijkverpleegkundigen, Wmo-consulenten, sociaal werkers, "
    "geestelijk verzorgers, mantelzorgconsulenten en vrijwilligers samen geleerd hoe zij mensen "
    "in de laatste levensfase en hun naasten beter kunnen ondersteunen. Dit logboek laat zien "
    "wat dat heeft opgeleverd: de lessen, de verhalen en de afspraken om samen verder te gaan.\n\n"
    "Dank aan iedereen die een casus inbracht, meedacht in de bijeenkomsten en een "
    "verbeteractie trok. Juist doordat mensen uit zorg en sociaal domein elkaar opzochten, "
    "kwam er beweging."
)
HOE_VERDER = (
    "De partners blijven een lerend netwerk. Het zesweekse werkoverleg gaat door, met de "
    "kerngroep als trekker. Bestuurders bespreken twee keer per jaar wat het netwerk nodig "
    "heeft, en de vraag naar betekenisvolle naasten wordt een vast onderdeel van elk eerste "
    "gesprek. Over de financiering van het inloopspreekuur voor mantelzorgers besluit de "
    "gemeente in het voorjaar."
)

# (titel, tekst, indexes of the success factors, verbeteractie titel or None, author e-mail)
LESSEN = [
    (
        "Elkaar kennen begint aan tafel",
        "Pas toen huisartsen, wijkverpleegkundigen en Wmo-consulenten samen aan tafel zaten, "
        "wisten ze van elkaar wat ze wel en niet doen. Sindsdien bellen ze elkaar eerder, in "
        "plaats van een verwijzing te sturen en af te wachten.",
        [0],
        None,
        FACILITATOR,
    ),
    (
        "De geestelijk verzorger hoort erbij",
        "Huisartsen dachten dat geestelijke verzorging alleen in het ziekenhuis of het hospice "
        "te krijgen was. Na een kennismaking verwijzen zij mensen met zingevingsvragen ook thuis "
        "door. De drempel bleek vooral onbekendheid.",
        [1],
        "Huisarts verwijst naar geestelijk verzorger",
        HUISARTS,
    ),
    (
        "Vraag in het eerste gesprek naar de naasten",
        "Wie er echt toe doet voor iemand, is niet altijd de partner of een kind. Door in het "
        "eerste gesprek te vragen wie betekenisvol is, komen buren, vrienden of een vrijwilliger "
        "eerder in beeld, en raakt de mantelzorger minder snel overbelast.",
        [3],
        None,
        FACILITATOR,
    ),
    (
        "Eén vast aanspreekpunt voor signalen",
        "Sociaal werkers zagen signalen van eenzaamheid en zorgen over het levenseinde, maar "
        "wisten niet bij wie ze daarmee terechtkonden. Een vaste contactpersoon per "
        "huisartsenpraktijk maakte het verschil.",
        [4, 0],
        None,
        FACILITATOR,
    ),
    (
        "Informatie delen kan, als je het goed regelt",
        "De angst om privacyregels te overtreden remde het delen van informatie. Met "
        "toestemming van de cliënt en een korte afspraak over wat je deelt en met wie, bleek "
        "veel meer mogelijk dan gedacht.",
        [2, 5],
        None,
        HUISARTS,
    ),
    (
        "Een inloopspreekuur vraagt een lange adem",
        "In de zomermaanden kwamen er weinig mantelzorgers naar het spreekuur. Er vast zijn, "
        "ook als het stil is, en folders bij de huisarts en de apotheek bouwden langzaam "
        "vertrouwen op.",
        [3, 4],
        "Inloopspreekuur mantelzorg in het dorpshuis",
        FACILITATOR,
    ),
]

# (soort, titel, tekst, wie, toestemming_hoe or "" for no consent)
VERHALEN = [
    (
        "verhaal",
        "Eén telefoontje in plaats van drie formulieren",
        "Een oudere man met een ongeneeslijke ziekte wilde thuis sterven. De wijkverpleegkundige "
        "en de Wmo-consulent regelden binnen een week een hoog-laagbed en extra steun voor zijn "
        "vrouw. Geen formulieren heen en weer, maar één telefoontje. ‘Zo hadden we het altijd al "
        "willen doen’, zei de wijkverpleegkundige achteraf.",
        "wijkverpleegkundige, Thuiszorg Achter de IJssel",
        "Mondeling op de oogstbijeenkomst",
    ),
    (
        "citaat",
        "",
        "Ik wist niet dat ik een geestelijk verzorger kon inschakelen voor iemand die thuis "
        "woont. Nu doe ik het bijna elke week.",
        "huisarts, Huisartsenpraktijk De Linde",
        "Per e-mail aan de procesbegeleider",
    ),
    (
        "citaat",
        "",
        "Als mantelzorger voelde ik me voor het eerst gezien, niet alleen als degene die alles "
        "maar moet regelen.",
        "mantelzorger, bezoeker van het inloopspreekuur",
        "Schriftelijk, via het steunpunt mantelzorg",
    ),
    (
        "verhaal",
        "Op tijd afscheid nemen",
        "Een vrijwilliger van de terminale thuiszorg vertelde hoe zij een dochter hielp om op "
        "tijd afscheid te nemen van haar moeder, omdat de huisarts haar vroeg genoeg had "
        "ingeschakeld.",
        "vrijwilliger terminale thuiszorg",
        "",
    ),
]

# verbeteractie titel → (stand, organisatie, werkproces, waarom niet)
BORGING = {
    "Huisarts verwijst naar geestelijk verzorger": (
        Borging.Stand.GEBORGD,
        "Netwerk Zingeving Achterhoek",
        "De verwijsroute in het huisartsinformatiesysteem en het kwartaaloverleg van huisartsen "
        "en geestelijk verzorgers.",
        "",
    ),
    "Inloopspreekuur mantelzorg in het dorpshuis": (
        Borging.Stand.DEELS,
        "Steunpunt Mantelzorg De Schakel",
        "Het wekelijkse spreekuur van het steunpunt mantelzorg.",
        "De financiering na het proeftuinjaar is nog niet rond; de gemeente besluit erover in "
        "het voorjaar.",
    ),
}

# (soort, wat, wie, organisatie, days after the proeftuin's end or None, ritme)
VERVOLG = [
    (
        Vervolgafspraak.Soort.LEREND_NETWERK,
        "Het zesweekse werkoverleg palliatieve zorg gaat door",
        "de kerngroep",
        "Welzijn De Brug",
        42,
        "elke zes weken",
    ),
    (
        Vervolgafspraak.Soort.LEREND_NETWERK,
        "Jaarlijkse casusbespreking met alle partners",
        "procesbegeleider en beleidsadviseur",
        "Wmo-team Oude IJsselstreek",
        300,
        "jaarlijks",
    ),
    (
        Vervolgafspraak.Soort.BESTUURLIJK,
        "Bestuurders bespreken wat het netwerk nodig heeft",
        "wethouder zorg en bestuurders van de partners",
        None,
        90,
        "twee keer per jaar",
    ),
    (
        Vervolgafspraak.Soort.BESTUURLIJK,
        "Besluit over de financiering van het inloopspreekuur",
        "wethouder zorg",
        "Wmo-team Oude IJsselstreek",
        150,
        "",
    ),
    (
        Vervolgafspraak.Soort.WERKPROCES,
        "De vraag naar betekenisvolle naasten in elk eerste gesprek",
        "Wmo-consulenten en wijkverpleegkundigen",
        "Thuiszorg Achter de IJssel",
        30,
        "",
    ),
]


def gated_texts():
    """Every demo text that the gate checks in the forms (and the oogst texts): for the test."""
    texts = [VOORWOORD, HOE_VERDER]
    texts += [t for titel, tekst, *_ in LESSEN for t in (titel, tekst)]
    texts += [t for _soort, titel, tekst, *_ in VERHALEN for t in (titel, tekst) if t]
    return texts


@transaction.atomic
def load_inhoud_demo(gemeenten):
    gemeente = gemeenten.get(SLUG)
    if gemeente is None:
        return
    with gemeente_scope(gemeente):
        proeftuin = Proeftuin.objects.filter(fase=Fase.VERANKERING).order_by("-start").first()
        if proeftuin is None:
            return
        users = {u.email: u for u in User.objects.filter(email__in=[FACILITATOR, HUISARTS])}
        facilitator = users.get(FACILITATOR)
        Oogst.objects.update_or_create(
            gemeente=gemeente,
            proeftuin=proeftuin,
            defaults={"voorwoord": VOORWOORD, "hoe_verder": HOE_VERDER, "updated_by": facilitator},
        )
        _lessen(gemeente, proeftuin, users)
        _verhalen(gemeente, proeftuin, facilitator)
        _borging(gemeente, proeftuin)
        _vervolg(gemeente, proeftuin)


def _lessen(gemeente, proeftuin, users):
    factors = list(Succesfactor.objects.order_by("volgorde", "naam"))
    acties = {a.titel: a for a in Verbeteractie.objects.levend().filter(proeftuin=proeftuin)}
    for titel, tekst, indexes, actie, author in LESSEN:
        les, _ = Les.objects.update_or_create(
            gemeente=gemeente,
            proeftuin=proeftuin,
            titel=titel,
            defaults={
                "tekst": tekst,
                "verbeteractie": acties.get(actie),
                "created_by": users.get(author),
            },
        )
        for index in indexes:
            if index < len(factors):
                LesSuccesfactor.objects.get_or_create(
                    gemeente=gemeente, les=les, succesfactor=factors[index]
                )


def _verhalen(gemeente, proeftuin, facilitator):
    for soort, titel, tekst, wie, how in VERHALEN:
        Verhaal.objects.update_or_create(
            gemeente=gemeente,
            proeftuin=proeftuin,
            tekst=tekst,
            defaults={
                "soort": soort,
                "titel": titel,
                "wie": wie,
                "toestemming": bool(how),
                "toestemming_hoe": how,
                "toestemming_op": proeftuin.eind - datetime.timedelta(days=20) if how else None,
                "toestemming_door": facilitator if how else None,
                "created_by": facilitator,
            },
        )


def _borging(gemeente, proeftuin):
    for actie in Verbeteractie.objects.levend().filter(proeftuin=proeftuin, titel__in=BORGING):
        stand, organisatie, werkproces, waarom_niet = BORGING[actie.titel]
        Borging.objects.update_or_create(
            gemeente=gemeente,
            verbeteractie=actie,
            defaults={
                "stand": stand,
                "door": Organisatie.objects.filter(naam=organisatie).first(),
                "werkproces": werkproces,
                "waarom_niet": waarom_niet,
            },
        )


def _vervolg(gemeente, proeftuin):
    for soort, wat, wie, organisatie, days, ritme in VERVOLG:
        Vervolgafspraak.objects.update_or_create(
            gemeente=gemeente,
            proeftuin=proeftuin,
            wat=wat,
            defaults={
                "soort": soort,
                "wie": wie,
                "organisatie": Organisatie.objects.filter(naam=organisatie).first()
                if organisatie
                else None,
                "wanneer": proeftuin.eind + datetime.timedelta(days=days),
                "ritme": ritme,
            },
        )
