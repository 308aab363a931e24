"""Access helpers: outsiders never get past the middleware (404); members whose role may not do
something get 403 here."""

from django.core.exceptions import PermissionDenied


def require_perm(request, perm):
    """403 for a member whose role may not do this (outsiders never get this far: 404)."""
    if not request.user.has_perm(perm, request.gemeente):
        raise PermissionDenied
