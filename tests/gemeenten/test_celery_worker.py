"""With Redis, an invitation travels through the broker to a real Celery worker."""

import os
import time

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from gemeenten import services
from kern.permissions import Rol
from kern.tenancy import gemeente_scope

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (Redis broker)"),
]


@pytest.fixture
def worker(transactional_db):
    from celery.contrib.testing.worker import start_worker

    from proeftuin.celery import app

    app.conf.task_always_eager = False
    app.conf.result_backend = settings.REDIS_URL
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield app
    app.conf.result_backend = None


def test_an_invitation_is_sent_by_the_worker_after_commit(worker, gemeente_a, facilitator):
    with gemeente_scope(gemeente_a), transaction.atomic():
        uitnodiging = services.uitnodiging_create(
            gemeente=gemeente_a,
            email="via-worker@example.org",
            role=Rol.PROFESSIONAL,
            by=facilitator,
        )
        assert mail.outbox == []  # nothing is queued before the transaction commits

    # The worker sends the mail, then records when: wait for both (the task is not done when
    # the mail is out).
    for _ in range(100):
        with gemeente_scope(gemeente_a):
            uitnodiging.refresh_from_db()
        if mail.outbox and uitnodiging.sent_at is not None:
            break
        time.sleep(0.1)
    assert [m.to for m in mail.outbox] == [["via-worker@example.org"]]
    assert uitnodiging.sent_at is not None
