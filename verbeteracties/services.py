"""Writes on verbeteracties, their progress, indicators and metingen; each kept in the history
(``gemeenten.Wijziging``)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen.models import Succesfactor
from gemeenten.models import Organisatie, Wijziging
from gemeenten.models.historie import snapshot
from kern.concurrency import save_versioned
from kern.models import User

from .models import ActieOrganisatie, Indicator, Meting, Status, Verbeteractie, Voortgang


class NeedsConfirmation(Exception):
    """A status step that skips the usual order: the caller asks the user to confirm it."""


def _actie_snapshot(actie):
    return snapshot(actie)


def _stored(instance):
    return type(instance).objects.select_for_update().get(pk=instance.pk)


@transaction.atomic
def actie_save(
    *,
    actie: Verbeteractie,
    by: User,
    succesfactoren: list[Succesfactor] | None = None,
    casussen: list | None = None,
    inzichten: list | None = None,
    organisaties: dict[str, list[Organisatie]] | None = None,
    expected_version: int | None = None,
) -> Verbeteractie:
    """Propose or change an action with its success factors and organisations (per role).

    Raises ``StaleEdit`` when someone else saved it after the form was opened.
    """
    before = _actie_snapshot(_stored(actie)) if actie.pk else None
    if actie.pk is None:
        actie.gemeente_id = actie.proeftuin.gemeente_id
        actie.created_by = by
    save_versioned(actie, expected_version=expected_version or 1)
    through = {"gemeente_id": actie.gemeente_id}
    if succesfactoren is not None:
        actie.succesfactoren.set(succesfactoren, through_defaults=through)
    if casussen is not None:
        actie.casussen.set(casussen, through_defaults=through)
    if inzichten is not None:
        actie.inzichten.set(inzichten, through_defaults=through)
    if organisaties is not None:
        for rol, lijst in organisaties.items():
            wanted = {o.pk for o in lijst}
            actie.betrokkenheden.filter(rol=rol).exclude(organisatie_id__in=wanted).delete()
            have = set(
                actie.betrokkenheden.filter(rol=rol).values_list("organisatie_id", flat=True)
            )
            ActieOrganisatie.objects.bulk_create(
                ActieOrganisatie(
                    gemeente_id=actie.gemeente_id, actie=actie, organisatie_id=pk, rol=rol
                )
                for pk in sorted(wanted - have)
            )
    Wijziging.record(actie, by=by, before=before)
    return actie


@transaction.atomic
def actie_set_status(
    *,
    actie: Verbeteractie,
    status: str,
    by: User,
    reden_gestopt: str = "",
    bevestigd: bool = False,
    expected_version: int | None = None,
) -> Verbeteractie:
    """Move an action to another status. A step outside the usual order (idee → geborgd)
    raises ``NeedsConfirmation`` unless ``bevestigd``; stopping needs a reason
    (``ValidationError``); a stale version raises ``StaleEdit``."""
    before = _actie_snapshot(_stored(actie))
    status = Status(status)
    reden_gestopt = reden_gestopt.strip()
    if status == Status.GESTOPT and not reden_gestopt:
        raise ValidationError({"reden_gestopt": _("Say why the action was stopped.")})
    if not actie.is_sensible_step(status) and not bevestigd:
        raise NeedsConfirmation
    actie.status = status
    if status == Status.GESTOPT:
        actie.reden_gestopt = reden_gestopt
    save_versioned(actie, expected_version=expected_version or actie.version)
    Wijziging.record(actie, by=by, before=before)
    return actie


@transaction.atomic
def actie_delete(*, actie: Verbeteractie, by: User) -> None:
    """Put an action in the bin: it disappears from every page until someone undoes it."""
    before = _actie_snapshot(actie)
    actie.deleted_at = timezone.now()
    actie.deleted_by = by
    actie.save(update_fields=["deleted_at", "deleted_by"])
    Wijziging.record(actie, by=by, before=before, deleted=True)


@transaction.atomic
def actie_restore(*, actie: Verbeteractie, by: User) -> None:
    """Take an action out of the bin, as it was."""
    before = _actie_snapshot(actie)
    actie.deleted_at = None
    actie.deleted_by = None
    actie.save(update_fields=["deleted_at", "deleted_by"])
    Wijziging.record(actie, by=by, before=before)


@transaction.atomic
def voortgang_add(
    *, actie: Verbeteractie, by: User, datum: datetime.date, licht: str, tekst: str
) -> Voortgang:
    update = Voortgang.objects.create(
        gemeente_id=actie.gemeente_id, actie=actie, datum=datum, licht=licht, tekst=tekst, by=by
    )
    Wijziging.record(update, by=by)
    return update


@transaction.atomic
def indicator_save(
    *, indicator: Indicator, by: User, expected_version: int | None = None
) -> Indicator:
    before = snapshot(_stored(indicator)) if indicator.pk else None
    if indicator.pk is None:
        indicator.gemeente_id = indicator.actie.gemeente_id
    save_versioned(indicator, expected_version=expected_version or 1)
    Wijziging.record(indicator, by=by, before=before)
    return indicator


@transaction.atomic
def meting_save(
    *,
    indicator: Indicator,
    by: User,
    datum: datetime.date,
    waarde: Decimal,
    toelichting: str = "",
) -> Meting:
    """Record the value of a date; a second value for the same date replaces the first."""
    meting = Meting.objects.filter(indicator=indicator, datum=datum).first()
    before = snapshot(meting) if meting else None
    meting = meting or Meting(gemeente_id=indicator.gemeente_id, indicator=indicator, datum=datum)
    meting.waarde = waarde
    meting.toelichting = toelichting
    meting.by = by
    meting.save()
    Wijziging.record(meting, by=by, before=before)
    return meting


@transaction.atomic
def meting_delete(*, meting: Meting, by: User) -> None:
    Wijziging.record(meting, by=by, before=snapshot(meting), deleted=True)
    meting.delete()


@transaction.atomic
def metingen_import(*, rows, by: User) -> list[Meting]:
    """Store checked upload rows (indicator, date, value, note) all at once."""
    return [
        meting_save(indicator=i, by=by, datum=d, waarde=w, toelichting=t) for i, d, w, t in rows
    ]
