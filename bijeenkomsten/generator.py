"""Synthetic bijeenkomsten of one gemeente: agenda (with casussen), invitations with answers,
attendance of the meetings held, and casussen brought in (see ``proeftuin/generator.py``)."""

import datetime
import uuid

from django.utils import timezone

from .models import Agendapunt, Antwoord, Bijeenkomst, Deelname, Inbreng, Soort

TITELS = {
    Soort.STARTBIJEENKOMST: "Startbijeenkomst",
    Soort.INVENTARISATIE: "Inventarisatie casussen",
    Soort.ZESWEEKS: "Zesweeks overleg",
    Soort.WERKBIJEENKOMST: "Werkbijeenkomst verbeteracties",
    Soort.OOGST: "Oogstbijeenkomst",
}
AGENDA = ["Welkom en kennismaking", "Terugblik", "Afspraken en vervolg"]
ANTWOORDEN = [Antwoord.JA] * 6 + [Antwoord.MISSCHIEN, Antwoord.NEE, ""]
# About a third of the members is invited to each meeting.
GENODIGDEN = 3


def _soort(n, total):
    if n == 0:
        return Soort.STARTBIJEENKOMST
    if n == total - 1:
        return Soort.OOGST
    return [Soort.INVENTARISATIE, Soort.ZESWEEKS, Soort.WERKBIJEENKOMST][(n - 1) % 3]


def generate(ctx):
    rng, gemeente, scale = ctx.rng, ctx.gemeente, ctx.scale
    proeftuin, leden = ctx.made["proeftuin"], ctx.made["leden"]
    casussen = [c for c in ctx.made.get("casussen", []) if c.status != "concept"]
    now = timezone.now()
    stap = max(1, (proeftuin.eind - proeftuin.start).days // scale.bijeenkomsten)

    bijeenkomsten = []
    for n in range(scale.bijeenkomsten):
        dag = proeftuin.start + datetime.timedelta(days=n * stap + rng.randrange(stap))
        uur = datetime.time(rng.choice([10, 14, 19]))
        begin = timezone.make_aware(datetime.datetime.combine(dag, uur))
        soort = _soort(n, scale.bijeenkomsten)
        bijeenkomsten.append(
            Bijeenkomst(
                gemeente=gemeente,
                proeftuin=proeftuin,
                soort=soort,
                titel=f"{TITELS[soort]} {n + 1}",
                begin=begin,
                eind=begin + datetime.timedelta(hours=2),
                locatie="Gemeentehuis, zaal [nummer]",
                beschrijving="Samen casussen bespreken en afspraken maken.",
                casus_deadline=begin - datetime.timedelta(days=7),
                uid=uuid.UUID(int=rng.getrandbits(128), version=4),
                created_by=ctx.facilitator,
            )
        )
    bijeenkomsten = Bijeenkomst.objects.bulk_create(bijeenkomsten)

    agendapunten, inbreng = [], []
    for bijeenkomst in bijeenkomsten:
        besproken = (
            rng.sample(casussen, min(3, len(casussen)))
            if bijeenkomst.soort == Soort.INVENTARISATIE
            else []
        )
        titels = [(titel, None) for titel in AGENDA[:2]]
        titels += [("Casus bespreken", casus) for casus in besproken]
        titels.append((AGENDA[2], None))
        for volgorde, (titel, casus) in enumerate(titels, start=1):
            agendapunten.append(
                Agendapunt(
                    gemeente=gemeente,
                    bijeenkomst=bijeenkomst,
                    volgorde=volgorde,
                    titel=titel,
                    duur_minuten=rng.choice([10, 15, 20, 30]),
                    casus=casus,
                )
            )
            if casus is not None:
                inbreng.append(
                    Inbreng(
                        gemeente=gemeente, bijeenkomst=bijeenkomst, casus=casus, by=casus.auteur
                    )
                )
    Agendapunt.objects.bulk_create(agendapunten)
    Inbreng.objects.bulk_create(inbreng)

    deelnames = []
    for bijeenkomst in bijeenkomsten:
        gehouden = bijeenkomst.eind <= now
        genodigden = [leden[0]] + rng.sample(leden[1:], len(leden[1:]) // GENODIGDEN)
        uitgenodigd = bijeenkomst.begin - datetime.timedelta(days=21)
        for lid in genodigden:
            antwoord = rng.choice(ANTWOORDEN)
            deelnames.append(
                Deelname(
                    gemeente=gemeente,
                    bijeenkomst=bijeenkomst,
                    lidmaatschap=lid,
                    uitgenodigd_at=uitgenodigd,
                    mail_sequence=0,
                    mail_sent_at=uitgenodigd,
                    antwoord=antwoord,
                    antwoord_at=uitgenodigd + datetime.timedelta(days=2) if antwoord else None,
                    aanwezig=gehouden and antwoord == Antwoord.JA and rng.random() < 0.9,
                )
            )
    Deelname.objects.bulk_create(deelnames)
    ctx.made.update(bijeenkomsten=bijeenkomsten)
