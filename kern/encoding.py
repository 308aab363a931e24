"""Form input that is not valid UTF-8 is refused before any view sees it.

Django decodes a form body with ``errors="replace"``: bytes that are not UTF-8 silently become
U+FFFD and would be stored like that. Browsers always send UTF-8 for our pages, so such a body
comes from a broken client or a copy through another tool; one check here covers every form of
the site (our own and allauth's) instead of a validator on each field.

The answer is a 400 page that says nothing was saved and shows what was received, each text as
far as it could be read, so the person can copy it back: no typed text is lost, while a generic
form error is not possible without each form's own view.

A url-encoded body is checked byte for byte (raw and percent-encoded). A multipart body has
already been streamed by the time a view could ask for its bytes (large uploads are never held
in memory), so its text parts are checked on what Django decoded: U+FFFD there is the trace of
bytes that were not UTF-8.
"""

import codecs
from urllib.parse import parse_qsl

from django.conf import settings
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from .intents import FIELD as INTENT_FIELD

REPLACEMENT = "\ufffd"
# Fields never shown back: tokens mean nothing to a person, and a password stays unseen.
HIDDEN = {"csrfmiddlewaretoken", INTENT_FIELD}


def _is_utf8(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or settings.DEFAULT_CHARSET).name == "utf-8"
    except LookupError:
        return False


def _urlencoded_is_valid(body: bytes) -> bool:
    try:
        parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def invalid_text(request) -> bool:
    """Whether the form body of ``request`` holds bytes that are not UTF-8."""
    if request.method != "POST" or not _is_utf8(request.encoding):
        return False
    if request.content_type == "application/x-www-form-urlencoded":
        return not _urlencoded_is_valid(request.body)
    if request.content_type == "multipart/form-data":
        return any(
            REPLACEMENT in key or any(REPLACEMENT in value for value in values)
            for key, values in request.POST.lists()
        )
    return False


def _fields(request):
    """(name, value) of the form, bytes that are not UTF-8 read as U+FFFD (Django itself reads
    a url-encoded body with raw bytes as Latin-1)."""
    if request.content_type == "application/x-www-form-urlencoded":
        text = request.body.decode("utf-8", errors="replace")
        return parse_qsl(text, keep_blank_values=True, errors="replace")
    return [(key, value) for key, values in request.POST.lists() for value in values]


def _received(request):
    """The texts of the form as far as they could be read, for the person to copy back."""
    return [
        (key, value)
        for key, value in _fields(request)
        if key not in HIDDEN and "password" not in key.lower() and value.strip()
    ]


def _back(request) -> str | None:
    referer = request.headers.get("referer", "")
    if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return None


class StrictUtf8Middleware:
    """Answer a form body that is not UTF-8 with 400 and the received text; runs as a view
    hook, so the CSRF check (an earlier middleware) has already refused a forged request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not invalid_text(request):
            return None
        return render(
            request,
            "kern/invalid_encoding.html",
            {"received": _received(request), "back": _back(request)},
            status=400,
        )
