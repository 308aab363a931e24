"""Roles and what each may do: the one place where views and templates ask permission."""

import rules
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import ProgrammaRol
from .tenancy import memberships_of


class Rol(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    BELEIDSADVISEUR = "beleidsadviseur", _("Policy adviser")
    PROFESSIONAL = "professional", _("Professional")
    BESTUURDER = "bestuurder", _("Executive")

    @property
    def description(self):
        return ROL_DESCRIPTIONS[self]


ROL_DESCRIPTIONS = {
    Rol.FACILITATOR: _("Runs the proeftuin: invites people, plans meetings, moderates casussen."),
    Rol.BELEIDSADVISEUR: _("Records the mandate and the commitments of partners; invites people."),
    Rol.PROFESSIONAL: _("Adds anonymised casussen, joins meetings, owns improvement actions."),
    Rol.BESTUURDER: _("Reads the dashboard, improvement actions and harvest; never casus texts."),
}


def role_in(user, gemeente):
    """The user's role in this gemeente, or None for a non-member."""
    if gemeente is None or not user.is_authenticated:
        return None
    lidmaatschap = memberships_of(user).get(gemeente.slug)
    return lidmaatschap.role if lidmaatschap else None


@rules.predicate
def is_member(user, gemeente):
    return role_in(user, gemeente) is not None


@rules.predicate
def is_facilitator(user, gemeente):
    return role_in(user, gemeente) == Rol.FACILITATOR


@rules.predicate
def is_beleidsadviseur(user, gemeente):
    return role_in(user, gemeente) == Rol.BELEIDSADVISEUR


rules.add_perm("gemeenten.view_gemeente", is_member)
rules.add_perm("gemeenten.view_leden", is_member)
rules.add_perm("gemeenten.invite", is_facilitator | is_beleidsadviseur)
rules.add_perm("gemeenten.manage_leden", is_facilitator)
# Startbijeenkomst: the proeftuin and its phases are the facilitator's; partners, commitments
# and the gemeenteprofiel are also the beleidsadviseur's; every member reads them.
rules.add_perm("gemeenten.view_proeftuin", is_member)
rules.add_perm("gemeenten.manage_proeftuin", is_facilitator)
rules.add_perm("gemeenten.edit_profiel", is_facilitator | is_beleidsadviseur)
rules.add_perm("gemeenten.manage_partners", is_facilitator | is_beleidsadviseur)
rules.add_perm("gemeenten.manage_commitments", is_facilitator | is_beleidsadviseur)
rules.add_perm("gemeenten.export", is_member)
# The audit log: who read or changed what, only for the facilitators of the gemeente.
rules.add_perm("gemeenten.view_audit", is_facilitator)


@rules.predicate
def is_facilitator_somewhere(user):
    return user.is_authenticated and is_facilitator_anywhere(user)


# The overview across gemeenten (outside /g/) is for whoever facilitates at least one.
rules.add_perm("gemeenten.view_overzicht", is_facilitator_somewhere)


@rules.predicate
def is_programmateam(user):
    """Agora/Movisie's programme team: above the gemeenten, never a member of one by this role,
    so it reads no casus text (every /g/ page answers 404 to it, kern.middleware)."""
    return (
        user.is_authenticated
        and user.is_active
        and user.programma_rol == ProgrammaRol.PROGRAMMATEAM
    )


# The programme's pages (/programma/): gemeenten and proeftuinen, facilitators, the template.
rules.add_perm("programma.view", is_programmateam)
rules.add_perm("programma.manage", is_programmateam)


def invitable_roles(user, gemeente):
    """The roles this user may hand out by invitation in this gemeente."""
    role = role_in(user, gemeente)
    if role == Rol.FACILITATOR:
        return list(Rol)
    if role == Rol.BELEIDSADVISEUR:
        return [r for r in Rol if r != Rol.FACILITATOR]
    return []


def is_facilitator_anywhere(user):
    return any(m.role == Rol.FACILITATOR for m in memberships_of(user).values())
