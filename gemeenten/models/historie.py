"""History of changes: who changed what and when, for any row of a gemeente."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from kern.tenancy import TenantModel, scoped_manager


class WijzigingQuerySet(models.QuerySet):
    def of(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
        )


class Wijziging(TenantModel):
    """One change to one row: the changed fields with their old and new values."""

    class Actie(models.TextChoices):
        AANGEMAAKT = "aangemaakt", _("created")
        GEWIJZIGD = "gewijzigd", _("changed")
        VERWIJDERD = "verwijderd", _("deleted")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(_("object"), max_length=200)
    actie = models.CharField(_("action"), max_length=12, choices=Actie.choices)
    changes = models.JSONField(_("changes"), default=dict, help_text=_("field: [old, new]"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = scoped_manager(WijzigingQuerySet)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["gemeente", "content_type", "object_id"])]

    def __str__(self):
        return f"{self.object_repr}: {self.get_actie_display()}"

    @classmethod
    def record(cls, instance, *, by, before=None, deleted=False, extra=None):
        """Record a change of ``instance``; ``before`` is its ``snapshot()`` before the change.

        Without ``before`` the row is new. Returns None when nothing changed.
        """
        after = {} if deleted else {**snapshot(instance), **(extra or {})}
        if deleted:
            actie, changes = cls.Actie.VERWIJDERD, {k: [v, None] for k, v in (before or {}).items()}
        elif before is None:
            actie, changes = cls.Actie.AANGEMAAKT, {k: [None, v] for k, v in after.items() if v}
        else:
            actie = cls.Actie.GEWIJZIGD
            changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
            if not changes:
                return None
        return cls.objects.create(
            gemeente_id=instance.gemeente_id,
            content_type=ContentType.objects.get_for_model(instance),
            object_id=instance.pk,
            object_repr=str(instance)[:200],
            actie=actie,
            changes=changes,
            by=by,
        )


HIDDEN_FIELDS = {"id", "gemeente", "version"}


def snapshot(instance, extra=None):
    """The row's fields as people read them (labels of choices, names of related rows)."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in HIDDEN_FIELDS:
            continue
        if field.choices:
            value = getattr(instance, f"get_{field.name}_display")()
        elif field.is_relation:
            related = getattr(instance, field.name)
            value = str(related) if related is not None else ""
        else:
            value = getattr(instance, field.name)
            if isinstance(value, FieldFile):  # an empty one raises on .url, so ask the type
                value = value.name or ""
            value = "" if value is None else str(value)
        values[str(field.verbose_name)] = value
    return {**values, **(extra or {})}
