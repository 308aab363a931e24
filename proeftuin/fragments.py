"""Parts of a page rendered once and shown to many requests (issue 9): the forms in them keep
working because their CSRF token is written in per request.

A part is rendered with a placeholder where ``{% csrf_token %}`` writes the token; ``with_csrf``
puts this request's token in its place. Django accepts any masking of the session's secret, so
one token serves every form of the page. What else a part shows must be the same for everyone
its cache key covers (``proeftuin.data_version`` keys it by the gemeente's data, the language and
the day; the caller adds what depends on the reader, such as a role).
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

CSRF_PLACEHOLDER = "csrf-token-of-the-request"


def render_shared(template_name, context, request) -> SafeString:
    """``template_name`` rendered for ``request`` with the CSRF placeholder for the token."""
    return render_to_string(template_name, {**context, "csrf_token": CSRF_PLACEHOLDER}, request)


def with_csrf(request, html) -> SafeString:
    """A shared part with this request's CSRF token in every form."""
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308 (our own markup)
