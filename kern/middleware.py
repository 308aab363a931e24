"""The middleware that scopes every request: the gemeente of ``/g/<slug>/…`` for its members
(404 for anyone else), the user's own gemeenten elsewhere, every gemeente for a view marked
``across_gemeenten`` and a user with its permission, and the second factor of a facilitator or
the programme team."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from .permissions import is_facilitator_anywhere, is_programmateam
from .rls import database_scope
from .tenancy import all_gemeente_ids, gemeente_scope, memberships_of

# Pages a facilitator without a second factor may still reach (to set one up, or leave).
MFA_EXEMPT_PREFIXES = (
    "/accounts/",
    "/static/",
    "/health/",
    "/uitnodiging/",
    "/i18n/",
    "/privacy/",
    "/toegankelijkheid/",
)


def across_gemeenten(permission):
    """Mark a view outside /g/ that reads across every gemeente (the programme team's pages):
    the middleware runs it in the scope of all gemeenten for a user with ``permission``, and in
    the user's own scope for anyone else (whom the view itself refuses)."""

    def mark(view):
        view.across_gemeenten = permission
        return view

    return mark


class GemeenteMiddleware:
    """Resolve ``/g/<gemeente_slug>/…``, refuse non-members with 404, run the response in scope.

    Pages outside a gemeente run in a scope over exactly the gemeenten the user belongs to;
    anonymous requests run without a scope, so any tenant query there raises (and on
    PostgreSQL sees no rows). The row-level security setting is restored on the way out,
    exceptions included, so a reused connection never carries it into the next request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        slug = match.kwargs.get("gemeente_slug") if match else None
        user = request.user

        if not user.is_authenticated:
            if slug is not None:
                return redirect_to_login(request.get_full_path())
            with database_scope():
                return self.get_response(request)

        lidmaatschappen = memberships_of(user)
        request.lidmaatschappen = list(lidmaatschappen.values())

        if self._must_set_up_mfa(request):
            messages.warning(
                request,
                _("In your role you need two-factor authentication. Please set it up first."),
            )
            return redirect("mfa_activate_totp")

        if slug is None:
            gemeente_ids = [m.gemeente_id for m in lidmaatschappen.values()]
            wide = getattr(match.func, "across_gemeenten", None) if match else None
            if wide is not None and user.has_perm(wide):
                gemeente_ids = all_gemeente_ids()
            with gemeente_scope(gemeente_ids):
                return self.get_response(request)

        lidmaatschap = lidmaatschappen.get(slug)
        if lidmaatschap is None:
            raise Http404
        request.gemeente = lidmaatschap.gemeente
        request.lidmaatschap = lidmaatschap
        with gemeente_scope(lidmaatschap.gemeente_id):
            return self.get_response(request)

    @staticmethod
    def _must_set_up_mfa(request):
        return (
            settings.MFA_REQUIRED_FOR_FACILITATORS
            and not request.path_info.startswith(MFA_EXEMPT_PREFIXES)
            and (is_facilitator_anywhere(request.user) or is_programmateam(request.user))
            and not is_mfa_enabled(request.user)
        )
