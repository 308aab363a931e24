"""Writes of partners, their kerngroep and commitments, each kept in the history (Wijziging)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from kern.concurrency import save_versioned
from kern.models import User

from ..models import Commitment, Kerngroeplid, Organisatie, Wijziging
from ..models.historie import snapshot


def _commitment_snapshot(commitment: Commitment) -> dict:
    return snapshot(commitment)


def _stored(instance):
    """The row as it is in the database now, locked until the transaction ends."""
    return type(instance).objects.select_for_update().get(pk=instance.pk)


@transaction.atomic
def organisatie_save(
    *, organisatie: Organisatie, by: User, expected_version: int | None = None
) -> Organisatie:
    """Create or change a partner; raises ``StaleEdit`` when someone else saved it meanwhile."""
    before = snapshot(_stored(organisatie)) if organisatie.pk else None
    save_versioned(organisatie, expected_version=expected_version or 1)
    Wijziging.record(organisatie, by=by, before=before)
    return organisatie


@transaction.atomic
def organisatie_delete(*, organisatie: Organisatie, by: User) -> None:
    """Delete a partner that has made no commitments (those are kept: PROTECT)."""
    if organisatie.commitments.exists():
        raise ValidationError(
            _(
                "%(naam)s has made commitments, so it cannot be deleted. Delete or move those "
                "commitments first."
            )
            % {"naam": organisatie.naam}
        )
    Wijziging.record(organisatie, by=by, before=snapshot(organisatie), deleted=True)
    try:
        organisatie.delete()
    except ProtectedError as error:  # a commitment recorded between the check and the delete
        raise ValidationError(
            _("%(naam)s has made commitments, so it cannot be deleted.")
            % {"naam": organisatie.naam}
        ) from error


@transaction.atomic
def kerngroeplid_add(
    *, kerngroeplid: Kerngroeplid, organisatie: Organisatie, by: User
) -> Kerngroeplid:
    kerngroeplid.gemeente_id = organisatie.gemeente_id
    kerngroeplid.organisatie = organisatie
    kerngroeplid.save()
    Wijziging.record(kerngroeplid, by=by)
    return kerngroeplid


@transaction.atomic
def kerngroeplid_remove(*, kerngroeplid: Kerngroeplid, by: User) -> None:
    Wijziging.record(kerngroeplid, by=by, before=snapshot(kerngroeplid), deleted=True)
    kerngroeplid.delete()


@transaction.atomic
def commitment_save(
    *,
    commitment: Commitment,
    by: User,
    baathebbers: list[Organisatie] | None = None,
    expected_version: int | None = None,
) -> Commitment:
    """Create or change a commitment and who benefits from it, in one transaction.

    Raises ``StaleEdit`` when someone else saved it after the form was opened.
    """
    before = _commitment_snapshot(_stored(commitment)) if commitment.pk else None
    if commitment.pk is None:
        commitment.gemeente_id = commitment.proeftuin.gemeente_id
        commitment.created_by = by
    save_versioned(commitment, expected_version=expected_version or 1)
    if baathebbers is not None:
        commitment.baathebbers.set(
            baathebbers, through_defaults={"gemeente_id": commitment.gemeente_id}
        )
    Wijziging.record(commitment, by=by, before=before)
    return commitment


@transaction.atomic
def commitment_set_status(
    *,
    commitment: Commitment,
    status: str,
    by: User,
    geleverd_op: datetime.date | None = None,
    reden_ingetrokken: str = "",
    expected_version: int | None = None,
) -> Commitment:
    """Move a commitment to promised, delivered (on a date, today by default) or withdrawn
    (with a reason). Raises ``ValidationError`` per field, or ``StaleEdit``."""
    before = _commitment_snapshot(_stored(commitment))
    reden_ingetrokken = reden_ingetrokken.strip()
    errors = {}
    if status == Commitment.Status.GELEVERD:
        geleverd_op = geleverd_op or timezone.localdate()
        if commitment.toegezegd_op and geleverd_op < commitment.toegezegd_op:
            errors["geleverd_op"] = _("The delivery date lies before the date of the promise.")
    elif status == Commitment.Status.INGETROKKEN:
        if not reden_ingetrokken:
            errors["reden_ingetrokken"] = _("Say why the commitment was withdrawn.")
        geleverd_op = commitment.geleverd_op
    else:
        geleverd_op = None
    if errors:
        raise ValidationError(errors)
    commitment.status = status
    commitment.geleverd_op = geleverd_op
    if status == Commitment.Status.INGETROKKEN or reden_ingetrokken:
        commitment.reden_ingetrokken = reden_ingetrokken
    save_versioned(commitment, expected_version=expected_version or commitment.version)
    Wijziging.record(commitment, by=by, before=before)
    return commitment


@transaction.atomic
def commitment_delete(*, commitment: Commitment, by: User) -> None:
    Wijziging.record(commitment, by=by, before=_commitment_snapshot(commitment), deleted=True)
    commitment.delete()
