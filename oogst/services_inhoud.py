"""Writes on the oogst's content (texts, lessen, verhalen, borging, vervolgafspraken); each kept
in the history (``gemeenten.Wijziging``)."""

from django.db import transaction
from django.utils import timezone

from casussen.models import Succesfactor
from gemeenten.models import Proeftuin, Wijziging
from gemeenten.models.historie import snapshot
from kern.concurrency import save_versioned
from kern.models import User

from .models import Borging, Les, Oogst, Verhaal, Vervolgafspraak


def _stored(instance):
    return type(instance).objects.select_for_update().get(pk=instance.pk)


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
    before = snapshot(_stored(oogst)) if oogst.pk else None
    if oogst.pk is None:
        oogst.gemeente_id = oogst.proeftuin.gemeente_id
    oogst.updated_by = by
    save_versioned(oogst, expected_version=expected_version or 1)
    Wijziging.record(oogst, by=by, before=before)
    return oogst


@transaction.atomic
def les_save(
    *,
    les: Les,
    by: User,
    succesfactoren: list[Succesfactor],
    expected_version: int | None = None,
    marks: dict[str, str] | None = None,
) -> Les:
    stored = _stored(les) if les.pk else None
    before = snapshot(stored) if stored else None
    if les.pk is None:
        les.gemeente_id = les.proeftuin.gemeente_id
        les.created_by = by
    save_versioned(les, expected_version=expected_version or 1)
    les.succesfactoren.set(succesfactoren, through_defaults={"gemeente_id": les.gemeente_id})
    Wijziging.record(les, by=by, before=before, extra=_marks_extra(marks))
    return les


@transaction.atomic
def les_delete(*, les: Les, by: User) -> None:
    Wijziging.record(les, by=by, before=snapshot(les), deleted=True)
    les.delete()


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
    stored = _stored(verhaal) if verhaal.pk else None
    before = snapshot(stored) if stored else None
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
    save_versioned(verhaal, expected_version=expected_version or 1)
    Wijziging.record(verhaal, by=by, before=before, extra=_marks_extra(marks))
    return verhaal


@transaction.atomic
def verhaal_delete(*, verhaal: Verhaal, by: User) -> None:
    Wijziging.record(verhaal, by=by, before=snapshot(verhaal), deleted=True)
    verhaal.delete()


@transaction.atomic
def borging_save(*, borging: Borging, by: User, expected_version: int | None = None) -> Borging:
    before = snapshot(_stored(borging)) if borging.pk else None
    if borging.pk is None:
        borging.gemeente_id = borging.verbeteractie.gemeente_id
    save_versioned(borging, expected_version=expected_version or 1)
    Wijziging.record(borging, by=by, before=before)
    return borging


@transaction.atomic
def borging_delete(*, borging: Borging, by: User) -> None:
    Wijziging.record(borging, by=by, before=snapshot(borging), deleted=True)
    borging.delete()


@transaction.atomic
def vervolgafspraak_save(
    *, afspraak: Vervolgafspraak, by: User, expected_version: int | None = None
) -> Vervolgafspraak:
    before = snapshot(_stored(afspraak)) if afspraak.pk else None
    if afspraak.pk is None:
        afspraak.gemeente_id = afspraak.proeftuin.gemeente_id
    save_versioned(afspraak, expected_version=expected_version or 1)
    Wijziging.record(afspraak, by=by, before=before)
    return afspraak


@transaction.atomic
def vervolgafspraak_delete(*, afspraak: Vervolgafspraak, by: User) -> None:
    Wijziging.record(afspraak, by=by, before=snapshot(afspraak), deleted=True)
    afspraak.delete()
