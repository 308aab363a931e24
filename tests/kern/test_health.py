"""/health/ reports the database and the broker."""

from django.urls import reverse


def test_health_reports_database_and_broker(client, db, settings):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    data = response.json()
    assert data["database"] == "ok"
    assert data["broker"] == ("ok" if settings.REDIS_URL else "in-process")


def test_health_says_degraded_when_the_broker_is_unreachable(client, db, settings):
    """Pages are still served (uncached, tasks in-process): 200, so the balancer keeps us."""
    from proeftuin.celery import app

    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    before = app.conf.broker_url
    app.conf.broker_url = settings.REDIS_URL
    try:
        response = client.get(reverse("health"))
    finally:
        app.conf.broker_url = before
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["broker"].startswith("error")
