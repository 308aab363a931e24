"""Page content rendered once and shown to many requests (issue 9): the forms in it keep working
because their CSRF and intent tokens (``kern.intents``) are written in per request.

``content(request, gemeente_id, name, template_name, context)`` renders ``template_name`` (a
partial of the page: ``page.html#inhoud``) with a placeholder where ``{% csrf_token %}`` writes
the token, keeps it under the gemeente's data stamp (``kern.data_version``: renewed by every
change of the gemeente's data; the key also holds the language and the day), and puts this
request's token in the placeholder's place. Django accepts any masking of the session's secret,
so one token serves every form of the page. ``name`` must hold whatever else the content depends
on, such as the reader's rights. ``render_page()`` is the whole page around it.

The content can hold casus titles and other texts from the casussen, so it is kept in the
``fragmenten`` cache: each web worker's own memory, never Redis (see settings.CACHES).
"""

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import data_version, intents
from .permissions import Rol

CSRF_PLACEHOLDER = "csrf-token-of-the-request"


def reader(request) -> str:
    """What rendered content depends on of its reader: a facilitator may do everything, anyone
    else what their role and their own membership (the rows they own or wrote) allow."""
    lid = request.lidmaatschap
    return "facilitator" if lid.role == Rol.FACILITATOR else f"{lid.role}:{lid.pk}"


def content(request, gemeente_id, name, template_name, context) -> SafeString:
    """The rendered content, from this worker's cache while the gemeente has no new data.

    ``context`` is a callable: it runs only when the content is rendered."""
    html = data_version.cached(
        gemeente_id,
        name,
        lambda: render_to_string(
            template_name, {**context(), "csrf_token": CSRF_PLACEHOLDER}, request
        ),
        store=caches["fragmenten"],
    )
    html = intents.fill_in(html.replace(CSRF_PLACEHOLDER, get_token(request)))
    return mark_safe(html)  # noqa: S308 (our own markup)


def render_page(request, name, template_name, context, *, live=None, around=None):
    """``template_name`` with its ``#inhoud`` partial from ``content()`` under ``name``.

    ``live`` renders it for this request instead (default: when the request has a query string,
    such as filters or another page); ``around`` is what the page outside the partial reads
    (the object its title names)."""
    around = around or {}
    if bool(request.GET) if live is None else live:
        return render(request, template_name, {**around, **context()})
    inhoud = content(request, request.gemeente.pk, name, f"{template_name}#inhoud", context)
    return render(request, template_name, {**around, "inhoud": inhoud})
