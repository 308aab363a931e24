"""Who may withdraw a Kennisbank entry (every logged-in user reads it; the gemeente's
facilitators publish: ``oogst.access.require_facilitator``)."""

from kern.permissions import is_facilitator_anywhere


def can_withdraw(user, item) -> bool:
    """A Kennisbank entry is withdrawn by the facilitator who published it."""
    return (
        user.is_authenticated
        and item.gepubliceerd_door_id == user.pk
        and is_facilitator_anywhere(user)
    )
