"""Writes with side effects, one module per subject; re-exported here as `services.<name>`."""

from .leden import (
    account_create_from_invitation,
    lidmaatschap_change_role,
    lidmaatschap_end,
    uitnodiging_accept,
    uitnodiging_create,
    uitnodiging_withdraw,
)

__all__ = [
    "account_create_from_invitation",
    "lidmaatschap_change_role",
    "lidmaatschap_end",
    "uitnodiging_accept",
    "uitnodiging_create",
    "uitnodiging_withdraw",
]
