"""The app's URLs plus a probe under /g/<slug>/ that reads every tenant table with raw SQL while
its template renders, for the row-level security tests."""

import json

from django.db import connection
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from kern.policies import tenant_models
from kern.rls import current_settings
from proeftuin.urls import urlpatterns as app_urlpatterns


def gemeenten_seen():
    """Per tenant table, the gemeente ids raw SQL can see on this connection."""
    seen = {}
    with connection.cursor() as cursor:
        for model in tenant_models():
            cursor.execute(f'SELECT DISTINCT gemeente_id FROM "{model._meta.db_table}"')  # noqa: S608
            seen[model._meta.db_table] = sorted(row[0] for row in cursor.fetchall())
    return seen


def report():
    gemeenten, user_id = current_settings()
    return json.dumps({"setting": gemeenten, "user_id": user_id, "seen": gemeenten_seen()})


def probe(request, gemeente_slug):
    if "fail" in request.GET:
        raise RuntimeError("the probe fails on purpose")
    # Lazy: the template renders after the view has returned, still inside the middleware.
    template = engines["django"].from_string("{% autoescape off %}{{ report }}{% endautoescape %}")
    return TemplateResponse(request, template, {"report": report})


urlpatterns = [
    path("g/<slug:gemeente_slug>/rls-probe/", probe, name="rls_probe"),
    *app_urlpatterns,
]
