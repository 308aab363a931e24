"""Tenancy core: the tenant model base, the membership lookup and the middleware that scopes."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import ScopedManager, scope, scopes_disabled


def scoped_manager(queryset_class=None):
    """The scoped manager of a tenant model, optionally with the model's own queryset methods."""
    manager_class = (
        models.Manager.from_queryset(queryset_class) if queryset_class else models.Manager
    )
    return ScopedManager(_manager_class=manager_class, gemeente="gemeente")


class TenantModel(models.Model):
    """Base of every row owned by one gemeente: the key and the scoped manager in one line.

    Queries through ``objects`` outside an active scope raise ``ScopeError`` instead of
    returning every gemeente's rows.
    """

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.CASCADE,
        related_name="%(class)s_set",
        verbose_name=gettext_lazy("gemeente"),
        editable=False,
    )

    objects = scoped_manager()

    class Meta:
        abstract = True


def memberships_of(user):
    """The user's memberships by gemeente slug, loaded once per user object.

    This is the one cross-tenant read the app makes on its own: it decides which gemeenten
    a user may enter, so it has to look before any scope exists.
    """
    cached = getattr(user, "_lidmaatschappen", None)
    if cached is None:
        from gemeenten.models import Lidmaatschap

        with scopes_disabled():
            cached = {
                m.gemeente.slug: m
                for m in Lidmaatschap.objects.filter(user=user)
                .select_related("gemeente", "organisatie")
                .order_by("gemeente__naam")
            }
        user._lidmaatschappen = cached
    return cached


def forget_memberships(user):
    user.__dict__.pop("_lidmaatschappen", None)


# Pages a facilitator without a second factor may still reach (to set one up, or leave).
MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/health/", "/uitnodiging/", "/i18n/")


class GemeenteMiddleware:
    """Resolve ``/g/<gemeente_slug>/…``, refuse non-members with 404, run the response in scope.

    Pages outside a gemeente run in a scope over exactly the gemeenten the user belongs to;
    anonymous requests run without a scope, so any tenant query there raises.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            slug = resolve(request.path_info).kwargs.get("gemeente_slug")
        except Resolver404:
            slug = None
        user = request.user

        if not user.is_authenticated:
            if slug is not None:
                return redirect_to_login(request.get_full_path())
            return self.get_response(request)

        lidmaatschappen = memberships_of(user)
        request.lidmaatschappen = list(lidmaatschappen.values())

        if self._must_set_up_mfa(request):
            messages.warning(
                request,
                _("As a facilitator you need two-factor authentication. Please set it up first."),
            )
            return redirect("mfa_activate_totp")

        if slug is None:
            gemeente_ids = [m.gemeente_id for m in lidmaatschappen.values()]
            with scope(gemeente=gemeente_ids):
                return self.get_response(request)

        lidmaatschap = lidmaatschappen.get(slug)
        if lidmaatschap is None:
            raise Http404
        request.gemeente = lidmaatschap.gemeente
        request.lidmaatschap = lidmaatschap
        with scope(gemeente=lidmaatschap.gemeente_id):
            return self.get_response(request)

    @staticmethod
    def _must_set_up_mfa(request):
        from .permissions import is_facilitator_anywhere

        return (
            settings.MFA_REQUIRED_FOR_FACILITATORS
            and not request.path_info.startswith(MFA_EXEMPT_PREFIXES)
            and is_facilitator_anywhere(request.user)
            and not is_mfa_enabled(request.user)
        )
