"""Writes of casussen, knelpunten, inzichten and the succesfactoren, each kept in the history
(Wijziging). Views call these after the anonymisation gate passed; nothing here logs text."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Wijziging
from kern import writes
from kern.models import User

from .models import Casus, GemarkeerdeVondst, Inzicht, Knelpunt, Succesfactor

Status = Casus.Status


def _stored(instance):
    return type(instance).objects.select_for_update().get(pk=instance.pk)


@transaction.atomic
def casus_save(
    *,
    casus: Casus,
    by: User,
    knelpunten=None,
    marks: dict[str, str] | None = None,
    expected_version: int | None = None,
) -> Casus:
    """Create or change a casus (and its knelpunten, from a saved-uncommitted formset) in one
    transaction; ``marks`` are findings the user marked as not identifying (key → reason).

    Only call this after the gate passed. Raises ``StaleEdit`` when someone else saved the
    casus after the form was opened.
    """
    if casus.pk is None:
        casus.gemeente_id = casus.proeftuin.gemeente_id
        casus.auteur = by
    if casus.teksten_gewist_op:
        raise ValidationError(_("The texts of this casus were purged; it can no longer change."))

    def then():
        if knelpunten is not None:
            _save_knelpunten(casus, knelpunten)
        casus_save_marks(casus=casus, marks=marks or {}, by=by)

    return writes.save(
        casus, by=by, expected_version=expected_version or 1, then=then, allowed_marks=marks or {}
    )


def casus_save_marks(*, casus: Casus, marks: dict[str, str], by: User) -> None:
    """Record findings marked as not identifying (``kind:hash`` → reason) on this casus: its
    knelpunten and inzichten are written in its forms, so its marks count for them too."""
    marks_save(obj=casus, marks=marks, by=by)


def marks_save(*, obj, marks: dict[str, str], by: User | None) -> None:
    """Record findings marked as not identifying (``kind:hash`` → reason) on one row of any
    model with shared texts: the one store of marks (``GemarkeerdeVondst``). The write path
    calls this for the marks a save needed (``casussen.poort.record_marks``)."""
    content_type = ContentType.objects.get_for_model(obj)
    for key, reden in marks.items():
        soort, _sep, vondst_hash = key.partition(":")
        GemarkeerdeVondst.objects.get_or_create(
            gemeente_id=obj.gemeente_id,
            content_type=content_type,
            object_id=obj.pk,
            soort=soort,
            vondst_hash=vondst_hash,
            defaults={"reden": reden, "by": by},
        )


def _save_knelpunten(casus, formset):
    formset.instance = casus
    for form in formset.forms:
        if not form.has_changed() and not form.instance.pk:
            continue
        if formset.can_delete and formset._should_delete_form(form):
            if form.instance.pk:
                form.instance.delete()
            continue
        if not form.cleaned_data.get("categorie"):
            continue
        knelpunt = form.save(commit=False)
        knelpunt.casus = casus
        knelpunt.gemeente_id = casus.gemeente_id
        knelpunt.save()


def _set_status(casus, status, *, by, expected_version=None, **fields):
    casus.status = status
    for name, value in fields.items():
        setattr(casus, name, value)
    return writes.save(casus, by=by, expected_version=expected_version or casus.version)


@transaction.atomic
def casus_submit(*, casus: Casus, by: User) -> Casus:
    """concept → ingediend (a bijeenkomst may link it on its own side)."""
    if casus.status != Status.CONCEPT:
        raise ValidationError(_("Only a draft can be submitted."))
    return _set_status(
        casus, Status.INGEDIEND, by=by, ingediend_op=timezone.now(), opmerking_facilitator=""
    )


@transaction.atomic
def casus_return(*, casus: Casus, by: User, opmerking: str) -> Casus:
    """The facilitator sends a submitted casus back to its author, with a remark."""
    if casus.status != Status.INGEDIEND:
        raise ValidationError(_("Only a submitted casus can be returned to its author."))
    return _set_status(casus, Status.CONCEPT, by=by, opmerking_facilitator=opmerking)


@transaction.atomic
def casus_mark_besproken(*, casus: Casus, by: User) -> Casus:
    if casus.status != Status.INGEDIEND:
        raise ValidationError(_("Only a submitted casus can be marked as discussed."))
    return _set_status(casus, Status.BESPROKEN, by=by, besproken_op=timezone.now())


@transaction.atomic
def casus_archive(*, casus: Casus, by: User) -> Casus:
    if casus.status == Status.GEARCHIVEERD:
        raise ValidationError(_("This casus is already archived."))
    return _set_status(casus, Status.GEARCHIVEERD, by=by)


@transaction.atomic
def casus_delete(*, casus: Casus, by: User) -> Casus:
    """A soft delete: the casus disappears from every list until a facilitator undoes it."""
    if casus.is_verwijderd:
        return casus
    return writes.delete(casus, by=by, soft={"deleted_at": timezone.now(), "deleted_by": by})


@transaction.atomic
def casus_undelete(*, casus: Casus, by: User) -> Casus:
    if not casus.is_verwijderd:
        return casus
    return writes.undelete(casus, by=by, soft=("deleted_at", "deleted_by"))


RESTORABLE = {
    *Casus.TEXT_FIELDS,
    "leeftijdscategorie",
    "ziektebeeld",
    "woonsituatie",
    "dimensie_fysiek",
    "dimensie_psychisch",
    "dimensie_sociaal",
    "dimensie_zingeving",
    "knelpunten",
}


@transaction.atomic
def casus_restore(*, casus: Casus, wijziging: Wijziging, by: User) -> Casus:
    """Undo one change of the history: its fields (and knelpunten) get their earlier values
    back. The restore itself is a change in the history, so it can be undone the same way."""
    if casus.teksten_gewist_op:
        raise ValidationError(_("The texts of this casus were purged; it can no longer change."))
    return writes.restore(
        casus, by=by, changes=wijziging.changes, fields=RESTORABLE, required={"titel"}
    )


@transaction.atomic
def inzicht_save(
    *,
    inzicht: Inzicht,
    by: User,
    succesfactoren=None,
    knelpunten=None,
    expected_version: int | None = None,
) -> Inzicht:
    if inzicht.pk is None:
        inzicht.gemeente_id = inzicht.casus.gemeente_id
        inzicht.by = by

    def then():
        through = {"gemeente_id": inzicht.gemeente_id}
        if succesfactoren is not None:
            inzicht.succesfactoren.set(succesfactoren, through_defaults=through)
        if knelpunten is not None:
            inzicht.knelpunten.set(
                [k for k in knelpunten if k.casus_id == inzicht.casus_id], through_defaults=through
            )

    return writes.save(inzicht, by=by, expected_version=expected_version or 1, then=then)


@transaction.atomic
def inzicht_restore(*, inzicht: Inzicht, wijziging: Wijziging, by: User) -> Inzicht:
    """Undo one change of an inzicht's history: its texts, success factors and categories get
    their earlier values back (the restore is itself a change in the history)."""
    if inzicht.casus.teksten_gewist_op:
        raise ValidationError(_("The texts of this casus were purged; it can no longer change."))
    return writes.restore(
        inzicht,
        by=by,
        changes=wijziging.changes,
        fields={"titel", "toelichting", "succesfactoren", "knelpunt_categorieen"},
        required={"titel"},
    )


@transaction.atomic
def inzicht_delete(*, inzicht: Inzicht, by: User) -> Inzicht:
    return writes.delete(inzicht, by=by, soft={"deleted_at": timezone.now()})


@transaction.atomic
def inzicht_undelete(*, inzicht: Inzicht, by: User) -> Inzicht:
    return writes.undelete(inzicht, by=by, soft=("deleted_at",))


@transaction.atomic
def succesfactor_save(*, succesfactor: Succesfactor, gemeente, by: User) -> Succesfactor:
    if succesfactor.pk is None:
        succesfactor.gemeente = gemeente
    return writes.save(succesfactor, by=by)


PURGED = "—"
# In the history a purged value reads as PURGED and can never be restored (kern.history).
PURGED_VALUE = {"shown": PURGED}


@transaction.atomic
def casus_purge_texts(*, casus: Casus, by: User | None = None) -> bool:
    """The retention period passed: empty every text of the casus, its knelpunten and its
    history, keep the categories (and so the counts); the purge itself is in the history.
    Idempotent: returns False when there was nothing left to purge."""
    casus = _stored(casus)
    if casus.teksten_gewist_op:
        return False
    for name in Casus.TEXT_FIELDS:
        setattr(casus, name, "")
    casus.titel = _("Casus %(pk)s") % {"pk": casus.pk}
    casus.teksten_gewist_op = timezone.now()
    casus.version += 1
    casus.save()
    Knelpunt.objects.filter(casus=casus).update(toelichting="")
    GemarkeerdeVondst.objects.of(casus).update(reden=PURGED)
    # What the history held of the texts goes too; who changed what kind of thing when stays.
    for wijziging in Wijziging.objects.of(casus):
        wijziging.changes = {name: [PURGED_VALUE, PURGED_VALUE] for name in wijziging.changes}
        wijziging.object_repr = casus.titel
        wijziging.save(update_fields=["changes", "object_repr"])
    Wijziging.objects.create(
        gemeente_id=casus.gemeente_id,
        content_type=ContentType.objects.get_for_model(casus),
        object_id=casus.pk,
        object_repr=casus.titel,
        actie=Wijziging.Actie.GEWIJZIGD,
        changes={"teksten": [None, "gewist"]},
        by=by,
    )
    return True


def purge_cutoff(today: datetime.date, months: int) -> datetime.date:
    """The day N months before today (clamped to the month's length)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in range(today.day, 0, -1):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def casussen_to_purge(today: datetime.date, months: int):
    return Casus.objects.filter(
        proeftuin__eind__lt=purge_cutoff(today, months), teksten_gewist_op__isnull=True
    )
