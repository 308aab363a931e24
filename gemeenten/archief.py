"""An archived proeftuin is read-only: the write path's guard (``kern.writes.register_guard``)
refuses a change to the proeftuin or to any row that hangs off it, until the programme team
restores it. Rows of the gemeente itself (partners, memberships) stay writable: the gemeente
may run a next proeftuin."""

from django.utils.translation import gettext as _

from kern.writes import ReadOnly

from .models import Proeftuin

# How far up the foreign keys a row may hang off its proeftuin (Meting → indicator → actie).
DEPTH = 3


def refuse_archived(instance, *, deleting=False) -> None:
    archived = _archived_in(instance.gemeente_id) if hasattr(instance, "gemeente_id") else set()
    if not archived:
        return  # the common case: one query, and nothing archived in this gemeente
    if isinstance(instance, Proeftuin):
        if deleting or not _was_archived(instance) or not instance.is_gearchiveerd:
            return  # archiving, restoring and deleting a test proeftuin are the programme's
        raise ReadOnly(_("This proeftuin is archived: it can be read, not changed."))
    if _proeftuin_id(instance, DEPTH) in archived:
        raise ReadOnly(_("This proeftuin is archived: it can be read, not changed."))


def _archived_in(gemeente_id) -> set[int]:
    if gemeente_id is None:
        return set()
    return set(
        Proeftuin.objects.filter(gemeente_id=gemeente_id)
        .gearchiveerd()
        .values_list("pk", flat=True)
    )


def _was_archived(proeftuin) -> bool:
    return (
        proeftuin.pk is not None
        and Proeftuin.objects.filter(pk=proeftuin.pk).gearchiveerd().exists()
    )


def _proeftuin_id(instance, depth):
    """The key of the proeftuin ``instance`` hangs off, following its foreign keys up."""
    if instance is None or depth < 0:
        return None
    if isinstance(instance, Proeftuin):
        return instance.pk
    for field in instance._meta.concrete_fields:
        if field.is_relation and field.related_model is Proeftuin:
            return getattr(instance, field.attname)
    for field in instance._meta.concrete_fields:
        if (
            not field.is_relation
            or field.name == "gemeente"
            or not getattr(instance, field.attname)
        ):
            continue
        if _hangs_off_proeftuin(field.related_model, depth - 1):
            found = _proeftuin_id(getattr(instance, field.name), depth - 1)
            if found is not None:
                return found
    return None


def _hangs_off_proeftuin(model, depth) -> bool:
    if depth < 0 or not hasattr(model, "gemeente_id"):
        return False
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is Proeftuin:
            return True
    return any(
        _hangs_off_proeftuin(f.related_model, depth - 1)
        for f in model._meta.concrete_fields
        if f.is_relation and f.name != "gemeente" and f.related_model is not model
    )
