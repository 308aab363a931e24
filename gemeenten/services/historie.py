"""Restore: one change of a row's history undone, for any model with history (the restore is
itself a change in the history, so it can be undone the same way)."""

from django.db import transaction

from kern import history
from kern.concurrency import VersionedModel, save_versioned

from ..models import Wijziging


@transaction.atomic
def restore(*, instance, wijziging: Wijziging, by, fields, required=()):
    """Give ``instance`` the earlier values that ``wijziging`` changed, for the names in
    ``fields`` (columns and declared extras); a name in ``required`` is never emptied. Raises
    ``ValidationError`` when an earlier value points to a row deleted since, and ``StaleEdit``
    when someone saved the row meanwhile."""
    stored = type(instance).objects.select_for_update().get(pk=instance.pk)
    before = history.snapshot(stored)
    after_save = history.put_back(instance, wijziging.changes, fields=fields, required=required)
    if isinstance(instance, VersionedModel):
        save_versioned(instance, expected_version=stored.version)
    else:
        instance.save()
    for each in after_save:
        each()
    Wijziging.record(instance, by=by, before=before)
    return instance
