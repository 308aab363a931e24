"""Who takes part: memberships with a role, and invitations by e-mail."""

import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.permissions import Rol
from kern.tenancy import TenantModel, gemeente_scope

from .gemeente import Organisatie


class Discipline(models.TextChoices):
    HUISARTS = "huisarts", _("GP")
    WIJKVERPLEEGKUNDIGE = "wijkverpleegkundige", _("District nurse")
    POH = "poh", _("Practice nurse (POH)")
    WMO_CONSULENT = "wmo_consulent", _("Wmo consultant")
    SOCIAAL_WERKER = "sociaal_werker", _("Social worker")
    GEESTELIJK_VERZORGER = "geestelijk_verzorger", _("Spiritual caregiver")
    MANTELZORGCONSULENT = "mantelzorgconsulent", _("Informal care consultant")
    VRIJWILLIGERSCOORDINATOR = "vrijwilligerscoordinator", _("Volunteer coordinator")
    PROCESBEGELEIDER = "procesbegeleider", _("Process facilitator")
    BELEIDSADVISEUR = "beleidsadviseur", _("Policy adviser")
    MANAGER = "manager", _("Manager / executive")
    ANDERS = "anders", _("Other")


class Lidmaatschap(TenantModel):
    """A person's part in one gemeente: one role, optionally an organisation and discipline."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Rol.choices)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leden",
        verbose_name=_("organisation"),
    )
    discipline = models.CharField(
        _("discipline"), max_length=30, choices=Discipline.choices, blank=True
    )
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    rls_user_field = "user"  # memberships_of() finds a user's gemeenten before any scope

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "user"], name="lidmaatschap_uniek")
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class InvalidInvitation(Exception):
    """An invitation link that cannot be used; ``reason`` is shown to the person."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Uitnodiging(TenantModel):
    """An invitation by e-mail to take part in a gemeente with a role."""

    text_exempt = {
        "nonce": "a random token",
    }

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Rol.choices)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    discipline = models.CharField(
        _("discipline"), max_length=30, choices=Discipline.choices, blank=True
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    # Changing the nonce invalidates every link sent before. It stays out of the history.
    history_hidden = ("nonce",)
    nonce = models.CharField(max_length=64, default=secrets.token_urlsafe, editable=False)
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    SIGNING_SALT = "gemeenten.uitnodiging"

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_open(self):
        return self.accepted_at is None

    @property
    def expires_at(self):
        sent = self.sent_at or self.created_at
        return sent + timezone.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)

    def make_token(self):
        return signing.TimestampSigner(salt=self.SIGNING_SALT).sign_object(
            {"id": self.pk, "gemeente": self.gemeente_id, "nonce": self.nonce}
        )

    def get_accept_url(self):
        return reverse("uitnodiging_accept", kwargs={"token": self.make_token()})

    @classmethod
    def from_token(cls, token):
        """The open invitation this token stands for, or ``InvalidInvitation`` saying why not.

        The person following the link is not a member yet: the signed token names the
        gemeente, whose scope is entered for the lookup.
        """
        signer = signing.TimestampSigner(salt=cls.SIGNING_SALT)
        max_age = timezone.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
        try:
            data = signer.unsign_object(token, max_age=max_age)
        except signing.SignatureExpired as exc:
            raise InvalidInvitation(_("This invitation has expired.")) from exc
        except signing.BadSignature as exc:
            raise InvalidInvitation(_("This invitation link is not valid.")) from exc
        if not isinstance(data, dict) or not isinstance(data.get("gemeente"), int):
            raise InvalidInvitation(_("This invitation link is not valid."))
        with gemeente_scope(data["gemeente"]):
            uitnodiging = (
                cls.objects.select_related("gemeente", "organisatie")
                .filter(pk=data.get("id"), nonce=data.get("nonce"))
                .first()
            )
        if uitnodiging is None:
            raise InvalidInvitation(
                _("This invitation has been withdrawn or replaced by a newer one.")
            )
        if not uitnodiging.is_open:
            raise InvalidInvitation(_("This invitation has already been used."))
        return uitnodiging
