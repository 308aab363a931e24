"""Answering the netwerkpeiling: a member's own answers at a moment, and storing them."""

from django.db import transaction

from kern import writes

from .models import Netwerkantwoord, Netwerkpeiling


def own_peiling(proeftuin, moment, lidmaatschap):
    """The member's own answers at this moment as {organisation id: level} (empty if none)."""
    peiling = Netwerkpeiling.objects.filter(
        proeftuin=proeftuin, moment=moment, respondent=lidmaatschap
    ).first()
    if peiling is None:
        return None, {}
    return peiling, dict(peiling.antwoorden.values_list("organisatie_id", "niveau"))


@transaction.atomic
def save_peiling(*, proeftuin, moment, lidmaatschap, answers: dict) -> Netwerkpeiling:
    """Store (or replace) one member's answers at one moment: {organisation id: level}. The
    respondent's organisation is their membership's organisation at the time of answering."""

    def answers_written(peiling):
        peiling.antwoorden.all().delete()
        Netwerkantwoord.objects.bulk_create(
            Netwerkantwoord(
                gemeente_id=proeftuin.gemeente_id, peiling=peiling, organisatie_id=pk, niveau=level
            )
            for pk, level in answers.items()
            if pk != lidmaatschap.organisatie_id
        )

    # A second tab sending the same moment at once: these answers replace those.
    return writes.save_one(
        Netwerkpeiling.objects.filter(proeftuin=proeftuin, moment=moment, respondent=lidmaatschap),
        lambda: Netwerkpeiling(
            gemeente_id=proeftuin.gemeente_id,
            proeftuin=proeftuin,
            moment=moment,
            respondent=lidmaatschap,
        ),
        by=lidmaatschap.user,
        values={"organisatie_id": lidmaatschap.organisatie_id},
        then=answers_written,
    )
