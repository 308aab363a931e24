"""The programme team's accounts: making one (the first by ``manage.py programma_start``) and the
one-time link with which its holder chooses a password.

The link is allauth's password-reset link (``account_reset_password_from_key``): signed with
the secret key, expiring after ``PASSWORD_RESET_TIMEOUT``, and used once, since its token is
made from the password it replaces. A new account has no usable password until then."""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse

from kern.models import ProgrammaRol, User


@transaction.atomic
def programmateam_account(*, email: str, name: str = "") -> tuple[User, bool]:
    """The account of ``email`` in the programme team, made when new (without a password);
    returns it and whether it was made. Its address counts as verified: the link proves it."""
    email = email.strip().lower()
    validate_email(email)
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(email, None, name=name.strip())
    elif not user.is_active:
        raise ValidationError("The account of %(email)s is deactivated.", params={"email": email})
    if user.programma_rol != ProgrammaRol.PROGRAMMATEAM:
        user.programma_rol = ProgrammaRol.PROGRAMMATEAM
        user.save(update_fields=["programma_rol"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user, created


def login_link(user: User) -> str:
    """The absolute one-time link with which ``user`` sets a password and so logs in."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL.rstrip("/") + path
