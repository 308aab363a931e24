"""One object per intent: a repeated POST of the same rendered form does the work once.

Every ``{% csrf_token %}`` also writes a fresh ``intent`` token into its form (the tag is
replaced in ``kern.templatetags.intent``; in cached content the token is written in per request,
like the CSRF token), so every form of the site takes part without a change of its own.
``IntentMiddleware`` claims the token before the view runs (in a short transaction of its own,
so a second request sees it at once):

- a repeat of a POST that succeeded (a redirect) is sent where the first one went;
- a repeat sent while the first still runs waits for it (up to ``WAIT_SECONDS``), then the same;
- a POST that did not succeed (a form error, a live check, an error) frees the token, so the
  same form can be sent again.

A live check that sends its form along leaves the token out (``hx-params="not intent"``): it
must not hold the claim that the form's own save then waits for.

Tokens are random (uuid4), tied to the user who sent them first, and forgotten after a day
(``forget_old``, hourly by Celery beat).
"""

import datetime
import re
import time
import uuid

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone

from .models import Intent

FIELD = "intent"
WAIT_SECONDS = 10.0
KEEP = datetime.timedelta(days=1)
TOKEN = re.compile(r"^[0-9a-f]{32}$")


# Where a form in cached content (kern.fragments) gets its token: written in per request, a new
# one per form, as for the CSRF token.
PLACEHOLDER = "intent-of-the-request"


def new_token() -> str:
    return uuid.uuid4().hex


def fill_in(html: str) -> str:
    """Cached ``html`` with a fresh token for each of its forms."""
    return re.sub(PLACEHOLDER, lambda _match: new_token(), html)


def _claim(token, user_id):
    """True when this request may do the work; otherwise the finished Intent (or None when
    the first request is still running after WAIT_SECONDS)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            with transaction.atomic():
                Intent.objects.create(token=token, user_id=user_id)
            return True
        except IntegrityError:
            earlier = Intent.objects.filter(token=token).first()
        if earlier is None:
            continue  # freed meanwhile: claim it again
        if earlier.user_id != user_id:
            return True  # not this person's token: no shortcut through it
        if earlier.done:
            return earlier
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)


def _succeeded(response):
    """Where a successful POST led: a redirect, or htmx's client-side redirect."""
    if response.status_code in (301, 302, 303):
        return response["Location"]
    return response.headers.get("HX-Redirect") or response.headers.get("HX-Location")


class IntentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not TOKEN.match(token):
            return self.get_response(request)
        user_id = request.user.pk if request.user.is_authenticated else None
        claimed = _claim(token, user_id)
        if claimed is None:
            return HttpResponseRedirect(request.get_full_path())  # still busy: look again
        if claimed is not True:
            return HttpResponseRedirect(claimed.location)
        response = None
        try:
            response = self.get_response(request)
        finally:
            location = _succeeded(response) if response is not None else None
            # Only this person's claim: a token someone else sent first stays theirs.
            mine = Intent.objects.filter(token=token, user_id=user_id)
            if location:
                mine.update(done=True, location=location[:2000])
            else:
                mine.filter(done=False).delete()
        return response


def forget_old() -> int:
    """Delete the intents older than ``KEEP`` (hourly, ``kern.tasks.forget_intents``): not on
    every POST, where one DELETE each would cost every form a query."""
    deleted, _by_model = Intent.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    return deleted
