"""A person's own data (the AVG right of access) and erasure of a person by a facilitator."""

import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kern.models import User
from kern.permissions import Rol
from kern.tenancy import forget_memberships, gemeente_scope, memberships_of

from ..models import (
    Commitment,
    FaseOvergang,
    Ingredientbeoordeling,
    Lidmaatschap,
    Uitnodiging,
    Wijziging,
)

# What an erased person is called from then on; what they wrote stays under this name.
ERASED_NAME = "verwijderde gebruiker"
ERASED_DOMAIN = "verwijderd.invalid"


def _when(value):
    """A moment in Dutch time with its offset (2026-06-16T00:30:00+02:00)."""
    return timezone.localtime(value).isoformat() if value else None


def persoonsgegevens_export(*, user: User) -> dict:
    """Everything the app holds about this person, in the gemeenten they are a member of."""
    lidmaatschappen = list(memberships_of(user).values())
    data = {
        "exported_at": timezone.localtime().isoformat(),
        "profile": {
            "email": user.email,
            "name": user.name,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "two_factor": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
            "sessions": [
                {
                    "ip": s.ip,
                    "user_agent": s.user_agent,
                    "created_at": _when(s.created_at),
                    "last_seen_at": _when(s.last_seen_at),
                }
                for s in UserSession.objects.filter(user=user)
            ],
        },
        "gemeenten": [],
    }
    for lidmaatschap in lidmaatschappen:
        with gemeente_scope(lidmaatschap.gemeente_id):
            data["gemeenten"].append(
                {
                    "gemeente": lidmaatschap.gemeente.naam,
                    "membership": {
                        "role": lidmaatschap.role,
                        "organisation": str(lidmaatschap.organisatie or ""),
                        "discipline": lidmaatschap.discipline,
                        "member_since": _when(lidmaatschap.created_at),
                    },
                    "invitations_sent": [
                        {
                            "email": u.email,
                            "role": u.role,
                            "invited_at": _when(u.created_at),
                            "accepted_at": _when(u.accepted_at),
                        }
                        for u in Uitnodiging.objects.filter(invited_by=user)
                    ],
                    "commitments_recorded": [
                        {
                            "commitment": str(c),
                            "kind": c.soort,
                            "status": c.status,
                            "recorded_at": _when(c.created_at),
                        }
                        for c in Commitment.objects.filter(created_by=user)
                    ],
                    "changes_recorded": [
                        {
                            "object": w.object_repr,
                            "action": w.actie,
                            "changes": w.changes,
                            "at": _when(w.at),
                        }
                        for w in Wijziging.objects.filter(by=user).order_by("at")
                    ],
                    "phase_changes": [
                        {"from": f.van, "to": f.naar, "at": _when(f.at)}
                        for f in FaseOvergang.objects.filter(by=user)
                    ],
                    "readiness_marks": [
                        {
                            "ingredient": b.ingredient,
                            "mark": b.oordeel,
                            "remark": b.opmerking,
                            "updated_at": _when(b.updated_at),
                        }
                        for b in Ingredientbeoordeling.objects.filter(by=user)
                    ],
                }
            )
    return data


def erasable_gemeenten(*, person: User, by: User) -> list:
    """The gemeenten where ``by`` is facilitator and ``person`` a member: where erasure reaches."""
    own = memberships_of(by)
    return [
        m.gemeente
        for slug, m in memberships_of(person).items()
        if slug in own and own[slug].role == Rol.FACILITATOR
    ]


@transaction.atomic
def persoon_wissen(*, person: User, by: User) -> bool:
    """End the person's memberships in every gemeente ``by`` facilitates; anonymise the account
    when none is left. Returns whether the account was anonymised.

    Memberships in other gemeenten stay untouched: there the person's data is not ours to erase.
    What the person wrote stays, attributed to "verwijderde gebruiker".
    """
    if person == by:
        raise ValidationError(_("You cannot erase yourself."))
    gemeenten = erasable_gemeenten(person=person, by=by)
    if not gemeenten:
        raise PermissionDenied
    for gemeente in gemeenten:
        with gemeente_scope(gemeente):
            Lidmaatschap.objects.filter(user=person).delete()
            # The invitations name the person's address: keep the row (who invited whom, when),
            # not the address.
            Uitnodiging.objects.filter(accepted_by=person).update(
                email=f"verwijderd@{ERASED_DOMAIN}"
            )
            Uitnodiging.objects.filter(
                email__iexact=person.email, accepted_at__isnull=True
            ).delete()
    forget_memberships(person)
    if memberships_of(person):
        return False
    _anonymise(person)
    return True


def _anonymise(user: User) -> None:
    user.name = ERASED_NAME
    user.email = f"verwijderd-{user.pk}-{secrets.token_hex(4)}@{ERASED_DOMAIN}"
    user.set_unusable_password()
    user.is_active = False
    user.save(update_fields=["name", "email", "password", "is_active"])
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    session_keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    UserSession.objects.filter(user=user).delete()
    Session.objects.filter(session_key__in=session_keys).delete()
