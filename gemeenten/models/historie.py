"""History of changes: who changed what and when, for any row of a gemeente."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kern import history
from kern.tenancy import TenantModel, scoped_manager


class WijzigingQuerySet(models.QuerySet):
    def of(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
        )


class Wijziging(TenantModel):
    """One change to one row: the changed fields with their old and new values."""

    text_exempt = {
        "object_repr": "system text: the changed row's name, taken from its own (gated) texts",
    }

    # Written only together with the row it describes, whose own save renews the stamp of that
    # row's part (kern.data_version): renewing the gemeenten part as well would make every
    # write in a gemeente stale every page that names a member (issue 20).
    renews_data_stamp = False

    class Actie(models.TextChoices):
        AANGEMAAKT = "aangemaakt", _("created")
        GEWIJZIGD = "gewijzigd", _("changed")
        VERWIJDERD = "verwijderd", _("deleted")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(_("object"), max_length=200)
    actie = models.CharField(_("action"), max_length=12, choices=Actie.choices)
    changes = models.JSONField(
        _("changes"), default=dict, help_text=_("field name: [old, new], as raw values")
    )
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

        Without ``before`` the row is new. ``extra``: values given now for the model's declared
        extras without a reader (name → raw value). Returns None when nothing changed.
        """
        if deleted:
            actie, changes = cls.Actie.VERWIJDERD, {k: [v, None] for k, v in (before or {}).items()}
        else:
            changes = history.diff(before, history.snapshot(instance, extra))
            actie = cls.Actie.AANGEMAAKT if before is None else cls.Actie.GEWIJZIGD
            if before is not None and not changes:
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

    @property
    def model(self):
        # From the content types' own cache: no query per row of a history list.
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def labels(self):
        """The labels of what changed, in the reader's language."""
        model = self.model
        return [history.label(model, name) if model else name for name in self.changes]

    @cached_property
    def rows(self):
        """(label, old, new) per changed value, in the reader's language."""
        model = self.model
        if model is None:  # a model removed since: its field names are all there is
            return [
                (name, str(old or ""), str(new or "")) for name, (old, new) in self.changes.items()
            ]
        return history.rows(model, self.changes)
