"""The one cache rule (issues 9 and 20): a page's content is rendered once and shown to everyone
who reads the same thing, and what differs per person is a small live fragment inside it.

``render_page(request, template_name, context, parts=…, variant=…)`` renders the ``#inhoud``
partial of ``template_name`` and keeps it under a key this module builds, never a view:

- the stamps of the gemeente's data ``parts`` the page reads (``kern.data_version``: a write
  renews only the part it changed, so an RSVP leaves the board cached);
- the page and its parameters (the URL's view name and arguments, the query string);
- the reader's role, and ``variant``: a few named flags the view decided (the reader may change
  this action, the meeting has begun) — never who the reader is;
- the language and the day (``data_version.key``).

What differs per person is written in the template as ``{% live "name" arg … %}``: in the cached
content it is a placeholder, filled for each request by the renderer registered under that name
(``@live("name")`` in an app's ``live.py``), which gets every placeholder of its name on the
page at once, so it costs one or two queries however many there are. Rendered outside the cache
(an htmx answer, a form with errors) the tag calls the renderer directly. The CSRF and intent
tokens of the forms in the content are written in per request in the same way (Django accepts
any masking of the session's secret, so one token serves every form of the page).

The content can hold casus titles and other texts from the casussen, so it is kept in the
``fragmenten`` cache: each web worker's own memory, never Redis (see settings.CACHES).
"""

import re
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import SafeString, mark_safe

from . import data_version, intents

CSRF_PLACEHOLDER = "csrf-token-of-the-request"
# Set in the context of content rendered for the cache: ``{% live %}`` then writes placeholders.
FOR_CACHE = "_rendered_for_cache"
# A query string longer than this is rendered for the request alone: a search typed in full is
# read by one person, and it should not push the pages everyone reads out of the cache.
LONGEST_CACHED_QUERY = 200

_ARG = re.compile(r"^[\w-]*$")
_PLACEHOLDER = re.compile(r"<!--live:([\w.]+)((?::[\w-]*)*)-->")
_renderers: dict[str, Callable] = {}


def live(name):
    """Register ``render(request, args_list) -> {args: html}`` as the live fragment ``name``:
    ``args_list`` holds the arguments (tuples of strings) of each placeholder on the page."""

    def register(render_many):
        _renderers[name] = render_many
        return render_many

    return register


def discover():
    """Load every app's ``live.py`` (from kern's ``ready()``)."""
    autodiscover_modules("live")


def placeholder(name: str, args) -> str:
    args = tuple(str(arg) for arg in args)
    if name not in _renderers:
        raise LookupError(f"no live fragment {name!r} is registered")
    if not all(_ARG.match(arg) for arg in args):
        raise ValueError(f"live fragment arguments are ids and codes, not {args!r}")
    return f"<!--live:{name}{''.join(':' + arg for arg in args)}-->"


def render_live(request, name: str, args) -> SafeString:
    """One live fragment for this request (outside the cache)."""
    args = tuple(str(arg) for arg in args)
    return mark_safe(_renderers[name](request, [args]).get(args, ""))  # noqa: S308 (our markup)


def fill_live(request, html: str) -> str:
    """The placeholders of ``html`` replaced by this request's fragments, one renderer call per
    name."""
    wanted: dict[str, list[tuple[str, ...]]] = {}
    for match in _PLACEHOLDER.finditer(html):
        args = tuple(match.group(2).split(":")[1:])
        wanted.setdefault(match.group(1), []).append(args)
    if not wanted:
        return html
    rendered = {
        name: _renderers[name](request, list(dict.fromkeys(args_list)))
        for name, args_list in wanted.items()
    }
    return _PLACEHOLDER.sub(
        lambda m: rendered[m.group(1)].get(tuple(m.group(2).split(":")[1:]), ""), html
    )


def page_key(request, variant=None) -> str | None:
    """What the content of this request's page depends on besides the data and the language,
    or None when it is not to be cached (a long query string)."""
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    if len(query) > LONGEST_CACHED_QUERY:
        return None
    match = request.resolver_match
    arguments = ",".join(f"{k}={v}" for k, v in sorted(match.kwargs.items()))
    flags = ",".join(f"{k}={_flag(v)}" for k, v in sorted((variant or {}).items()))
    return f"pagina:{match.view_name}:{arguments}:{query}:{request.lidmaatschap.role}:{flags}"


def _flag(value) -> str:
    if isinstance(value, bool):
        return str(int(value))
    value = str(value)
    if not _ARG.match(value) or len(value) > 40:
        raise ValueError("a variant holds flags and codes, not who the reader is")
    return value


def _count(outcome):
    """Hits and misses, counted only when the benchmark asks (``PAGE_CACHE_STATS``)."""
    if settings.PAGE_CACHE_STATS:
        store = caches["default"]
        key = f"paginacache:{outcome}"
        try:
            store.incr(key)
        except ValueError:
            store.add(key, 1, timeout=None)


def content(request, gemeente_id, template_name, context, *, parts=None, variant=None):
    """The rendered content, from this worker's cache while the gemeente's ``parts`` have no new
    data, with this request's live fragments and tokens. ``context`` is a callable: it runs only
    when the content is rendered."""
    key = page_key(request, variant)
    if key is None:
        html = render_to_string(template_name, context(), request)
        return mark_safe(html)  # noqa: S308 (our own markup)
    rendered = []

    def render_for_cache():
        rendered.append(True)
        return render_to_string(
            template_name,
            {**context(), "csrf_token": CSRF_PLACEHOLDER, FOR_CACHE: True},
            request,
        )

    html = data_version.cached(
        gemeente_id, key, render_for_cache, store=caches["fragmenten"], parts=parts
    )
    _count("miss" if rendered else "hit")
    html = fill_live(request, html)
    html = intents.fill_in(html.replace(CSRF_PLACEHOLDER, get_token(request)))
    return mark_safe(html)  # noqa: S308 (our own markup)


def render_page(
    request, template_name, context, *, parts=None, variant=None, around=None, status=200
):
    """``template_name`` with its ``#inhoud`` partial from ``content()``; ``around`` is what the
    page outside the partial reads (the object its title names)."""
    inhoud = content(
        request,
        request.gemeente.pk,
        f"{template_name}#inhoud",
        context,
        parts=parts,
        variant=variant,
    )
    return render(request, template_name, {**(around or {}), "inhoud": inhoud}, status=status)
