"""Views of the core: the health checks, the bare baseline view of the benchmarks, and the public
privacy and accessibility statements."""

from django.conf import settings
from django.core.cache import cache
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
    """Report the database, the cache and the broker. Without the database nothing works: 503.
    Without Redis pages are served uncached and tasks run in the web process (kern.cache,
    kern.tasks): "degraded" with 200, so a load balancer keeps sending people here."""
    checks = {"database": _database_state()}
    if settings.REDIS_URL:
        checks["cache"] = _cache_state()
        checks["broker"] = _broker_state()
    else:
        checks["broker"] = "in-process"
    if checks["database"] != "ok":
        status, code = "error", 503
    elif all(v in ("ok", "in-process") for v in checks.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return JsonResponse({"status": status, **checks}, status=code)


def _database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return f"error: {type(error).__name__}"
    return "ok"


def _cache_state():
    cache.get("health")  # a failure marks the cache as down (kern.cache)
    return "error: unreachable" if getattr(cache, "is_down", False) else "ok"


def _broker_state():
    from celery import current_app as app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # noqa: BLE001
        return f"error: {type(error).__name__}"
    return "ok"


def privacy(request):
    """The privacy statement and register of processing (AVG); public, no login."""
    return render(request, "proeftuin/privacy.html")


def toegankelijkheid(request):
    """The accessibility statement; public, no login."""
    return render(request, "proeftuin/toegankelijkheid.html")
