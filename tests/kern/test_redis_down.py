"""With Redis stopped, a logged-in member still reads pages and saves forms: the cache reads as
empty (kern.cache), the session comes from the database, a task runs in the web process when
the broker cannot take it (kern.tasks), /health/ says "degraded". A real Redis of the test's
own is stopped during the requests; the project's Redis is not touched."""

import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.core import mail
from django.urls import reverse

from gemeenten.models import Organisatie, Uitnodiging
from kern import cache as kern_cache
from kern import data_version
from tests.scopes import every_gemeente

pytestmark = [
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
    pytest.mark.django_db(transaction=True),  # invitations go out when the transaction commits
    pytest.mark.slow,  # waits out socket timeouts
]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnRedis:
    def __init__(self):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(5)


@pytest.fixture
def redis(settings, monkeypatch):
    from proeftuin.celery import app

    own = OwnRedis()
    own.start()
    monkeypatch.setattr(kern_cache, "RETRY_SECONDS", 0.2)
    settings.REDIS_URL = own.url
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "kern.cache.ResilientRedisCache",
            "LOCATION": own.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        },
    }
    # The broker is ours too: the app's connection pools are made anew from its URL.
    broker, eager = app.conf.broker_url, app.conf.task_always_eager
    pools = app._pool, app.amqp._producer_pool
    app.conf.broker_url, app.conf.task_always_eager = own.url, False
    app._pool = app.amqp._producer_pool = None
    yield own
    if app._pool is not None:
        app._pool.force_close_all()
    app.conf.broker_url, app.conf.task_always_eager = broker, eager
    app._pool, app.amqp._producer_pool = pools
    if own.process.poll() is None:
        own.process.send_signal(signal.SIGCONT)
        own.stop()


def test_pages_forms_and_mail_keep_working_with_redis_stopped(
    redis, client, facilitator, gemeente_a, caplog
):
    client.force_login(facilitator)
    detail = reverse("gemeenten:detail", kwargs={"gemeente_slug": gemeente_a.slug})
    assert client.get(detail).status_code == 200

    redis.stop()
    page = client.get(detail)
    assert page.status_code == 200  # still logged in: the session is in the database too
    assert page.context["user"] == facilitator
    response = client.post(
        reverse("gemeenten:leden", kwargs={"gemeente_slug": gemeente_a.slug}),
        {"email": "nieuw@example.org", "role": "professional"},
    )
    assert response.status_code == 302
    with every_gemeente():
        assert Uitnodiging.objects.filter(email="nieuw@example.org").count() == 1
    # The broker could not take the mail: it went out from this process.
    assert [m.to for m in mail.outbox] == [["nieuw@example.org"]]
    assert "runs in this process" in caplog.text
    assert "Redis cannot be reached" in caplog.text

    health = client.get(reverse("health"))
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"


def test_a_write_while_redis_hangs_renews_the_data_stamp_once_it_is_back(
    redis, client, facilitator, gemeente_a
):
    """Redis paused (SIGSTOP), its data kept: the stamp written meanwhile is stored when it is
    back, so a page cached at the old stamp is not served again."""
    client.force_login(facilitator)
    before = data_version.of([gemeente_a.pk])[gemeente_a.pk]

    redis.process.send_signal(signal.SIGSTOP)
    try:
        response = client.post(
            reverse("gemeenten:partner_new", kwargs={"gemeente_slug": gemeente_a.slug}),
            {"naam": "Thuiszorg Oost", "soort": "wijkverpleging", "domein": "zorg"},
        )
        assert response.status_code == 302
    finally:
        redis.process.send_signal(signal.SIGCONT)
    with every_gemeente():
        assert Organisatie.objects.filter(naam="Thuiszorg Oost").exists()

    time.sleep(0.3)  # past the retry pause
    assert data_version.of([gemeente_a.pk])[gemeente_a.pk] != before
