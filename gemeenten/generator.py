"""Synthetic partners, members, the proeftuin and its commitments of one gemeente (see
``proeftuin/generator.py``)."""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress

from kern.models import User
from kern.permissions import Rol

from .models import (
    Commitment,
    Discipline,
    Domein,
    Fase,
    Kerngroeplid,
    Lidmaatschap,
    Organisatie,
    Proeftuin,
)

SOORTEN = [
    (Organisatie.Soort.HUISARTSENPRAKTIJK, Domein.ZORG, Discipline.HUISARTS),
    (Organisatie.Soort.WIJKVERPLEGING, Domein.ZORG, Discipline.WIJKVERPLEEGKUNDIGE),
    (Organisatie.Soort.GEMEENTE_WMO, Domein.GEMEENTE, Discipline.WMO_CONSULENT),
    (Organisatie.Soort.WELZIJN, Domein.SOCIAAL, Discipline.SOCIAAL_WERKER),
    (Organisatie.Soort.GEESTELIJKE_VERZORGING, Domein.ZORG, Discipline.GEESTELIJK_VERZORGER),
    (Organisatie.Soort.MANTELZORG, Domein.SOCIAAL, Discipline.MANTELZORGCONSULENT),
    (Organisatie.Soort.HOSPICE, Domein.ZORG, Discipline.WIJKVERPLEEGKUNDIGE),
    (Organisatie.Soort.VRIJWILLIGERS, Domein.SOCIAAL, Discipline.VRIJWILLIGERSCOORDINATOR),
]
FASEN = [Fase.STARTBIJEENKOMST, Fase.INVENTARISATIE, Fase.VERBETEREN, Fase.VERANKERING]


def generate(ctx):
    rng, gemeente, scale = ctx.rng, ctx.gemeente, ctx.scale
    start = datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randrange(0, 540))
    proeftuin = Proeftuin.objects.create(
        gemeente=gemeente,
        naam=f"Léven tot het Einde {gemeente.naam}",
        fase=FASEN[min(3, (datetime.date(2026, 11, 25) - start).days // 100)],
        start=start,
        eind=start + datetime.timedelta(days=365),
        trekker="[naam]",
    )

    organisaties = Organisatie.objects.bulk_create(
        Organisatie(
            gemeente=gemeente,
            naam=f"{soort.label} {n + 1}",
            soort=soort,
            domein=domein,
        )
        for n, (soort, domein, _) in ((n, SOORTEN[n % len(SOORTEN)]) for n in range(scale.partners))
    )

    users = User.objects.bulk_create(
        User(
            email=f"lid{ctx.number:04d}-{n:03d}@gen.bench",
            name=f"Lid {ctx.number}-{n}",
            password=ctx.password_hash,
        )
        for n in range(scale.members)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    roles = [Rol.BELEIDSADVISEUR] * 2 + [Rol.BESTUURDER] * 5
    leden = Lidmaatschap.objects.bulk_create(
        [Lidmaatschap(gemeente=gemeente, user=ctx.facilitator, role=Rol.FACILITATOR)]
        + [
            Lidmaatschap(
                gemeente=gemeente,
                user=user,
                role=roles[n] if n < len(roles) else Rol.PROFESSIONAL,
                organisatie=organisaties[n % len(organisaties)],
                discipline=SOORTEN[(n % len(organisaties)) % len(SOORTEN)][2],
            )
            for n, user in enumerate(users)
        ]
    )

    Kerngroeplid.objects.bulk_create(
        Kerngroeplid(gemeente=gemeente, organisatie=organisatie, lidmaatschap=lid)
        for organisatie, lid in zip(organisaties, leden[len(roles) + 1 :], strict=False)
        if rng.random() < 0.6
    )
    commitments = []
    for organisatie in organisaties:
        commitments.append(
            Commitment(
                gemeente=gemeente,
                proeftuin=proeftuin,
                organisatie=organisatie,
                soort=Commitment.Soort.UREN,
                uren_per_jaar=Decimal(rng.choice([16, 24, 40, 80])),
                status=rng.choice(list(Commitment.Status)),
                toegezegd_op=start,
            )
        )
        if rng.random() < 0.3:
            commitments.append(
                Commitment(
                    gemeente=gemeente,
                    proeftuin=proeftuin,
                    organisatie=organisatie,
                    soort=Commitment.Soort.GELD,
                    bedrag=Decimal(rng.randrange(500, 10000, 250)),
                    status=Commitment.Status.TOEGEZEGD,
                    toegezegd_op=start,
                )
            )
    Commitment.objects.bulk_create(commitments)
    ctx.made.update(proeftuin=proeftuin, organisaties=organisaties, leden=leden)
