"""The key pages of the benchmark, resolved against a generated database, with the number of
queries each makes (run by bench/pages.py as a subprocess with the benchmark's environment):
`queries` on an empty cache (what a change of the gemeente's data costs the next reader), then
`cached` on the request after it (what wrk mostly measures).

Prints one JSON object: {"pages": [{"name", "path", "queries", "cached"}], "skipped": [name,
reason]}.
A page whose app has not landed yet is skipped with the reason, so the benchmark grows with the
product.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from kern.models import User  # noqa: E402
from kern.tenancy import gemeente_scope  # noqa: E402

GEMEENTE = "gen-0001"
FACILITATOR = "facilitator1@gen.bench"


def first(model_label, **filters):
    """The pk of the first row of a model in the benchmark's gemeente, or None."""
    from gemeenten.models import Gemeente

    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    gemeente = Gemeente.objects.get(slug=GEMEENTE)
    with gemeente_scope(gemeente):
        return model.objects.filter(**filters).order_by("pk").values_list("pk", flat=True).first()


def in_gemeente(name, **kwargs):
    return reverse(name, kwargs={"gemeente_slug": GEMEENTE, **kwargs})


def with_pk(name, model_label, **filters):
    def path():
        pk = first(model_label, **filters)
        if pk is None:
            raise LookupError(f"no {model_label} in {GEMEENTE}")
        return in_gemeente(name, pk=pk)

    return path


# (name, function returning the path). Later apps' pages are tried and skipped until they land.
PAGES = [
    ("bare view (baseline)", lambda: reverse("bare")),
    # The same view for a logged-in facilitator: session, user, memberships and the row-level
    # security settings, no page. What every page of the app costs at least.
    ("bare view, logged in", lambda: reverse("bare") + "?sessie=1"),
    ("gemeente dashboard", lambda: in_gemeente("gemeenten:detail")),
    ("facilitator cockpit", lambda: reverse("overzicht")),
    ("casus list", lambda: in_gemeente("casussen:list")),
    ("casus detail", with_pk("casussen:detail", "casussen.Casus")),
    ("bijeenkomst detail", with_pk("bijeenkomsten:detail", "bijeenkomsten.Bijeenkomst")),
    ("verbeteracties board", lambda: in_gemeente("verbeteracties:board")),
    ("verbeteractie detail", with_pk("verbeteracties:detail", "verbeteracties.Verbeteractie")),
    ("oogst overview", lambda: in_gemeente("oogst:overzicht")),
]


def main():
    anonymous = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    client = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(User.objects.get(email=FACILITATOR))
    pages, skipped = [], []
    for name, path_of in PAGES:
        try:
            path = path_of()
        except Exception as error:  # noqa: BLE001 - any missing piece means: not built yet
            skipped.append([name, f"{type(error).__name__}: {error}"])
            continue
        browser = anonymous if path == reverse("bare") else client
        for alias in settings.CACHES:  # the benchmark's own Redis database and this process's
            caches[alias].clear()
        counts = []
        for _load in ("empty cache", "cached"):
            with CaptureQueriesContext(connection) as queries:
                response = browser.get(path, secure=True)
            counts.append(len(queries))
        if response.status_code != 200:
            skipped.append([name, f"{path} answered {response.status_code}"])
            continue
        pages.append({"name": name, "path": path, "queries": counts[0], "cached": counts[1]})
    print(json.dumps({"pages": pages, "skipped": skipped}))


if __name__ == "__main__":
    main()
