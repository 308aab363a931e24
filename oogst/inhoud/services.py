"""Writes on the oogst's content (texts, lessen, verhalen, borging, vervolgafspraken); each kept
in the history (``gemeenten.Wijziging``)."""

from django.db import transaction
from django.utils import timezone

from casussen.models import Succesfactor
from gemeenten.models import Proeftuin
from kern import writes
from kern.models import User

from .models import Borging, Les, Oogst, Verhaal, Vervolgafspraak


def _marks_extra(marks: dict[str, str] | None) -> dict:
    """Findings of the gate marked as not identifying, as (kind, reason), for the history."""
    if not marks:
        return {}
    return {"gemarkeerd": [[key.split(":", 1)[0], reden] for key, reden in sorted(marks.items())]}


def oogst_of(proeftuin: Proeftuin) -> Oogst | None:
    return Oogst.objects.filter(proeftuin=proeftuin).first()


@transaction.atomic
def oogst_save(*, oogst: Oogst, by: User, expected_version: int | None = None) -> Oogst:
    """Save the foreword and the outlook; ``StaleEdit`` when someone saved them meanwhile."""
    if oogst.pk is None:
        oogst.gemeente_id = oogst.proeftuin.gemeente_id
    oogst.updated_by = by
    return writes.save(oogst, by=by, expected_version=expected_version or 1)


@transaction.atomic
def les_save(
    *,
    les: Les,
    by: User,
    succesfactoren: list[Succesfactor],
    expected_version: int | None = None,
    marks: dict[str, str] | None = None,
) -> Les:
    if les.pk is None:
        les.gemeente_id = les.proeftuin.gemeente_id
        les.created_by = by

    def link_succesfactoren():
        les.succesfactoren.set(succesfactoren, through_defaults={"gemeente_id": les.gemeente_id})

    return writes.save(
        les,
        by=by,
        expected_version=expected_version or 1,
        then=link_succesfactoren,
        extra=_marks_extra(marks),
        allowed_marks=marks or {},
    )


@transaction.atomic
def les_delete(*, les: Les, by: User) -> None:
    writes.delete(les, by=by)


@transaction.atomic
def verhaal_save(
    *,
    verhaal: Verhaal,
    by: User,
    expected_version: int | None = None,
    marks: dict[str, str] | None = None,
) -> Verhaal:
    """Save a verhaal. Consent ticked for the first time records who and when; consent taken
    away clears both, so a new consent is recorded anew."""
    stored = writes.stored(verhaal) if verhaal.pk else None
    if verhaal.pk is None:
        verhaal.gemeente_id = verhaal.proeftuin.gemeente_id
        verhaal.created_by = by
    had_consent = bool(stored and stored.toestemming)
    if verhaal.toestemming and not had_consent:
        verhaal.toestemming_door = by
        verhaal.toestemming_op = timezone.localdate()
    elif not verhaal.toestemming:
        verhaal.toestemming_door = None
        verhaal.toestemming_op = None
    return writes.save(
        verhaal,
        by=by,
        expected_version=expected_version or 1,
        extra=_marks_extra(marks),
        allowed_marks=marks or {},
    )


@transaction.atomic
def verhaal_delete(*, verhaal: Verhaal, by: User) -> None:
    writes.delete(verhaal, by=by)


@transaction.atomic
def borging_save(*, borging: Borging, by: User, expected_version: int | None = None) -> Borging:
    if borging.pk is None:
        borging.gemeente_id = borging.verbeteractie.gemeente_id
    return writes.save(borging, by=by, expected_version=expected_version or 1)


@transaction.atomic
def borging_delete(*, borging: Borging, by: User) -> None:
    writes.delete(borging, by=by)


@transaction.atomic
def vervolgafspraak_save(
    *, afspraak: Vervolgafspraak, by: User, expected_version: int | None = None
) -> Vervolgafspraak:
    if afspraak.pk is None:
        afspraak.gemeente_id = afspraak.proeftuin.gemeente_id
    return writes.save(afspraak, by=by, expected_version=expected_version or 1)


@transaction.atomic
def vervolgafspraak_delete(*, afspraak: Vervolgafspraak, by: User) -> None:
    writes.delete(afspraak, by=by)
