"""Synthetic oogst of one gemeente: the texts, lessen tagged with succesfactoren, verhalen
(some without consent), the borging of finished verbeteracties and vervolgafspraken (see
``demo/generator.py``)."""

import datetime

from verbeteracties.models import Status

from .models import Borging, Les, LesSuccesfactor, Oogst, Verhaal, Vervolgafspraak

LESSEN = [
    ("Elkaar kennen scheelt werk", "Wie elkaar kent, belt eerder en hoeft minder uit te zoeken."),
    ("Naasten vroeg erbij", "Een vaste vraag naar naasten in het eerste gesprek helpt iedereen."),
    ("Een vast overleg werkt", "Een vaste plek in de agenda houdt de samenwerking levend."),
]
VERHALEN = [
    ("citaat", "Ik weet nu wie ik kan bellen als het thuis niet meer gaat."),
    (
        "verhaal",
        "Dankzij het overleg kon [naam] thuis blijven, met hulp van buren en vrijwilligers.",
    ),
]


def generate(ctx):
    rng, gemeente, scale = ctx.rng, ctx.gemeente, ctx.scale
    proeftuin, leden = ctx.made["proeftuin"], ctx.made["leden"]
    organisaties = ctx.made["organisaties"]
    factors = ctx.made.get("succesfactoren", [])
    acties = ctx.made.get("verbeteracties", [])
    count = max(scale.verbeteracties, 1)

    Oogst.objects.create(
        gemeente=gemeente,
        proeftuin=proeftuin,
        voorwoord="Een jaar samen leren in de proeftuin.",
        hoe_verder="De kerngroep blijft elke zes weken bijeenkomen.",
        updated_by=ctx.facilitator,
    )
    lessen = Les.objects.bulk_create(
        Les(
            gemeente=gemeente,
            proeftuin=proeftuin,
            titel=f"{titel} {n + 1}",
            tekst=tekst,
            verbeteractie=rng.choice(acties) if acties and n % 2 == 0 else None,
            created_by=rng.choice(leden).user,
        )
        for n, (titel, tekst) in ((n, rng.choice(LESSEN)) for n in range(count))
    )
    if factors:
        LesSuccesfactor.objects.bulk_create(
            LesSuccesfactor(gemeente=gemeente, les=les, succesfactor=factor)
            for les in lessen
            for factor in rng.sample(factors, min(2, len(factors)))
        )
    Verhaal.objects.bulk_create(
        Verhaal(
            gemeente=gemeente,
            proeftuin=proeftuin,
            soort=soort,
            tekst=tekst,
            wie="wijkverpleegkundige",
            toestemming=n % 3 != 0,
            toestemming_hoe="per e-mail" if n % 3 != 0 else "",
            toestemming_op=proeftuin.eind if n % 3 != 0 else None,
            toestemming_door=ctx.facilitator if n % 3 != 0 else None,
            created_by=ctx.facilitator,
        )
        for n, (soort, tekst) in ((n, rng.choice(VERHALEN)) for n in range(count))
    )
    Borging.objects.bulk_create(
        Borging(
            gemeente=gemeente,
            verbeteractie=actie,
            stand=Borging.Stand.GEBORGD,
            door=rng.choice(organisaties),
            werkproces="het zesweekse MDO",
        )
        for actie in acties
        if actie.status in (Status.AFGEROND, Status.GEBORGD, Status.LOOPT)
    )
    kinds = list(Vervolgafspraak.Soort)
    Vervolgafspraak.objects.bulk_create(
        Vervolgafspraak(
            gemeente=gemeente,
            proeftuin=proeftuin,
            soort=kinds[n % len(kinds)],
            wat=f"Vervolgafspraak {n + 1}",
            wie="de kerngroep",
            organisatie=rng.choice(organisaties),
            wanneer=proeftuin.eind + datetime.timedelta(days=30 * (n + 1)),
            ritme="elke zes weken",
        )
        for n in range(count)
    )
    ctx.made.update(lessen=lessen)
