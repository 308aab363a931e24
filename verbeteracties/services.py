"""Writes on verbeteracties, their progress, indicators and metingen; each kept in the history
(``gemeenten.Wijziging``)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen.models import Succesfactor
from gemeenten.models import Organisatie
from kern import writes
from kern.models import User

from .models import ActieOrganisatie, Indicator, Meting, Status, Verbeteractie, Voortgang


class NeedsConfirmation(Exception):
    """A status step that skips the usual order: the caller asks the user to confirm it."""


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
    if actie.pk is None:
        actie.gemeente_id = actie.proeftuin.gemeente_id
        actie.created_by = by

    def link():
        _link(actie, succesfactoren, casussen, inzichten, organisaties)

    return writes.save(actie, by=by, expected_version=expected_version or 1, then=link)


def _link(actie, succesfactoren, casussen, inzichten, organisaties):
    """What an action links to; a list left None stays as it is."""
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
    status = Status(status)
    reden_gestopt = reden_gestopt.strip()
    if status == Status.GESTOPT and not reden_gestopt:
        raise ValidationError({"reden_gestopt": _("Say why the action was stopped.")})
    if not actie.is_sensible_step(status) and not bevestigd:
        raise NeedsConfirmation
    actie.status = status
    if status == Status.GESTOPT:
        actie.reden_gestopt = reden_gestopt
    return writes.save(actie, by=by, expected_version=expected_version)


@transaction.atomic
def actie_delete(*, actie: Verbeteractie, by: User) -> None:
    """Put an action in the bin: it disappears from every page until someone undoes it."""
    writes.delete(actie, by=by, soft={"deleted_at": timezone.now(), "deleted_by": by})


@transaction.atomic
def actie_restore(*, actie: Verbeteractie, by: User) -> None:
    """Take an action out of the bin, as it was."""
    writes.undelete(actie, by=by, soft=("deleted_at", "deleted_by"))


@transaction.atomic
def voortgang_add(
    *, actie: Verbeteractie, by: User, datum: datetime.date, licht: str, tekst: str
) -> Voortgang:
    update = Voortgang(
        gemeente_id=actie.gemeente_id, actie=actie, datum=datum, licht=licht, tekst=tekst, by=by
    )
    return writes.save(update, by=by)


@transaction.atomic
def indicator_save(
    *, indicator: Indicator, by: User, expected_version: int | None = None
) -> Indicator:
    if indicator.pk is None:
        indicator.gemeente_id = indicator.actie.gemeente_id
    return writes.save(indicator, by=by, expected_version=expected_version or 1)


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
    meting = meting or Meting(gemeente_id=indicator.gemeente_id, indicator=indicator, datum=datum)
    meting.waarde = waarde
    meting.toelichting = toelichting
    meting.by = by
    return writes.save(meting, by=by)


@transaction.atomic
def meting_delete(*, meting: Meting, by: User) -> None:
    writes.delete(meting, by=by)


@transaction.atomic
def metingen_import(*, rows, by: User) -> list[Meting]:
    """Store checked upload rows (indicator, date, value, note) all at once."""
    return [
        meting_save(indicator=i, by=by, datum=d, waarde=w, toelichting=t) for i, d, w, t in rows
    ]
