"""The audit log (in the spirit of NEN 7513): who read or changed which row, when, in which
gemeente. Append-only: on PostgreSQL the application role may insert rows, never change or
delete them (``rls_append_only``, honoured by ``kern.rls``)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kern.tenancy import TenantModel


class AuditRegel(TenantModel):
    """One access to one row (or, for an export, to a kind of rows).

    Holds no text of the row itself: what was accessed is the content type and the id, and its
    label ("Commitment #12") is made from those when shown, so no casus text can reach the log.
    """

    text_exempt = {
        "session_hash": "a keyed hash of the session, no text",
    }

    # Written by every read of a casus or an action and read by no cached summary: a read must
    # not make the cockpit and dashboard summaries of its gemeente stale (kern.data_version).
    renews_data_stamp = False

    class Actie(models.TextChoices):
        READ = "read", _("read")
        CREATE = "create", _("created")
        CHANGE = "change", _("changed")
        DELETE = "delete", _("deleted")
        DOWNLOAD = "download", _("downloaded")
        EXPORT = "export", _("exported")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    actie = models.CharField(_("action"), max_length=10, choices=Actie.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind of object")
    )
    object_id = models.PositiveBigIntegerField(
        _("object id"), null=True, blank=True, help_text=_("Empty for an export of many rows.")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    session_hash = models.CharField(
        _("session"),
        max_length=64,
        blank=True,
        help_text=_("A keyed hash of the session key: tells sessions apart, reveals none."),
    )

    # kern.rls: the application role gets INSERT and SELECT only.
    rls_append_only = True

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["gemeente", "-at"]),
            models.Index(fields=["gemeente", "content_type", "object_id"]),
        ]

    def __str__(self):
        return f"{self.object_label}: {self.get_actie_display()}"

    @property
    def object_label(self):
        """ "Commitment #12", or "Commitments" for an export; content types are cached."""
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        if model is None:
            return f"#{self.object_id}"
        if self.object_id is None:
            return capfirst(model._meta.verbose_name_plural)
        return f"{capfirst(model._meta.verbose_name)} #{self.object_id}"
