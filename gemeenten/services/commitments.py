"""Writes of partners, their kerngroep and commitments, each kept in the history (Wijziging)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from kern import writes
from kern.models import User

from ..models import Commitment, Kerngroeplid, Organisatie


@transaction.atomic
def organisatie_save(
    *, organisatie: Organisatie, by: User, expected_version: int | None = None
) -> Organisatie:
    """Create or change a partner; raises ``StaleEdit`` when someone else saved it meanwhile."""
    return writes.save(organisatie, by=by, expected_version=expected_version or 1)


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
    try:
        writes.delete(organisatie, by=by)
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
    return writes.save(kerngroeplid, by=by)


@transaction.atomic
def kerngroeplid_remove(*, kerngroeplid: Kerngroeplid, by: User) -> None:
    writes.delete(kerngroeplid, by=by)


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
    if commitment.pk is None:
        commitment.gemeente_id = commitment.proeftuin.gemeente_id
        commitment.created_by = by

    def link_baathebbers():
        if baathebbers is not None:
            commitment.baathebbers.set(
                baathebbers, through_defaults={"gemeente_id": commitment.gemeente_id}
            )

    return writes.save(
        commitment, by=by, expected_version=expected_version or 1, then=link_baathebbers
    )


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
    return writes.save(commitment, by=by, expected_version=expected_version)


@transaction.atomic
def commitment_delete(*, commitment: Commitment, by: User) -> None:
    writes.delete(commitment, by=by)
