"""The audit log: every read, change, download and export of a commitment leaves one entry
without any of its text; facilitators read and export the log of their gemeente, other members
get 403 and outsiders 404 (append-only on PostgreSQL: tests/kern/test_rls.py)."""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.utils import timezone

from gemeenten import services
from gemeenten.audit import audit
from gemeenten.models import AuditRegel, Commitment, Organisatie, Proeftuin
from kern import writes
from kern.tenancy import gemeente_scope
from tests.factories import AuditRegelFactory, CommitmentFactory, UserFactory
from tests.gemeenten.test_commitments import mandaat_data, tiny_pdf
from tests.scopes import every_gemeente
from tests.urls import url

SECRET_TEXT = "Mevrouw Jansen van de Dorpsstraat"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def commitment(gemeente_a):
    with every_gemeente():
        return CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=Proeftuin.objects.get(gemeente=gemeente_a),
            omschrijving=SECRET_TEXT,
            organisatie=None,
        )


def entries(gemeente):
    with gemeente_scope(gemeente):
        return list(AuditRegel.objects.order_by("pk"))


def test_reading_a_commitment_writes_one_entry(client, member, gemeente_a, commitment):
    client.force_login(member)
    assert client.get(url("commitment", gemeente_a, pk=commitment.pk)).status_code == 200
    (entry,) = entries(gemeente_a)
    assert entry.user == member
    assert entry.actie == AuditRegel.Actie.READ
    assert entry.content_type.model_class() is Commitment
    assert entry.object_id == commitment.pk
    assert entry.gemeente_id == gemeente_a.pk
    assert entry.session_hash and client.session.session_key not in entry.session_hash
    assert entry.object_label == f"Toezegging #{commitment.pk}"


def test_creating_changing_the_status_and_deleting_are_logged(
    client, beleidsadviseur, gemeente_a, commitment
):
    client.force_login(beleidsadviseur)
    proeftuin = commitment.proeftuin
    assert (
        client.post(url("commitment_new", gemeente_a), mandaat_data(proeftuin)).status_code == 302
    )
    today = timezone.localdate().isoformat()
    data = {"status": "geleverd", "geleverd_op": today, "version": commitment.version}
    assert (
        client.post(url("commitment_status", gemeente_a, pk=commitment.pk), data).status_code == 302
    )
    assert client.post(url("commitment_delete", gemeente_a, pk=commitment.pk)).status_code == 302
    logged = [(e.actie, e.object_id) for e in entries(gemeente_a)]
    with gemeente_scope(gemeente_a):
        mandaat = Commitment.objects.get(soort=Commitment.Soort.MANDAAT)
    assert logged == [
        ("create", mandaat.pk),
        ("change", commitment.pk),
        ("delete", commitment.pk),
    ]


def test_the_write_path_logs_a_change_made_outside_a_request(
    beleidsadviseur, gemeente_a, commitment
):
    """A task or a command writes through the same path: the entry names the user, no session."""
    with gemeente_scope(gemeente_a):
        commitment.omschrijving = "Anders verwoord"
        services.commitment_save(commitment=commitment, by=beleidsadviseur)
    (entry,) = entries(gemeente_a)
    assert (entry.actie, entry.object_id, entry.user) == ("change", commitment.pk, beleidsadviseur)
    assert entry.session_hash == ""


def test_rows_that_are_not_audited_leave_the_log_alone(facilitator, gemeente_a):
    with gemeente_scope(gemeente_a):
        organisatie = Organisatie.objects.get(naam="Welzijn A")
        organisatie.naam = "Welzijn Anders"
        writes.save(organisatie, by=facilitator)
        writes.delete(organisatie, by=facilitator)
    assert entries(gemeente_a) == []


def test_downloading_the_mandate_and_exporting_are_logged(
    client, beleidsadviseur, gemeente_a, commitment
):
    client.force_login(beleidsadviseur)
    upload = SimpleUploadedFile("mandaat.pdf", tiny_pdf(), content_type="application/pdf")
    client.post(
        url("commitment_new", gemeente_a),
        {**mandaat_data(commitment.proeftuin), "document": upload},
    )
    with gemeente_scope(gemeente_a):
        mandaat = Commitment.objects.get(soort=Commitment.Soort.MANDAAT)
    assert client.get(url("commitment_document", gemeente_a, pk=mandaat.pk)).status_code == 200
    assert client.get(url("commitments_csv", gemeente_a)).status_code == 200
    assert client.get(url("commitments_xlsx", gemeente_a)).status_code == 200
    logged = [(e.actie, e.object_id) for e in entries(gemeente_a)]
    assert logged == [
        ("create", mandaat.pk),
        ("download", mandaat.pk),
        ("export", None),
        ("export", None),
    ]
    assert entries(gemeente_a)[-1].object_label == "Toezeggingen"


def test_the_log_holds_no_text_of_what_was_read(client, facilitator, gemeente_a, commitment):
    client.force_login(facilitator)
    client.get(url("commitment", gemeente_a, pk=commitment.pk))
    client.get(url("commitments_csv", gemeente_a))
    for entry in entries(gemeente_a):
        stored = " ".join(str(v) for v in model_to_dict(entry).values())
        assert SECRET_TEXT not in stored and SECRET_TEXT not in str(entry)
        assert "Jansen" not in entry.object_label
    page = client.get(url("audit", gemeente_a))
    assert SECRET_TEXT not in page.text
    assert SECRET_TEXT not in client.get(url("audit_csv", gemeente_a)).content.decode()


def test_a_facilitator_reads_the_log_of_the_gemeente(client, facilitator, gemeente_a, commitment):
    with every_gemeente():
        AuditRegelFactory(gemeente=gemeente_a, user=facilitator, object_id=commitment.pk)
    client.force_login(facilitator)
    response = client.get(url("audit", gemeente_a))
    assert response.status_code == 200
    assert f"Toezegging #{commitment.pk}" in response.text
    assert url("audit", gemeente_a) in client.get(url("detail", gemeente_a)).text


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_other_members_get_403(who, request, client, gemeente_a):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url("audit", gemeente_a)).status_code == 403
    assert client.get(url("audit_csv", gemeente_a)).status_code == 403
    assert url("audit", gemeente_a) not in client.get(url("detail", gemeente_a)).text


def test_an_outsider_gets_404_and_sees_none_of_the_entries(client, outsider, gemeente_a):
    with every_gemeente():
        AuditRegelFactory(gemeente=gemeente_a)
    client.force_login(outsider)
    assert client.get(url("audit", gemeente_a)).status_code == 404
    assert client.get(url("audit_csv", gemeente_a)).status_code == 404


def test_the_log_of_one_gemeente_shows_none_of_another(
    client, facilitator, outsider, gemeente_a, gemeente_b
):
    with every_gemeente():
        AuditRegelFactory(gemeente=gemeente_b, user=outsider, object_id=4242)
    client.force_login(facilitator)
    assert "#4242" not in client.get(url("audit", gemeente_a)).text
    assert "#4242" not in client.get(url("audit_csv", gemeente_a)).content.decode()


def test_filters_by_user_action_and_date(client, facilitator, member, gemeente_a):
    old = timezone.now() - datetime.timedelta(days=10)
    with every_gemeente():
        AuditRegelFactory(gemeente=gemeente_a, user=member, object_id=1)
        AuditRegelFactory(gemeente=gemeente_a, user=facilitator, object_id=2)
        # Append-only, also for the tests: an old entry is made old, not changed afterwards.
        with mock.patch("django.utils.timezone.now", return_value=old):
            AuditRegelFactory(gemeente=gemeente_a, user=member, object_id=3, actie="export")

    client.force_login(facilitator)

    def shown(**params):
        page = client.get(url("audit", gemeente_a), params).context["page"]
        return sorted(r.object_id for r in page.object_list)

    assert shown() == [1, 2, 3]
    assert shown(user=member.pk) == [1, 3]
    assert shown(actie="read") == [1, 2]
    assert shown(van=timezone.localdate().isoformat()) == [1, 2]
    assert shown(tot=(timezone.localdate() - datetime.timedelta(days=5)).isoformat()) == [3]
    assert shown(van="2026-02-02", tot="2026-02-01") == []  # invalid: errors, no rows
    response = client.get(url("audit_csv", gemeente_a), {"user": member.pk})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 2
    assert rows[1][2] == member.email


def test_the_audit_csv_export_is_logged_itself(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    client.get(url("audit_csv", gemeente_a))
    (entry,) = entries(gemeente_a)
    assert (entry.actie, entry.content_type.model_class()) == ("export", AuditRegel)


def test_the_page_makes_as_many_queries_for_many_entries_as_for_one(
    client, facilitator, gemeente_a, django_assert_num_queries
):
    client.force_login(facilitator)
    with every_gemeente():
        AuditRegelFactory(gemeente=gemeente_a, user=facilitator)
    client.get(url("audit", gemeente_a))  # warm the content type cache and the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url("audit", gemeente_a))
    with every_gemeente():
        for _ in range(30):
            AuditRegelFactory(gemeente=gemeente_a, user=UserFactory(password=None))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("audit", gemeente_a))
    assert response.status_code == 200
    assert len(many) == len(one)


def test_audit_takes_a_user_without_a_request(gemeente_a, commitment, facilitator):
    with gemeente_scope(gemeente_a):
        entry = audit(facilitator, "read", commitment)
    assert (entry.user, entry.session_hash) == (facilitator, "")
