"""Who may do what with bijeenkomsten (loaded in apps.ready)."""

import rules

from kern.permissions import Rol, is_facilitator, is_member, role_in


@rules.predicate
def is_professional(user, gemeente):
    return role_in(user, gemeente) == Rol.PROFESSIONAL


rules.add_perm("bijeenkomsten.view", is_member)
rules.add_perm("bijeenkomsten.manage", is_facilitator)
rules.add_perm("bijeenkomsten.aanmelden", is_member)
