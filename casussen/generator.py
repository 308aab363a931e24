"""Synthetic casussen of one gemeente: knelpunten, and inzichten tagged with succesfactoren and
knelpunten (see ``proeftuin/generator.py``).

The text is fictional and made of placeholders (``[naam]``), so it passes the anonymisation gate
without running the detector here (too slow at this scale).
"""

import datetime

from django.utils import timezone

from .models import (
    Casus,
    Inzicht,
    InzichtKnelpunt,
    InzichtSuccesfactor,
    Knelpunt,
    KnelpuntCategorie,
    Succesfactor,
)
from .models.casus import Leeftijdscategorie, Woonsituatie, Ziektebeeld

S = Casus.Status
# concept, ingediend, besproken, gearchiveerd: most casussen are discussed.
STATUSSEN = [S.CONCEPT] * 2 + [S.INGEDIEND] * 3 + [S.BESPROKEN] * 6 + [S.GEARCHIVEERD]
TITELS = [
    "[naam] met {ziekte} wilde thuis sterven",
    "Alleenwonende [naam] met {ziekte} en weinig netwerk",
    "Mantelzorger van [naam] ({ziekte}) raakte uitgeput",
    "Late signalen bij [naam] met {ziekte}",
    "Zorgen over de kosten van hulp voor [naam] ({ziekte})",
]
VERLOOP = (
    "[naam] had {ziekte}. De huisarts en de wijkverpleging maakten afspraken, maar niet "
    "iedereen wist ervan. De naaste van [naam] raakte uitgeput."
)
INZICHTEN = [
    "Afspraken over de laatste levensfase delen met het hele netwerk",
    "De mantelzorger vanaf het begin als partner zien",
    "Eén contactpersoon voor signalen uit het sociaal domein",
    "Geestelijk verzorger eerder betrekken",
    "Kosten van hulp in het eerste gesprek bespreken",
]
CATEGORIEEN = list(KnelpuntCategorie.values)


def _moment(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def generate(ctx):
    rng, gemeente, scale = ctx.rng, ctx.gemeente, ctx.scale
    proeftuin, leden = ctx.made["proeftuin"], ctx.made["leden"]
    auteurs = [lid.user for lid in leden[1:]]
    facilitator = ctx.facilitator
    factoren = list(Succesfactor.objects.order_by("volgorde"))
    today = datetime.date(2026, 11, 25)
    dagen = max(1, min((proeftuin.eind - proeftuin.start).days, (today - proeftuin.start).days))

    casussen = []
    for n in range(scale.casussen):
        status = rng.choice(STATUSSEN)
        ziekte = rng.choice(Ziektebeeld.values[:-1])
        dag = proeftuin.start + datetime.timedelta(days=rng.randrange(dagen))
        ingediend = _moment(dag) if status != S.CONCEPT else None
        besproken = (
            _moment(dag + datetime.timedelta(days=14))
            if status in (S.BESPROKEN, S.GEARCHIVEERD)
            else None
        )
        casussen.append(
            Casus(
                gemeente=gemeente,
                proeftuin=proeftuin,
                auteur=auteurs[n % len(auteurs)],
                status=status,
                titel=rng.choice(TITELS).format(ziekte=Ziektebeeld(ziekte).label.lower()),
                leeftijdscategorie=rng.choice(Leeftijdscategorie.values),
                ziektebeeld=ziekte,
                woonsituatie=rng.choice(Woonsituatie.values),
                naasten="Een naaste van [naam] zorgt; de kinderen wonen ver weg.",
                dimensie_fysiek=rng.random() < 0.7,
                dimensie_psychisch=rng.random() < 0.5,
                dimensie_sociaal=rng.random() < 0.5,
                dimensie_zingeving=rng.random() < 0.3,
                disciplines="Huisarts, wijkverpleegkundige, Wmo-consulent.",
                verloop=VERLOOP.format(ziekte=Ziektebeeld(ziekte).label.lower()),
                wat_hielp="Het gesprek over wat [naam] nog wel en niet meer wilde.",
                vragen="Hoe zorgen we dat iedereen dezelfde afspraken kent?",
                anders_beter="De mantelzorger eerder ontlasten.",
                ingediend_op=ingediend,
                besproken_op=besproken,
            )
        )
    casussen = Casus.objects.bulk_create(casussen)

    knelpunten = Knelpunt.objects.bulk_create(
        Knelpunt(
            gemeente=gemeente,
            casus=casus,
            categorie=categorie,
            toelichting="Afspraken over [naam] waren niet bij iedereen bekend.",
        )
        for casus in casussen
        for categorie in rng.sample(CATEGORIEEN, rng.randint(1, 3))
    )
    per_casus = {}
    for knelpunt in knelpunten:
        per_casus.setdefault(knelpunt.casus_id, []).append(knelpunt)

    besproken = [c for c in casussen if c.status in (S.BESPROKEN, S.GEARCHIVEERD)]
    inzichten = Inzicht.objects.bulk_create(
        Inzicht(
            gemeente=gemeente,
            casus=casus,
            titel=rng.choice(INZICHTEN),
            toelichting="De huisarts deelt de afspraken met wijkverpleging en Wmo.",
            knelpunt_categorieen=[k.categorie for k in per_casus[casus.pk][:1]],
            by=facilitator,
        )
        for casus in besproken
        for _ in range(rng.randint(1, 2))
    )
    InzichtSuccesfactor.objects.bulk_create(
        InzichtSuccesfactor(gemeente=gemeente, inzicht=inzicht, succesfactor=factor)
        for inzicht in inzichten
        for factor in rng.sample(factoren, rng.randint(1, 2))
    )
    InzichtKnelpunt.objects.bulk_create(
        InzichtKnelpunt(gemeente=gemeente, inzicht=inzicht, knelpunt=per_casus[inzicht.casus_id][0])
        for inzicht in inzichten
    )
    ctx.made.update(
        casussen=casussen, knelpunten=knelpunten, inzichten=inzichten, succesfactoren=factoren
    )
