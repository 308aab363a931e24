"""What belongs to a person across gemeenten: the calendar feed token and reminder preferences;
and, per gemeente, which reminders were sent (so each goes out once)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kern.tenancy import TenantModel


def new_token():
    return secrets.token_urlsafe(32)


class AgendaToken(models.Model):
    """The secret in a person's calendar feed address; a new one makes the old address dead."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)


class Herinneringsvoorkeur(models.Model):
    """Which reminders a person wants; without a row they get all of them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="herinneringsvoorkeur"
    )
    casus_deadline = models.BooleanField(
        _("the deadline for casussen is near and I have not added one"), default=True
    )
    dag_ervoor = models.BooleanField(_("the day before a meeting"), default=True)
    actiepunten = models.BooleanField(_("my action items past their deadline"), default=True)

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return str(self.user)

    @classmethod
    def of(cls, user):
        return cls.objects.filter(user=user).first() or cls(user=user)

    def wants(self, soort):
        return getattr(self, soort)


class VerzondenHerinnering(TenantModel):
    """A reminder that went out: one per kind, person and meeting or action item."""

    class Soort(models.TextChoices):
        CASUS_DEADLINE = "casus_deadline", _("Deadline for casussen")
        DAG_ERVOOR = "dag_ervoor", _("The day before")
        ACTIEPUNTEN = "actiepunten", _("Action item past its deadline")

    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "user", "object_id"], name="herinnering_eenmaal"
            )
        ]

    def __str__(self):
        return f"{self.get_soort_display()} → {self.user}"
