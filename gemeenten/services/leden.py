"""Writes that touch several models or have side effects: invitations and memberships."""

import secrets

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kern import writes
from kern.models import User
from kern.permissions import Rol
from kern.tenancy import forget_memberships

from ..models import Gemeente, Lidmaatschap, Organisatie, Uitnodiging
from ..tasks import send_uitnodiging


@transaction.atomic
def uitnodiging_create(
    *,
    gemeente: Gemeente,
    email: str,
    role: str,
    by: User,
    organisatie: Organisatie | None = None,
    discipline: str = "",
) -> Uitnodiging:
    """Invite an e-mail address; an open invitation to the same address is renewed, not doubled."""
    email = email.strip().lower()
    if Lidmaatschap.objects.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already a member of this gemeente.") % {"email": email}}
        )
    uitnodiging = Uitnodiging.objects.filter(email=email, accepted_at__isnull=True).first()
    if uitnodiging is None:
        uitnodiging = Uitnodiging(gemeente=gemeente, email=email)
    uitnodiging.role = role
    uitnodiging.organisatie = organisatie
    uitnodiging.discipline = discipline
    uitnodiging.invited_by = by
    uitnodiging.nonce = secrets.token_urlsafe()
    uitnodiging.sent_at = None
    writes.save(uitnodiging, by=by)
    transaction.on_commit(lambda: send_uitnodiging.delay(gemeente.pk, uitnodiging.pk))
    return uitnodiging


@transaction.atomic
def uitnodiging_accept(*, uitnodiging: Uitnodiging, user: User) -> Lidmaatschap:
    """Turn an invitation into a membership of the given account (new or existing)."""
    locked = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if not locked.is_open:
        raise ValidationError(_("This invitation has already been used."))
    existing = Lidmaatschap.objects.filter(gemeente=locked.gemeente, user=user).first()
    lidmaatschap = existing or writes.save(
        Lidmaatschap(
            gemeente=locked.gemeente,
            user=user,
            role=locked.role,
            organisatie=locked.organisatie,
            discipline=locked.discipline,
        ),
        by=user,
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    writes.save(locked, by=user)
    # Following the link proves the person reads this mailbox.
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    forget_memberships(user)
    return lidmaatschap


@transaction.atomic
def account_create_from_invitation(*, uitnodiging: Uitnodiging, name: str, password: str) -> User:
    user = User.objects.create_user(uitnodiging.email, password, name=name)
    uitnodiging_accept(uitnodiging=uitnodiging, user=user)
    return user


def _ensure_a_facilitator_remains(lidmaatschap: Lidmaatschap) -> None:
    if lidmaatschap.role != Rol.FACILITATOR:
        return
    others = Lidmaatschap.objects.filter(role=Rol.FACILITATOR).exclude(pk=lidmaatschap.pk)
    if not others.exists():
        raise ValidationError(_("A gemeente needs at least one facilitator."))


@transaction.atomic
def lidmaatschap_change_role(*, lidmaatschap: Lidmaatschap, role: str, by: User) -> Lidmaatschap:
    if role != Rol.FACILITATOR:
        _ensure_a_facilitator_remains(lidmaatschap)
    lidmaatschap.role = role
    return writes.save(lidmaatschap, by=by)


@transaction.atomic
def lidmaatschap_end(*, lidmaatschap: Lidmaatschap, by: User) -> None:
    _ensure_a_facilitator_remains(lidmaatschap)
    writes.delete(lidmaatschap, by=by)


@transaction.atomic
def uitnodiging_withdraw(*, uitnodiging: Uitnodiging, by: User) -> None:
    if not uitnodiging.is_open:
        raise ValidationError(_("This invitation has already been used."))
    writes.delete(uitnodiging, by=by)
