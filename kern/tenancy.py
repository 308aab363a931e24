"""Tenancy core: the tenant model base, the gemeente scope and the membership lookup (the
middleware that enters the scope is ``kern.middleware``)."""

from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.db import models
from django.dispatch import Signal
from django.utils.translation import gettext_lazy
from django_scopes import ScopedManager, scope, scopes_disabled

from .rls import database_scope

# Sent after a bulk write of tenant rows (which sends no post_save or post_delete), with the
# keys of the gemeenten it touched: the data version renews their stamps (kern.data_version).
tenant_rows_written = Signal()


class TenantQuerySet(models.QuerySet):
    """The queryset of every tenant model: its bulk writes say which gemeenten they touched, so
    no caller has to remember to renew a data stamp after ``update()`` or ``bulk_*``."""

    def update(self, **kwargs):
        gemeenten = self._gemeenten()
        rows = super().update(**kwargs)
        if rows:
            self._written(gemeenten)
        return rows

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        self._written({obj.gemeente_id for obj in created})
        return created

    bulk_create.alters_data = True

    def bulk_update(self, objs, *args, **kwargs):
        objs = list(objs)
        rows = super().bulk_update(objs, *args, **kwargs)
        if rows:
            self._written({obj.gemeente_id for obj in objs})
        return rows

    bulk_update.alters_data = True

    def _gemeenten(self):
        if not getattr(self.model, "renews_data_stamp", True):
            return set()
        return set(self.order_by().values_list("gemeente_id", flat=True).distinct())

    def _written(self, gemeente_ids):
        gemeente_ids = {pk for pk in gemeente_ids if pk is not None}
        if gemeente_ids and getattr(self.model, "renews_data_stamp", True):
            tenant_rows_written.send(sender=self.model, gemeente_ids=gemeente_ids)


def scoped_manager(queryset_class=None):
    """The scoped manager of a tenant model, optionally with the model's own queryset methods
    (which need not derive from ``TenantQuerySet``: it is mixed in here)."""
    if queryset_class is None:
        queryset_class = TenantQuerySet
    elif not issubclass(queryset_class, TenantQuerySet):
        queryset_class = type(queryset_class.__name__, (queryset_class, TenantQuerySet), {})
    manager_class = models.Manager.from_queryset(queryset_class)
    return ScopedManager(_manager_class=manager_class, gemeente="gemeente")


class TenantModel(models.Model):
    """Base of every row owned by one gemeente: the key and the scoped manager in one line.

    Queries through ``objects`` outside an active scope raise ``ScopeError`` instead of
    returning every gemeente's rows; on PostgreSQL its table also gets row-level security
    (``kern.rls``) at the next ``migrate``.
    """

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.CASCADE,
        related_name="%(class)s_set",
        verbose_name=gettext_lazy("gemeente"),
        editable=False,
    )

    objects = scoped_manager()

    # A user key whose rows that user may read in every gemeente (row-level security only):
    # set on the memberships, so a user's gemeenten can be found before any scope exists.
    rls_user_field = None
    # Append-only rows (the audit log): the application role may insert and read, never change
    # or delete them (row-level security only; see kern.rls).
    rls_append_only = False

    class Meta:
        abstract = True


def _gemeente_ids(gemeenten):
    if gemeenten is None:
        return []
    if isinstance(gemeenten, models.Model | int | str):
        gemeenten = [gemeenten]
    return [g.pk if isinstance(g, models.Model) else int(g) for g in gemeenten]


@contextmanager
def gemeente_scope(gemeenten):
    """Enter the scope of one gemeente or several (instances or ids), on both walls.

    The django-scopes scope filters the ORM; on PostgreSQL the session setting of row-level
    security lets the database show and accept only these gemeenten's rows. Nests; the
    previous scope and setting come back on exit.
    """
    with scope(gemeente=gemeenten), database_scope(_gemeente_ids(gemeenten)):
        yield


def all_gemeente_ids():
    """Every gemeente's key (the tenants' own table has no row-level security): for the few
    readers above the gemeenten, whose scope the middleware enters (``across_gemeenten``)."""
    Gemeente = apps.get_model(TenantModel._meta.get_field("gemeente").remote_field.model)
    return list(Gemeente.objects.values_list("pk", flat=True))


def memberships_of(user):
    """The user's memberships by gemeente slug, loaded once per user object.

    This is the one cross-tenant read the app makes on its own: it decides which gemeenten
    a user may enter, so it has to look before any scope exists. Row-level security lets it
    see only this user's memberships (``rls_user_field``); the rest is read in their scope.
    """
    cached = getattr(user, "_lidmaatschappen", None)
    if cached is None:
        Lidmaatschap = apps.get_model(settings.TENANCY_MEMBERSHIP_MODEL)

        # One query: the gemeenten table has no row-level security, the memberships are read
        # under the user's own setting. A membership's organisatie (a tenant row) loads on use,
        # inside the gemeente's scope.
        with scopes_disabled(), database_scope(user_id=user.pk):
            cached = {
                m.gemeente.slug: m
                for m in Lidmaatschap.objects.filter(user=user)
                .select_related("gemeente")
                .order_by("gemeente__naam")
            }
        user._lidmaatschappen = cached
    return cached


def forget_memberships(user):
    user.__dict__.pop("_lidmaatschappen", None)


def row_url(name, *, pk_from="pk", query=None):
    """A method that reverses ``name`` for a tenant row under its gemeente's URLs, with ``pk``
    from the row's ``pk_from`` attribute (and ``?<query>=<the row's query attribute>``): e.g.
    ``Les.get_edit_url = row_url("oogst:les_edit")``."""

    def url(self):
        from django.urls import reverse

        address = reverse(
            name, kwargs={"gemeente_slug": self.gemeente.slug, "pk": getattr(self, pk_from)}
        )
        if query is not None:
            address += f"?{query[0]}={getattr(self, query[1])}"
        return address

    return url
