"""Synthetic netwerkpeilingen of one gemeente (see ``demo/generator.py``; run after the inhoud's
generator, in the order of INSTALLED_APPS): a share of the members with an organisation answers
at the start and at the oogst, with ties that grow between the two."""

from .models import Kennisniveau, Netwerkantwoord, Netwerkpeiling, PeilMoment

# How likely each level is, per moment: at the oogst people know each other better.
WEIGHTS = {
    PeilMoment.START: [0.35, 0.35, 0.2, 0.1],
    PeilMoment.OOGST: [0.1, 0.25, 0.35, 0.3],
}
SHARES = {PeilMoment.START: 0.6, PeilMoment.OOGST: 0.7}


def generate(ctx):
    rng, gemeente = ctx.rng, ctx.gemeente
    proeftuin = ctx.made["proeftuin"]
    organisaties = ctx.made["organisaties"]
    leden = [lid for lid in ctx.made["leden"] if lid.organisatie_id]
    levels = list(Kennisniveau.values)

    peilingen = []
    for moment, share in SHARES.items():
        for lid in leden:
            if rng.random() < share:
                peilingen.append(
                    Netwerkpeiling(
                        gemeente=gemeente,
                        proeftuin=proeftuin,
                        moment=moment,
                        respondent=lid,
                        organisatie_id=lid.organisatie_id,
                    )
                )
    peilingen = Netwerkpeiling.objects.bulk_create(peilingen)
    Netwerkantwoord.objects.bulk_create(
        Netwerkantwoord(
            gemeente=gemeente,
            peiling=peiling,
            organisatie=organisatie,
            niveau=rng.choices(levels, weights=WEIGHTS[peiling.moment])[0],
        )
        for peiling in peilingen
        for organisatie in organisaties
        if organisatie.pk != peiling.organisatie_id
    )
    ctx.made.update(netwerkpeilingen=peilingen)
