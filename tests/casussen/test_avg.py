"""AVG: a bestuurder never reads casus text, every read is logged and visible to the
facilitator, and texts are purged after the retention period, keeping categories and counts."""

import datetime

from django.contrib.contenttypes.models import ContentType

from casussen import services, tasks
from casussen.models import Casus, Knelpunt
from gemeenten.models import AuditRegel, Wijziging
from tests.scopes import every_gemeente

from .conftest import curl
from .factories import InzichtFactory, KnelpuntFactory


def test_the_bestuurder_sees_numbers_and_categories_but_no_text(
    client, ingediend, readonly_member, gemeente_a
):
    with every_gemeente():
        KnelpuntFactory(casus=ingediend, gemeente=gemeente_a, toelichting="Geheime toelichting")
        InzichtFactory(casus=ingediend, gemeente=gemeente_a, titel="Een geheim inzicht")
    client.force_login(readonly_member)
    for address in (
        curl("list", gemeente_a),
        curl("overzicht", gemeente_a),
        curl("list", gemeente_a) + "?knelpunt=informatie_uitwisseling",
    ):
        response = client.get(address)
        assert response.status_code == 200
        body = response.content.decode()
        secrets = (ingediend.titel, ingediend.verloop, "Geheime toelichting", "Een geheim inzicht")
        for text in secrets:
            assert text not in body, address
    assert f"Casus {ingediend.pk}" in client.get(curl("list", gemeente_a)).content.decode()
    for name in ("detail", "edit", "historie", "gelezen"):
        assert client.get(curl(name, gemeente_a, pk=ingediend.pk)).status_code == 403, name


def test_every_read_is_logged_and_the_facilitator_sees_who_read(
    client, ingediend, member, facilitator, gemeente_a
):
    client.force_login(member)
    client.get(curl("detail", gemeente_a, pk=ingediend.pk))
    with every_gemeente():
        regel = AuditRegel.objects.get(
            content_type=ContentType.objects.get_for_model(Casus), object_id=ingediend.pk
        )
    assert regel.user == member and regel.actie == AuditRegel.Actie.READ
    assert client.get(curl("gelezen", gemeente_a, pk=ingediend.pk)).status_code == 403
    client.force_login(facilitator)
    page = client.get(curl("gelezen", gemeente_a, pk=ingediend.pk)).content.decode()
    assert str(member) in page


def test_the_retention_task_purges_texts_of_ended_proeftuinen_keeping_categories(
    ingediend, gemeente_a, proeftuin_a, settings, django_capture_on_commit_callbacks
):
    settings.CASUS_BEWAARTERMIJN_MAANDEN = 12
    with every_gemeente():
        KnelpuntFactory(casus=ingediend, gemeente=gemeente_a, toelichting="Een toelichting")
        services.casus_save(casus=ingediend, by=None, expected_version=ingediend.version)
        proeftuin_a.eind = datetime.date.today() - datetime.timedelta(days=400)
        proeftuin_a.start = proeftuin_a.eind - datetime.timedelta(days=365)
        proeftuin_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.purge_expired.delay()
    with every_gemeente():
        casus = Casus.objects.get(pk=ingediend.pk)
        knelpunt = Knelpunt.objects.get(casus=casus)
        history = list(Wijziging.objects.of(casus))
    assert casus.teksten_gewist_op is not None
    assert casus.verloop == "" and casus.wat_hielp == "" and ingediend.titel != casus.titel
    assert knelpunt.categorie == "informatie_uitwisseling" and knelpunt.toelichting == ""
    assert casus.status == Casus.Status.INGEDIEND
    assert not any(ingediend.verloop in str(w.changes) + str(w.rows) for w in history)
    assert "Texts" in history[0].labels or "Teksten" in history[0].labels
    # Running again changes nothing.
    with every_gemeente():
        assert services.casus_purge_texts(casus=casus) is False


def test_casussen_of_a_running_proeftuin_are_kept(
    ingediend, gemeente_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.purge_expired.delay()
    with every_gemeente():
        assert Casus.objects.get(pk=ingediend.pk).verloop == ingediend.verloop


def test_the_beat_entry_is_registered():
    from proeftuin.celery import app

    assert app.conf.beat_schedule[tasks.BEAT_NAME]["task"] == "casussen.tasks.purge_expired"


def test_the_cutoff_is_n_months_back_clamped_to_the_month():
    assert services.purge_cutoff(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert services.purge_cutoff(datetime.date(2026, 1, 15), 12) == datetime.date(2025, 1, 15)
