"""Views of the core: the health checks, the bare baseline view of the benchmarks, and the public
privacy and accessibility statements."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def bare(request):
    """A short text and nothing else: the machine's baseline in the benchmarks (bench/pages.py)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def health(request):
    """Report the database and the broker; 503 when either is down."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = f"error: {type(error).__name__}"
    if settings.REDIS_URL:
        from celery import current_app as app

        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            checks["broker"] = "ok"
        except Exception as error:  # noqa: BLE001
            checks["broker"] = f"error: {type(error).__name__}"
    else:
        checks["broker"] = "in-process"
    healthy = all(v in ("ok", "in-process") for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def privacy(request):
    """The privacy statement and register of processing (AVG); public, no login."""
    return render(request, "proeftuin/privacy.html")


def toegankelijkheid(request):
    """The accessibility statement; public, no login."""
    return render(request, "proeftuin/toegankelijkheid.html")
