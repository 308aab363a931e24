"""Version stamps per gemeente and part of its data that change whenever that data changes: the
key of cached summaries and pages (the checklist of the cockpit and the dashboard, issue 9; the one
cache rule of ``kern.fragments``, issue 20).

A **part** is the app a row belongs to (``gemeenten``, ``casussen``, ``bijeenkomsten``,
``verbeteracties``, the oogst's parts), or what its model names in ``data_part``: an RSVP renews
the stamp of the gemeente's meetings, not that of its verbeteracties, so the board stays cached
while people answer invitations. Whoever reads a stamp names the parts it reads (default: all);
its stamp is the stamps of those parts together.

Every save and delete of a ``TenantModel`` row, and every change of a tenant row's many-to-many
links, gives the row's gemeente a new stamp: at once (so that the request that made the change
sees it on its next page) and again when the transaction commits (so that a summary another
request computed from the data before the commit, and stored under the first new stamp, is not
served afterwards). A stamp is a fresh ``time.time_ns()``, never a counter, so a stamp that the
cache evicted comes back as a new one instead of an old number. Bulk writes that send no signals
(``update()``, ``bulk_create()``, ``bulk_update()``) renew the stamps through the tenant
queryset (``kern.tenancy.TenantQuerySet``); what is cached also expires after
``SUMMARY_SECONDS`` as a last net. A model whose rows no summary reads and that every read writes
(the audit log) says so with ``renews_data_stamp = False``.
"""

import functools
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation

from .tenancy import TenantModel, forget_memberships, memberships_of, tenant_rows_written

SUMMARY_SECONDS = 15 * 60


def part_of(model) -> str:
    """The part of a gemeente's data a row of ``model`` belongs to."""
    return getattr(model, "data_part", None) or model._meta.app_label


@functools.cache
def all_parts() -> tuple[str, ...]:
    return tuple(
        sorted(
            {
                part_of(model)
                for model in apps.get_models()
                if issubclass(model, TenantModel) and getattr(model, "renews_data_stamp", True)
            }
        )
    )


def _parts(parts) -> tuple[str, ...]:
    if not parts:
        return all_parts()
    unknown = set(parts) - set(all_parts())
    if unknown:  # a misspelt part would never renew: the page would stay stale for ever
        raise ValueError(f"unknown data parts {sorted(unknown)}; known: {all_parts()}")
    return tuple(sorted(set(parts)))


def _key(gemeente_id, part):
    return f"gemeente-versie:{int(gemeente_id)}:{part}"


def of(gemeente_ids, parts=None) -> dict[int, str]:
    """The current stamp of each gemeente for ``parts`` (default: all its data), in one cache
    round trip; a missing part stamp is made."""
    ids = sorted({int(pk) for pk in gemeente_ids})
    parts = _parts(parts)
    found = cache.get_many([_key(pk, part) for pk in ids for part in parts])
    stamps, new = {}, {}
    for pk in ids:
        values = []
        for part in parts:
            stamp = found.get(_key(pk, part))
            if stamp is None:
                stamp = new[_key(pk, part)] = time.time_ns()
            values.append(str(stamp))
        stamps[pk] = ".".join(values)
    if new:
        cache.set_many(new, timeout=None)
    return stamps


def key(name, stamp):
    """The cache key of a summary ``name`` at a gemeente's ``stamp``, in this request's language
    and for today (summaries hold translated labels and what is overdue today)."""
    return f"{name}:{stamp}:{translation.get_language()}:{timezone.localdate().isoformat()}"


def cached_many(entries, compute, *, store=None, parts=None):
    """Summaries from the cache while their gemeenten have no new data, the rest computed.

    ``entries`` maps each wanted item to ``(gemeente_id, name)``; ``compute(missing)`` returns
    ``{item: value}`` for the items not cached (computed together, so a page of many loads them
    at once), which are then stored. One round trip for the stamps, one for the values. The
    values go into ``store`` (default: the default cache); the stamps always come from the
    default cache, which every process shares.
    """
    store = store or cache
    if not entries:
        return {}
    stamps = of((gemeente_id for gemeente_id, _name in entries.values()), parts)
    keys = {
        item: key(f"{name}:{int(gemeente_id)}", stamps[int(gemeente_id)])
        for item, (gemeente_id, name) in entries.items()
    }
    found = store.get_many(list(keys.values()))
    result = {item: found[k] for item, k in keys.items() if k in found}
    missing = [item for item in entries if item not in result]
    if missing:
        computed = compute(missing)
        store.set_many({keys[item]: computed[item] for item in missing}, timeout=SUMMARY_SECONDS)
        result.update(computed)
    return result


def cached(gemeente_id, name, compute, *, store=None, parts=None):
    """``compute()`` for a gemeente, from the cache while its ``parts`` have no new data."""
    return cached_many(
        {name: (gemeente_id, name)}, lambda _missing: {name: compute()}, store=store, parts=parts
    )[name]


def bump(gemeente_id, parts=None):
    """Give a gemeente's ``parts`` (default: all) a new stamp now and again after the current
    transaction commits."""
    if gemeente_id is None:
        return
    parts = _parts(parts)
    _set(gemeente_id, parts)
    transaction.on_commit(lambda: _set(gemeente_id, parts))


# Gemeenten written while the shared cache was down (kern.cache): their new stamps could not be
# stored, so they are stored once it is back, before a page computed from the old stamp is
# served again. A process that stops before then leaves it to SUMMARY_SECONDS.
_unstored: set[tuple[int, str]] = set()


def _set(gemeente_id, parts):
    now = time.time_ns()
    cache.set_many({_key(gemeente_id, part): now for part in parts}, timeout=None)
    if getattr(cache, "is_down", False):
        _unstored.update((int(gemeente_id), part) for part in parts)


def _store_unstored(**kwargs):
    while _unstored:
        gemeente_id, part = _unstored.pop()
        _set(gemeente_id, (part,))


def _changed(sender, instance, **kwargs):
    if (
        isinstance(instance, TenantModel)
        and getattr(instance, "renews_data_stamp", True)
        and not kwargs.get("raw")
    ):
        bump(instance.gemeente_id, (part_of(type(instance)),))


def _rows_written(sender, gemeente_ids, **kwargs):
    for gemeente_id in gemeente_ids:
        bump(gemeente_id, (part_of(sender),))


def _links_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _changed(sender, instance)


def _user_changed(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """Summaries name members (owners, authors, who changed what): a user's new name or e-mail
    address renews the stamps of the user's gemeenten. A login saves only ``last_login``."""
    if created or raw or (update_fields is not None and not {"name", "email"} & set(update_fields)):
        return
    # Read afresh and leave nothing behind on the instance: its memberships may change later
    # in the same request (a new account is saved before anyone invites it anywhere).
    forget_memberships(instance)
    gemeente_ids = [m.gemeente_id for m in memberships_of(instance).values()]
    forget_memberships(instance)
    for gemeente_id in gemeente_ids:
        bump(gemeente_id)


def connect():
    from .cache import came_back

    came_back.connect(_store_unstored, dispatch_uid="kern.data_version.came_back")
    post_save.connect(
        _user_changed, sender=settings.AUTH_USER_MODEL, dispatch_uid="kern.data_version.user"
    )
    post_save.connect(_changed, dispatch_uid="kern.data_version.save")
    post_delete.connect(_changed, dispatch_uid="kern.data_version.delete")
    m2m_changed.connect(_links_changed, dispatch_uid="kern.data_version.links")
    tenant_rows_written.connect(_rows_written, dispatch_uid="kern.data_version.bulk")
