"""How soon a render whose worker was killed is taken back: with the settings as they are (the
other logboek tests switch the heartbeat thread off)."""

import datetime

from django.conf import settings
from django.utils import timezone

from kern.tenancy import gemeente_scope
from oogst.logboek import services, tasks
from oogst.logboek.models import LogboekVersie, RenderStatus
from proeftuin.celery import app
from tests.oogst.factories import LogboekVersieFactory
from tests.scopes import every_gemeente

from .data import proeftuin_of


def _rendering(gemeente, last_sign_of_life):
    with every_gemeente():
        return LogboekVersieFactory(
            gemeente=gemeente,
            proeftuin=proeftuin_of(gemeente),
            nummer=1,
            status=RenderStatus.BEZIG,
            pogingen=1,
            hartslag_op=timezone.now() - last_sign_of_life,
        )


def _swept(gemeente, versie, monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.render_logboek, "apply_async", lambda args, **kw: queued.append(args))
    services.sweep()
    with gemeente_scope(gemeente):
        return LogboekVersie.objects.get(pk=versie.pk).status, queued


def test_the_wait_for_a_dead_render_is_a_few_heartbeats_and_the_sweeper_runs_often():
    interval = settings.LOGBOEK_HARTSLAG_INTERVAL
    assert 5 <= interval <= 15
    assert 2 * interval <= settings.LOGBOEK_HARTSLAG_SECONDEN <= 4 * interval
    assert app.conf.beat_schedule[tasks.BEAT_SWEEP]["schedule"] == settings.LOGBOEK_VEGEN_SECONDEN
    assert settings.LOGBOEK_VEGEN_SECONDEN <= 60
    # The longest a user sees "being made" after the worker was killed: about a minute.
    assert settings.LOGBOEK_HARTSLAG_SECONDEN + settings.LOGBOEK_VEGEN_SECONDEN <= 90


def test_a_render_silent_for_four_heartbeats_is_taken_back(gemeente_a, monkeypatch):
    versie = _rendering(
        gemeente_a, datetime.timedelta(seconds=4 * settings.LOGBOEK_HARTSLAG_INTERVAL)
    )
    status, queued = _swept(gemeente_a, versie, monkeypatch)
    assert status == RenderStatus.WACHTRIJ and queued == [[gemeente_a.pk, versie.pk]]


def test_a_render_that_missed_one_heartbeat_is_left_alone(gemeente_a, monkeypatch):
    versie = _rendering(
        gemeente_a, datetime.timedelta(seconds=settings.LOGBOEK_HARTSLAG_INTERVAL + 1)
    )
    status, queued = _swept(gemeente_a, versie, monkeypatch)
    assert status == RenderStatus.BEZIG and queued == []
