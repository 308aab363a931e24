"""Making, keeping, publishing and downloading the Logboek Oogst (tasks in-process here; the
real worker and broker are in test_worker.py)."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from kombu.exceptions import OperationalError

from kern.tenancy import gemeente_scope
from oogst.logboek import services, tasks
from oogst.logboek.models import LogboekVersie, RenderStatus
from tests.oogst.factories import LogboekVersieFactory
from tests.scopes import every_gemeente

from .data import CASUS_GEHEIM, proeftuin_of, vul


@pytest.fixture(autouse=True)
def _logboek_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.LOGBOEK_HARTSLAG_INTERVAL = 0  # no heartbeat thread inside the test transaction


def url(gemeente, name, **kwargs):
    return reverse(f"oogst:{name}", kwargs={"gemeente_slug": gemeente.slug, **kwargs})


def _versie(gemeente, **kwargs):
    proeftuin = proeftuin_of(gemeente)
    with every_gemeente():
        return LogboekVersieFactory(gemeente=gemeente, proeftuin=proeftuin, **kwargs)


def _fake_pdf(monkeypatch):
    """Skip WeasyPrint where a test is about the job, not the document."""

    class Doc:
        pages = [1, 2, 3]

    monkeypatch.setattr("oogst.logboek.pdf.layout", lambda html: Doc())
    monkeypatch.setattr("oogst.logboek.pdf.write", lambda document: b"%PDF-1.7 test")


@pytest.fixture
def queued(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks.render_logboek, "apply_async", lambda args, **kw: calls.append(args))
    return calls


# --- making a concept ------------------------------------------------------------------


def test_the_facilitator_makes_a_concept_that_is_rendered_and_kept(
    client, facilitator, gemeente_a, django_capture_on_commit_callbacks
):
    vul(gemeente_a)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(gemeente_a, "logboek"))
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        versie = LogboekVersie.objects.get()
    assert versie.status == RenderStatus.KLAAR and versie.nummer == 1
    assert versie.paginas >= 10 and versie.grootte > 10_000 and versie.pogingen == 1
    assert versie.bestand.read(5) == b"%PDF-"
    assert versie.aangevraagd_door == facilitator and not versie.automatisch
    page = client.get(url(gemeente_a, "logboek"))
    assert page.status_code == 200
    assert reverse("oogst:logboek_pdf", args=[gemeente_a.slug, versie.pk]) in page.content.decode()


def test_two_clicks_on_make_a_concept_give_one_job(facilitator, gemeente_a, queued):
    proeftuin = proeftuin_of(gemeente_a)
    with gemeente_scope(gemeente_a), transaction.atomic():
        first, created = services.request_logboek(proeftuin=proeftuin, by=facilitator)
        second, created_again = services.request_logboek(proeftuin=proeftuin, by=facilitator)
    assert created and not created_again and first == second
    with gemeente_scope(gemeente_a):
        assert LogboekVersie.objects.count() == 1


def test_a_concurrent_request_that_loses_the_race_gets_the_open_job(
    facilitator, gemeente_a, queued, monkeypatch
):
    """The partial unique constraint refuses a second open job even when the first check did
    not see the other request's job yet."""
    proeftuin = proeftuin_of(gemeente_a)
    other = _versie(gemeente_a, nummer=7, status=RenderStatus.WACHTRIJ)
    real_filter = LogboekVersie.objects.filter
    calls = {"n": 0}

    def blind_first_look(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            return real_filter(pk=-1)  # as if the other request had not committed yet
        return real_filter(*args, **kwargs)

    with gemeente_scope(gemeente_a):
        monkeypatch.setattr(LogboekVersie.objects, "filter", blind_first_look)
        versie, created = services.request_logboek(proeftuin=proeftuin, by=facilitator)
    assert versie == other and not created


def test_nothing_is_queued_when_the_transaction_rolls_back(
    facilitator, gemeente_a, queued, django_capture_on_commit_callbacks
):
    proeftuin = proeftuin_of(gemeente_a)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        gemeente_scope(gemeente_a),
        transaction.atomic(),
    ):
        services.request_logboek(proeftuin=proeftuin, by=facilitator)
        raise RuntimeError("rolled back")
    assert callbacks == [] and queued == []
    with gemeente_scope(gemeente_a):
        assert not LogboekVersie.objects.exists()


def test_the_job_is_queued_only_after_commit(
    facilitator, gemeente_a, queued, django_capture_on_commit_callbacks
):
    proeftuin = proeftuin_of(gemeente_a)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with gemeente_scope(gemeente_a):
            versie, _ = services.request_logboek(proeftuin=proeftuin, by=facilitator)
        assert queued == []
    for callback in callbacks:
        callback()
    assert queued == [[gemeente_a.pk, versie.pk]]
    with gemeente_scope(gemeente_a):
        versie.refresh_from_db()
    assert versie.in_wachtrij_op is not None


def test_with_the_broker_down_the_request_is_kept_and_the_page_says_so(
    client, facilitator, gemeente_a, monkeypatch, django_capture_on_commit_callbacks
):
    def down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(tasks.render_logboek, "apply_async", down)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(gemeente_a, "logboek"), follow=True)
    assert response.status_code == 200
    with gemeente_scope(gemeente_a):
        versie = LogboekVersie.objects.get()
    assert versie.status == RenderStatus.WACHTRIJ and versie.in_wachtrij_op is None
    assert "background processing can be reached again" in response.content.decode() or (
        "achtergrondverwerking" in response.content.decode()
    )

    # The broker is back: the sweeper hands the job over and it is rendered.
    monkeypatch.undo()
    _fake_pdf(monkeypatch)
    services.sweep()
    with gemeente_scope(gemeente_a):
        versie.refresh_from_db()
    assert versie.status == RenderStatus.KLAAR and versie.in_wachtrij_op is not None


# --- claimed once ----------------------------------------------------------------------


def test_a_duplicate_delivery_does_nothing(gemeente_a, monkeypatch):
    _fake_pdf(monkeypatch)
    versie = _versie(gemeente_a, nummer=1, status=RenderStatus.WACHTRIJ)
    with gemeente_scope(gemeente_a):
        assert services.render(LogboekVersie, versie.pk, gemeente_a.pk) is True
        assert services.render(LogboekVersie, versie.pk, gemeente_a.pk) is False
        versie.refresh_from_db()
    assert versie.status == RenderStatus.KLAAR and versie.pogingen == 1


def test_a_render_whose_claim_was_taken_over_does_not_finish_the_job(gemeente_a, monkeypatch):
    """A worker that was given up for dead and comes back must not finish over the new one."""
    versie = _versie(gemeente_a, nummer=1, status=RenderStatus.WACHTRIJ)

    class Doc:
        pages = [1]

    def slow_layout(html):
        # Meanwhile the sweeper gave this attempt up and another worker claimed it.
        with gemeente_scope(gemeente_a):
            LogboekVersie.objects.filter(pk=versie.pk).update(pogingen=2)
        return Doc()

    monkeypatch.setattr("oogst.logboek.pdf.layout", slow_layout)
    monkeypatch.setattr("oogst.logboek.pdf.write", lambda document: b"%PDF-")
    with gemeente_scope(gemeente_a):
        assert services.render(LogboekVersie, versie.pk, gemeente_a.pk) is False
        versie.refresh_from_db()
    assert versie.status == RenderStatus.BEZIG and not versie.bestand


def test_the_sweeper_requeues_a_job_whose_worker_died(gemeente_a, monkeypatch):
    _fake_pdf(monkeypatch)
    stale = timezone.now() - datetime.timedelta(minutes=30)
    versie = _versie(gemeente_a, nummer=1, status=RenderStatus.BEZIG, pogingen=1, hartslag_op=stale)
    services.sweep()
    with gemeente_scope(gemeente_a):
        versie.refresh_from_db()
    assert versie.status == RenderStatus.KLAAR and versie.pogingen == 2


def test_a_killed_render_is_taken_back_and_the_page_says_it_is_tried_again(
    client, facilitator, gemeente_a, queued
):
    from django.conf import settings

    # The worker died: no sign of life for longer than the sweeper waits.
    stale = datetime.timedelta(seconds=settings.LOGBOEK_HARTSLAG_SECONDEN + 1)
    versie = _versie(
        gemeente_a,
        nummer=1,
        status=RenderStatus.BEZIG,
        pogingen=1,
        voortgang=35,
        in_wachtrij_op=timezone.now(),
        hartslag_op=timezone.now() - stale,
    )
    services.sweep()
    with gemeente_scope(gemeente_a):
        versie.refresh_from_db()
    assert versie.status == RenderStatus.WACHTRIJ and versie.in_wachtrij_op is not None
    assert queued == [[gemeente_a.pk, versie.pk]]

    client.force_login(facilitator)
    retry = "Making the logboek was interrupted; we are trying again."
    fragment = client.get(url(gemeente_a, "logboek_versie", pk=versie.pk), HTTP_HX_REQUEST="true")
    page = client.get(url(gemeente_a, "logboek"))
    for response in (fragment, page):
        assert response.status_code == 200
        text = response.content.decode()
        assert gettext(retry) in text
        assert 'value="0"' in text  # the progress of the dead attempt is not shown

    # The next attempt is still a retry while it renders; a first attempt is not.
    with gemeente_scope(gemeente_a):
        LogboekVersie.objects.filter(pk=versie.pk).update(
            status=RenderStatus.BEZIG, pogingen=2, hartslag_op=timezone.now()
        )
    fragment = client.get(url(gemeente_a, "logboek_versie", pk=versie.pk), HTTP_HX_REQUEST="true")
    assert gettext(retry) in fragment.content.decode()
    with gemeente_scope(gemeente_a):
        LogboekVersie.objects.filter(pk=versie.pk).update(status=RenderStatus.KLAAR)
    first = _versie(
        gemeente_a, nummer=2, status=RenderStatus.BEZIG, pogingen=1, hartslag_op=timezone.now()
    )
    fragment = client.get(url(gemeente_a, "logboek_versie", pk=first.pk), HTTP_HX_REQUEST="true")
    assert gettext(retry) not in fragment.content.decode()


def test_the_sweeper_gives_up_after_the_attempt_limit(gemeente_a, settings, queued):
    stale = timezone.now() - datetime.timedelta(minutes=30)
    versie = _versie(
        gemeente_a,
        nummer=1,
        status=RenderStatus.BEZIG,
        pogingen=settings.LOGBOEK_MAX_POGINGEN,
        hartslag_op=stale,
    )
    services.sweep()
    with gemeente_scope(gemeente_a):
        versie.refresh_from_db()
    assert versie.status == RenderStatus.MISLUKT and versie.fout and queued == []


def test_the_sweeper_leaves_a_live_render_alone(gemeente_a, queued):
    versie = _versie(
        gemeente_a, nummer=1, status=RenderStatus.BEZIG, pogingen=1, hartslag_op=timezone.now()
    )
    services.sweep()
    with gemeente_scope(gemeente_a):
        versie.refresh_from_db()
    assert versie.status == RenderStatus.BEZIG and queued == []


def test_a_failing_render_is_marked_failed_with_a_message(gemeente_a, monkeypatch):
    def broken(html):
        raise ValueError("layout broke")

    monkeypatch.setattr("oogst.logboek.pdf.layout", broken)
    versie = _versie(gemeente_a, nummer=1, status=RenderStatus.WACHTRIJ)
    with gemeente_scope(gemeente_a):
        services.render(LogboekVersie, versie.pk, gemeente_a.pk)
        versie.refresh_from_db()
    assert versie.status == RenderStatus.MISLUKT and "layout broke" in versie.fout


# --- progress --------------------------------------------------------------------------


def test_the_progress_fragment_polls_while_open_and_stops_when_done(
    client, facilitator, gemeente_a
):
    versie = _versie(
        gemeente_a,
        nummer=1,
        status=RenderStatus.BEZIG,
        voortgang=35,
        stap="Pagina's opmaken",
        in_wachtrij_op=timezone.now(),
    )
    client.force_login(facilitator)
    response = client.get(url(gemeente_a, "logboek_versie", pk=versie.pk), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'value="35"' in response.content.decode()
    with gemeente_scope(gemeente_a):
        LogboekVersie.objects.filter(pk=versie.pk).update(
            status=RenderStatus.KLAAR, voortgang=100, paginas=12, grootte=1000, bestand="x.pdf"
        )
    response = client.get(url(gemeente_a, "logboek_versie", pk=versie.pk), HTTP_HX_REQUEST="true")
    assert response.status_code == 286
    page = client.get(url(gemeente_a, "logboek"))
    assert page.status_code == 200


# --- publishing and downloading ------------------------------------------------------


def _klaar(gemeente, nummer, **kwargs):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    naam = default_storage.save(f"logboek/test-{nummer}.pdf", ContentFile(b"%PDF-1.7 x"))
    return _versie(gemeente, nummer=nummer, bestand=naam, paginas=3, grootte=10, **kwargs)


def test_publishing_asks_for_confirmation_and_unmarks_the_previous_final(
    client, facilitator, gemeente_a
):
    eerste = _klaar(gemeente_a, 1, definitief=True)
    tweede = _klaar(gemeente_a, 2)
    client.force_login(facilitator)
    confirm = client.get(url(gemeente_a, "logboek_publiceren", pk=tweede.pk))
    assert confirm.status_code == 200 and "<form" in confirm.content.decode()
    with gemeente_scope(gemeente_a):
        assert not LogboekVersie.objects.get(pk=tweede.pk).definitief
    response = client.post(url(gemeente_a, "logboek_publiceren", pk=tweede.pk))
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        eerste.refresh_from_db()
        tweede.refresh_from_db()
    assert tweede.definitief and tweede.gepubliceerd_door == facilitator
    assert not eerste.definitief


def _row_of(page, versie):
    """The table row of one version in the list of versions."""
    href = f'logboek/{versie.pk}/"'
    return next(row for row in page.split("<tr>") if href in row.split("</th>")[0])


def test_after_a_newer_version_is_published_only_that_one_is_current(
    client, facilitator, member, gemeente_a
):
    eerste = _klaar(gemeente_a, 1)
    tweede = _klaar(gemeente_a, 2)
    client.force_login(facilitator)
    client.post(url(gemeente_a, "logboek_publiceren", pk=eerste.pk))
    client.post(url(gemeente_a, "logboek_publiceren", pk=tweede.pk))
    with gemeente_scope(gemeente_a):
        current = list(LogboekVersie.objects.filter(proeftuin=tweede.proeftuin).current())
    assert current == [tweede]

    page = client.get(url(gemeente_a, "logboek")).content.decode().split('id="versies-kop"')[1]
    assert page.count('class="badge"') == 1
    assert 'class="badge"' in _row_of(page, tweede)
    assert 'class="badge"' not in _row_of(page, eerste)
    assert "replaced by version 2" in _row_of(page, eerste) or "vervangen" in _row_of(page, eerste)

    # The page of v1 points to v2 as the current one; the page of v2 says it is the current.
    old = client.get(url(gemeente_a, "logboek_versie", pk=eerste.pk)).content.decode()
    notice = old.split('class="message message--warning">')[1].split("</p>")[0]
    assert url(gemeente_a, "logboek_versie", pk=tweede.pk) in notice
    assert "message--success" not in old.split("<main")[1].split('class="messages"')[0]
    new = client.get(url(gemeente_a, "logboek_versie", pk=tweede.pk)).content.decode()
    assert 'class="message message--success">' in new.split("</h1>")[1]
    assert "message--warning" not in new.split("</h1>")[1]

    # A member sees only the current one.
    client.force_login(member)
    page = client.get(url(gemeente_a, "logboek")).content.decode()
    assert url(gemeente_a, "logboek_pdf", pk=tweede.pk) in page
    assert url(gemeente_a, "logboek_pdf", pk=eerste.pk) not in page


def test_only_a_finished_version_can_be_published(client, facilitator, gemeente_a):
    versie = _versie(gemeente_a, nummer=1, status=RenderStatus.MISLUKT)
    client.force_login(facilitator)
    client.post(url(gemeente_a, "logboek_publiceren", pk=versie.pk))
    with gemeente_scope(gemeente_a):
        assert not LogboekVersie.objects.get(pk=versie.pk).definitief


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_members_may_not_make_or_publish(who, request, client, gemeente_a):
    versie = _klaar(gemeente_a, 1)
    client.force_login(request.getfixturevalue(who))
    assert client.post(url(gemeente_a, "logboek")).status_code == 403
    assert client.post(url(gemeente_a, "logboek_publiceren", pk=versie.pk)).status_code == 403


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur", "facilitator"])
def test_every_member_downloads_the_final_version(who, request, client, gemeente_a):
    versie = _klaar(gemeente_a, 1, definitief=True)
    client.force_login(request.getfixturevalue(who))
    page = client.get(url(gemeente_a, "logboek"))
    assert page.status_code == 200
    response = client.get(url(gemeente_a, "logboek_pdf", pk=versie.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and f"{gemeente_a.slug}-v1" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("who", ["member", "readonly_member"])
def test_a_concept_is_only_for_the_facilitator(who, request, client, gemeente_a, facilitator):
    versie = _klaar(gemeente_a, 1)
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(gemeente_a, "logboek_pdf", pk=versie.pk)).status_code == 403
    assert client.get(url(gemeente_a, "logboek_versie", pk=versie.pk)).status_code == 403
    assert f"/{versie.pk}/pdf/" not in client.get(url(gemeente_a, "logboek")).content.decode()
    client.force_login(facilitator)
    assert client.get(url(gemeente_a, "logboek_pdf", pk=versie.pk)).status_code == 200


def test_an_outsider_gets_404_for_the_logboek(client, outsider, gemeente_a):
    versie = _klaar(gemeente_a, 1, definitief=True)
    client.force_login(outsider)
    assert client.get(url(gemeente_a, "logboek")).status_code == 404
    assert client.get(url(gemeente_a, "logboek_pdf", pk=versie.pk)).status_code == 404


def test_a_download_is_in_the_audit_log(client, member, gemeente_a):
    from gemeenten.models import AuditRegel

    versie = _klaar(gemeente_a, 1, definitief=True)
    client.force_login(member)
    client.get(url(gemeente_a, "logboek_pdf", pk=versie.pk))
    with gemeente_scope(gemeente_a):
        assert AuditRegel.objects.filter(actie="download", object_id=versie.pk).exists()


# --- the scheduled render at the end date ----------------------------------------------


def test_at_the_end_date_the_logboek_is_rendered_once_and_the_facilitator_is_told(
    gemeente_a, facilitator, monkeypatch, django_capture_on_commit_callbacks
):
    vul(gemeente_a)
    _fake_pdf(monkeypatch)
    proeftuin = proeftuin_of(gemeente_a)
    today = timezone.localdate()
    with every_gemeente():
        type(proeftuin).objects.filter(pk=proeftuin.pk).update(eind=today)
    with django_capture_on_commit_callbacks(execute=True):
        made = services.render_at_end_dates(today)
        again = services.render_at_end_dates(today)
    assert len(made) == 1 and again == []
    with gemeente_scope(gemeente_a):
        versie = LogboekVersie.objects.get()
    assert versie.automatisch and versie.status == RenderStatus.KLAAR
    assert [m.to for m in mail.outbox] == [[facilitator.email]]
    body = mail.outbox[0].body + mail.outbox[0].subject
    assert CASUS_GEHEIM not in body and "/oogst/logboek/" in body


def test_no_scheduled_render_before_the_end_date(gemeente_a, queued):
    proeftuin = proeftuin_of(gemeente_a)
    assert services.render_at_end_dates(proeftuin.eind - datetime.timedelta(days=1)) == []


def test_the_sweeper_and_the_end_date_render_are_on_the_beat_schedule():
    from proeftuin.celery import app

    assert app.conf.beat_schedule[tasks.BEAT_SWEEP]["task"] == "oogst.tasks.vegen"
    assert app.conf.beat_schedule[tasks.BEAT_END_DATE]["task"] == "oogst.tasks.einddatum"


def test_the_checklist_of_the_verankering_asks_for_a_published_logboek(
    gemeente_a, facilitator, django_capture_on_commit_callbacks
):
    from django.utils.translation import gettext

    from gemeenten import checklist

    label = gettext("Logboek Oogst published")
    proeftuin = proeftuin_of(gemeente_a)
    with gemeente_scope(gemeente_a):
        items = {str(i.label): i for i in checklist.items(proeftuin, "verankering")}
        assert not items[label].done
    versie = _klaar(gemeente_a, 1)
    with django_capture_on_commit_callbacks(execute=True), gemeente_scope(gemeente_a):
        services.publish(versie=versie, by=facilitator)
    with gemeente_scope(gemeente_a):
        proeftuin = type(proeftuin).objects.get(pk=proeftuin.pk)
        items = {str(i.label): i for i in checklist.items(proeftuin, "verankering")}
        assert items[label].done
