"""The readiness check after Agora's ten ingredients: proposals the app can make itself.

Where the app knows the answer, a function registered for an ingredient proposes the mark::

    @readiness.propose(Ingredient.TEELTPLAN)
    def teeltplan(proeftuin):
        return readiness.Voorstel(Oordeel.IN_ORDE, _("meetings planned")) or None

``None`` means "not yet known": the facilitator marks it without a proposal. Later apps
(bijeenkomsten, verbeteracties) register theirs in their ``AppConfig.ready()``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Ingredient, Ingredientbeoordeling, Oordeel, Proeftuin


@dataclass(frozen=True)
class Voorstel:
    oordeel: str
    reden: str

    def get_oordeel_display(self):
        return Oordeel(self.oordeel).label


_proposers: dict[str, Callable[[Proeftuin], Voorstel | None]] = {}


def propose(ingredient):
    """Register ``func(proeftuin) -> Voorstel | None`` as the proposal for ``ingredient``."""

    def decorator(func):
        _proposers[Ingredient(ingredient)] = func
        return func

    return decorator


def voorstel(proeftuin, ingredient) -> Voorstel | None:
    proposer = _proposers.get(Ingredient(ingredient))
    return proposer(proeftuin) if proposer else None


@dataclass
class Rij:
    """One ingredient of one proeftuin: the facilitator's mark (if any) and the app's proposal."""

    ingredient: Ingredient
    beoordeling: Ingredientbeoordeling | None
    voorstel: Voorstel | None

    @property
    def volgt_voorstel(self):
        return bool(
            self.voorstel and self.beoordeling and self.beoordeling.oordeel == self.voorstel.oordeel
        )


def rijen(proeftuin) -> list[Rij]:
    beoordelingen = {b.ingredient: b for b in proeftuin.beoordelingen.all()}
    return [
        Rij(ingredient, beoordelingen.get(ingredient.value), voorstel(proeftuin, ingredient))
        for ingredient in Ingredient
    ]


def samenvatting(proeftuin) -> dict:
    """How many ingredients carry each mark, and how many are not marked yet."""
    counts = dict.fromkeys(Oordeel.values, 0)
    marked = 0
    for beoordeling in proeftuin.beoordelingen.all():
        counts[beoordeling.oordeel] += 1
        marked += 1
    return {
        "per_oordeel": [(Oordeel(value), count) for value, count in counts.items()],
        "niet_beoordeeld": len(Ingredient) - marked,
    }
