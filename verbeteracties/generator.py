"""Synthetic verbeteracties of one gemeente: links to casussen, inzichten, succesfactoren and
organisations, dated updates, an indicator with its metingen (see ``proeftuin/generator.py``)."""

import datetime
from decimal import Decimal

from casussen.models import KnelpuntCategorie

from .models import (
    ActieCasus,
    ActieInzicht,
    ActieOrganisatie,
    ActieSuccesfactor,
    Indicator,
    Licht,
    Meting,
    Status,
    Verbeteractie,
    Voortgang,
)
from .models.actie import VERBETEREN_NA_START

TITELS = [
    "Zesweeks MDO palliatieve zorg in de wijk",
    "Naasten betrekken bij het eerste gesprek",
    "Sociale kaart voor signalen uit het sociaal domein",
    "Geestelijk verzorger in het wijkteam",
    "Kosten van hulp vroeg bespreken",
]
STATUSSEN = [Status.IDEE, Status.GEPLAND] + [Status.LOOPT] * 4 + [Status.AFGEROND, Status.GEBORGD]
UPDATES = [
    (Licht.OP_KOERS, "Eerste overleg gehouden met [aantal] disciplines; afspraken gemaakt."),
    (Licht.AANDACHT, "[naam] kon twee keer niet aansluiten; tijdstip verschoven."),
    (Licht.OP_KOERS, "Vaste plek in de agenda; de huisarts brengt nu zelf casussen in."),
]


def generate(ctx):
    rng, gemeente, scale = ctx.rng, ctx.gemeente, ctx.scale
    proeftuin, leden = ctx.made["proeftuin"], ctx.made["leden"]
    organisaties = ctx.made["organisaties"]
    casussen = ctx.made.get("casussen", [])
    inzichten = ctx.made.get("inzichten", [])
    factoren = ctx.made.get("succesfactoren", [])
    begin = proeftuin.start + VERBETEREN_NA_START
    metingen_per_actie = scale.metingen

    acties = []
    for n in range(scale.verbeteracties):
        status = rng.choice(STATUSSEN)
        start = begin + datetime.timedelta(days=rng.randrange(60))
        acties.append(
            Verbeteractie(
                gemeente=gemeente,
                proeftuin=proeftuin,
                titel=f"{rng.choice(TITELS)} {n + 1}",
                beschrijving="Elke zes weken bespreken huisarts, wijkverpleging en Wmo samen.",
                aanleiding="De casussen lieten zien dat afspraken niet bij iedereen bekend waren.",
                knelpunt_categorieen=rng.sample(list(KnelpuntCategorie.values), 2),
                eigenaar=rng.choice(leden[1:]),
                start=start,
                eind=start + datetime.timedelta(days=7 * (metingen_per_actie + 4)),
                beoogd_effect="Eerder afstemmen, minder dubbel werk.",
                gekozen_op=start - datetime.timedelta(days=7),
                gekozen_bij="Werkbijeenkomst verbeteracties",
                status=status,
                created_by=ctx.facilitator,
            )
        )
    acties = Verbeteractie.objects.bulk_create(acties)

    links = {ActieCasus: [], ActieInzicht: [], ActieSuccesfactor: [], ActieOrganisatie: []}
    for actie in acties:
        if casussen:
            links[ActieCasus] += [
                ActieCasus(gemeente=gemeente, actie=actie, casus=casus)
                for casus in rng.sample(casussen, min(2, len(casussen)))
            ]
        if inzichten:
            links[ActieInzicht].append(
                ActieInzicht(gemeente=gemeente, actie=actie, inzicht=rng.choice(inzichten))
            )
        if factoren:
            links[ActieSuccesfactor].append(
                ActieSuccesfactor(gemeente=gemeente, actie=actie, succesfactor=rng.choice(factoren))
            )
        betrokken = rng.sample(organisaties, min(3, len(organisaties)))
        links[ActieOrganisatie] += [
            ActieOrganisatie(gemeente=gemeente, actie=actie, organisatie=organisatie, rol=rol)
            for organisatie, rol in zip(
                betrokken,
                [
                    ActieOrganisatie.Rol.BETROKKEN,
                    ActieOrganisatie.Rol.INVESTEERT,
                    ActieOrganisatie.Rol.BAAT,
                ],
                strict=False,
            )
        ]
    for model, rows in links.items():
        model.objects.bulk_create(rows)

    lopend = [a for a in acties if a.status not in (Status.IDEE, Status.GEPLAND)]
    Voortgang.objects.bulk_create(
        Voortgang(
            gemeente=gemeente,
            actie=actie,
            datum=actie.start + datetime.timedelta(days=20 * (n + 1)),
            licht=licht,
            tekst=tekst,
            by=actie.eigenaar.user,
        )
        for actie in lopend
        for n, (licht, tekst) in enumerate(UPDATES)
    )
    indicatoren = Indicator.objects.bulk_create(
        Indicator(
            gemeente=gemeente,
            actie=actie,
            naam="Casussen besproken in het overleg",
            eenheid="casussen",
            nulmeting=Decimal(2),
            streefwaarde=Decimal(8),
        )
        for actie in lopend
    )
    Meting.objects.bulk_create(
        Meting(
            gemeente=gemeente,
            indicator=indicator,
            datum=indicator.actie.start + datetime.timedelta(days=7 * week),
            waarde=Decimal(2 + week // 2 + rng.randint(0, 2)),
            by=indicator.actie.eigenaar.user,
        )
        for indicator in indicatoren
        for week in range(metingen_per_actie)
    )
    ctx.made.update(verbeteracties=acties)
