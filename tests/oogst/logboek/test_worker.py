"""With Redis, the Logboek Oogst is rendered by a real Celery worker: after commit, once, also
when a worker died mid-render, a message was delivered twice, or the broker was down when the
facilitator asked."""

import datetime
import os
import time

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from kern.tenancy import gemeente_scope
from oogst.logboek import services, tasks
from oogst.logboek.models import LogboekVersie, RenderStatus
from tests.oogst.factories import LogboekVersieFactory
from tests.scopes import every_gemeente

from .data import proeftuin_of, vul

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (Redis broker)"),
]


@pytest.fixture
def worker(transactional_db, settings, tmp_path):
    from celery.contrib.testing.worker import start_worker

    from proeftuin.celery import app

    settings.MEDIA_ROOT = tmp_path
    settings.LOGBOEK_HARTSLAG_INTERVAL = 1  # the heartbeat thread runs, every second
    app.conf.task_always_eager = False
    app.conf.result_backend = settings.REDIS_URL
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        yield app
    app.conf.result_backend = None


@pytest.fixture
def fake_pdf(monkeypatch):
    """WeasyPrint's part is covered by the first test; the others are about the job."""

    class Doc:
        pages = [1, 2]

    monkeypatch.setattr("oogst.logboek.pdf.layout", lambda html: Doc())
    monkeypatch.setattr("oogst.logboek.pdf.write", lambda document: b"%PDF-1.7 worker")


def _get(gemeente, pk):
    with gemeente_scope(gemeente):
        return LogboekVersie.objects.get(pk=pk)


def wait_for(gemeente, pk, status, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        versie = _get(gemeente, pk)
        if versie.status == status:
            return versie
        time.sleep(0.2)
    raise AssertionError(f"job {pk} stayed {versie.status} ({versie.stap})")


def _files(tmp_path):
    """The rendered files: one per finished render, with the copy without the concept mark
    (``…-definitief.pdf``) that the same render wrote beside it."""
    folder = tmp_path / "logboek"
    files = sorted(folder.iterdir()) if folder.exists() else []
    concepts = [f for f in files if not f.name.endswith("-definitief.pdf")]
    assert len(files) == 2 * len(concepts), files
    return concepts


def _versie(gemeente, **kwargs):
    with every_gemeente():
        return LogboekVersieFactory(gemeente=gemeente, proeftuin=proeftuin_of(gemeente), **kwargs)


def test_the_worker_renders_the_logboek_after_commit_into_one_version(
    worker, gemeente_a, facilitator, settings
):
    vul(gemeente_a)
    proeftuin = proeftuin_of(gemeente_a)
    with gemeente_scope(gemeente_a), transaction.atomic():
        versie, created = services.request_logboek(proeftuin=proeftuin, by=facilitator)
        time.sleep(1)
        # Not handed to the broker before the commit.
        assert LogboekVersie.objects.get(pk=versie.pk).in_wachtrij_op is None
    versie = wait_for(gemeente_a, versie.pk, RenderStatus.KLAAR)
    assert versie.pogingen == 1 and versie.paginas >= 10 and versie.voortgang == 100
    assert versie.bestand.read(5) == b"%PDF-"
    assert len(_files(settings.MEDIA_ROOT)) == 1
    with gemeente_scope(gemeente_a):
        assert LogboekVersie.objects.count() == 1


def test_a_job_whose_worker_died_is_requeued_by_the_sweeper_and_finishes_once(
    worker, gemeente_a, fake_pdf, settings
):
    stale = timezone.now() - datetime.timedelta(minutes=10)
    versie = _versie(
        gemeente_a,
        nummer=1,
        status=RenderStatus.BEZIG,
        pogingen=1,
        hartslag_op=stale,
        voortgang=35,
        in_wachtrij_op=stale,
    )
    # The message of the dead worker comes back too (reject on worker lost): it finds the job
    # taken by nobody alive, so it may claim it; the sweeper's message then finds it done.
    tasks.render_logboek.apply_async(args=[gemeente_a.pk, versie.pk])
    services.sweep()
    versie = wait_for(gemeente_a, versie.pk, RenderStatus.KLAAR)
    time.sleep(2)  # let any second message run
    versie = _get(gemeente_a, versie.pk)
    assert versie.status == RenderStatus.KLAAR and versie.pogingen == 2
    assert len(_files(settings.MEDIA_ROOT)) == 1


def test_a_duplicate_delivery_of_the_same_job_finishes_once(worker, gemeente_a, fake_pdf, settings):
    versie = _versie(gemeente_a, nummer=1, status=RenderStatus.WACHTRIJ)
    # Read from the database, not from task results: the result backend of the app object may
    # have been settled as disabled by an earlier test in this process.
    tasks.render_logboek.apply_async(args=[gemeente_a.pk, versie.pk])
    tasks.render_logboek.apply_async(args=[gemeente_a.pk, versie.pk])
    wait_for(gemeente_a, versie.pk, RenderStatus.KLAAR)
    time.sleep(2)  # let the second message run: it finds the job done and does nothing
    versie = _get(gemeente_a, versie.pk)
    assert versie.status == RenderStatus.KLAAR and versie.pogingen == 1
    assert len(_files(settings.MEDIA_ROOT)) == 1


def test_a_job_that_keeps_dying_fails_at_the_attempt_limit(worker, gemeente_a, settings):
    stale = timezone.now() - datetime.timedelta(minutes=10)
    versie = _versie(
        gemeente_a,
        nummer=1,
        status=RenderStatus.BEZIG,
        pogingen=settings.LOGBOEK_MAX_POGINGEN,
        hartslag_op=stale,
    )
    services.sweep()
    # A late message for it does nothing either.
    tasks.render_logboek.apply_async(args=[gemeente_a.pk, versie.pk])
    time.sleep(3)
    versie = _get(gemeente_a, versie.pk)
    assert versie.status == RenderStatus.MISLUKT and versie.fout
    assert _files(settings.MEDIA_ROOT) == []


def test_with_the_broker_down_the_request_is_kept_and_made_when_it_is_back(
    worker, client, gemeente_a, facilitator, fake_pdf, monkeypatch
):
    def down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    original = tasks.render_logboek.apply_async
    monkeypatch.setattr(tasks.render_logboek, "apply_async", down)
    client.force_login(facilitator)
    page = reverse("oogst:logboek", kwargs={"gemeente_slug": gemeente_a.slug})
    response = client.post(page, follow=True)
    assert response.status_code == 200
    with gemeente_scope(gemeente_a):
        versie = LogboekVersie.objects.get()
    assert versie.status == RenderStatus.WACHTRIJ and versie.in_wachtrij_op is None
    body = response.content.decode()
    assert "achtergrondverwerking" in body or "background processing can be reached" in body
    time.sleep(2)
    assert _get(gemeente_a, versie.pk).status == RenderStatus.WACHTRIJ

    monkeypatch.setattr(tasks.render_logboek, "apply_async", original)
    services.sweep()
    versie = wait_for(gemeente_a, versie.pk, RenderStatus.KLAAR)
    assert versie.in_wachtrij_op is not None and versie.pogingen == 1
