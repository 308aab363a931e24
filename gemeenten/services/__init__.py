"""Writes with side effects, one module per subject; re-exported here as `services.<name>`."""

from .commitments import (
    commitment_delete,
    commitment_save,
    commitment_set_status,
    kerngroeplid_add,
    kerngroeplid_remove,
    organisatie_delete,
    organisatie_save,
)
from .leden import (
    account_create_from_invitation,
    lidmaatschap_change_role,
    lidmaatschap_end,
    uitnodiging_accept,
    uitnodiging_create,
    uitnodiging_withdraw,
)
from .persoonsgegevens import erasable_gemeenten, persoon_wissen, persoonsgegevens_export
from .proeftuin import (
    ingredient_mark,
    proeftuin_begin,
    proeftuin_move_phase,
    proeftuin_save,
    proeftuin_undo_phase,
    profiel_save,
)

__all__ = [
    "erasable_gemeenten",
    "persoon_wissen",
    "persoonsgegevens_export",
    "account_create_from_invitation",
    "commitment_delete",
    "commitment_save",
    "commitment_set_status",
    "ingredient_mark",
    "profiel_save",
    "kerngroeplid_add",
    "kerngroeplid_remove",
    "lidmaatschap_change_role",
    "lidmaatschap_end",
    "organisatie_delete",
    "organisatie_save",
    "proeftuin_begin",
    "proeftuin_move_phase",
    "proeftuin_save",
    "proeftuin_undo_phase",
    "uitnodiging_accept",
    "uitnodiging_create",
    "uitnodiging_withdraw",
]
