"""Writes on the proeftuin, its phases, the gemeenteprofiel and the readiness marks."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kern import writes
from kern.models import User

from .. import checklist
from ..forms import ProeftuinForm, ProfielForm
from ..models import (
    FaseOvergang,
    Gemeente,
    Ingredientbeoordeling,
    Kengetal,
    Proeftuin,
)

# What a higher app does with a new proeftuin (the programme's template gives it its copy):
# ``hook(proeftuin, *, by)``, registered in that app's ``ready()``.
_on_begin: list[Callable] = []


def register_begin(hook: Callable) -> None:
    if hook not in _on_begin:
        _on_begin.append(hook)


@transaction.atomic
def proeftuin_begin(*, proeftuin: Proeftuin, by: User) -> Proeftuin:
    """A new proeftuin (saved) starts its phase history and gets what the hooks give it."""
    FaseOvergang.objects.create(
        gemeente_id=proeftuin.gemeente_id, proeftuin=proeftuin, van="", naar=proeftuin.fase, by=by
    )
    for hook in _on_begin:
        hook(proeftuin, by=by)
    return proeftuin


@transaction.atomic
def proeftuin_save(*, form: ProeftuinForm, gemeente: Gemeente, by: User) -> Proeftuin:
    """Create or change a proeftuin; a new one starts its phase history.

    Raises ``StaleEdit`` (with the error added to the form) when someone saved in between.
    """
    is_new = form.instance.pk is None
    form.instance.gemeente = gemeente
    proeftuin = writes.save_form(form, by=by)
    if is_new:
        proeftuin_begin(proeftuin=proeftuin, by=by)
    return proeftuin


@transaction.atomic
def proeftuin_move_phase(*, proeftuin: Proeftuin, by: User, van: str | None = None) -> FaseOvergang:
    """Move the proeftuin into its next phase, recording the open checklist items.

    ``van`` is the phase the person saw when confirming: when someone else moved it in the
    meantime, nothing happens twice.
    """
    locked = Proeftuin.objects.select_for_update().get(pk=proeftuin.pk)
    if van is not None and locked.fase != van:
        raise ValidationError(
            _("The proeftuin has already moved on to %(fase)s.")
            % {"fase": locked.get_fase_display()}
        )
    naar = locked.volgende_fase
    if naar is None:
        raise ValidationError(_("The proeftuin is in its last phase."))
    open_punten = [item.as_record() for item in checklist.open_items(locked)]
    vorige = locked.fase
    locked.fase = naar
    writes.save(locked, by=by)
    proeftuin.fase, proeftuin.version = locked.fase, locked.version
    return FaseOvergang.objects.create(
        gemeente_id=locked.gemeente_id,
        proeftuin=locked,
        van=vorige,
        naar=naar,
        by=by,
        open_punten=open_punten,
    )


@transaction.atomic
def proeftuin_undo_phase(*, proeftuin: Proeftuin, by: User, van: str, reden: str) -> FaseOvergang:
    """Undo the last step: the proeftuin goes back to the phase before ``van`` (the phase the
    person saw), and the step back is kept in the history with its reason, beside the step it
    undoes. Refused without a reason, in the first phase, or when someone moved it meanwhile."""
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": _("Say why the step is undone.")})
    locked = Proeftuin.objects.select_for_update().get(pk=proeftuin.pk)
    if locked.fase != van:
        raise ValidationError(
            _("The proeftuin has already moved on to %(fase)s.")
            % {"fase": locked.get_fase_display()}
        )
    naar = locked.vorige_fase
    if naar is None:
        raise ValidationError(_("The proeftuin is in its first phase."))
    locked.fase = naar
    writes.save(locked, by=by)
    # Through the write path: the reason is a text others read, so it passes the gate.
    overgang = writes.save(
        FaseOvergang(
            gemeente_id=locked.gemeente_id, proeftuin=locked, van=van, naar=naar, by=by, reden=reden
        ),
        by=by,
    )
    proeftuin.fase, proeftuin.version = locked.fase, locked.version
    return overgang


@transaction.atomic
def profiel_save(*, form: ProfielForm, gemeente: Gemeente, by: User) -> list[Kengetal]:
    """Enter or correct the changed figures of the gemeenteprofiel, all or none: a figure
    someone else saved in between raises ``StaleEdit`` (the error added to its form) and
    nothing is saved."""
    saved = []
    for kengetal_form in form.changed():
        kengetal_form.instance.gemeente = gemeente
        saved.append(writes.save_form(kengetal_form, by=by))
    return saved


@transaction.atomic
def ingredient_mark(
    *, proeftuin: Proeftuin, ingredient: str, oordeel: str, opmerking: str, by: User
) -> Ingredientbeoordeling:
    """Set the facilitator's mark on one ingredient (one row per proeftuin and ingredient)."""
    beoordeling = Ingredientbeoordeling.objects.filter(
        proeftuin=proeftuin, ingredient=ingredient
    ).first() or Ingredientbeoordeling(
        gemeente_id=proeftuin.gemeente_id, proeftuin=proeftuin, ingredient=ingredient
    )
    beoordeling.oordeel, beoordeling.opmerking, beoordeling.by = oordeel, opmerking, by
    return writes.save(beoordeling, by=by)
