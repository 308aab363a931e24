"""Commitments: the mandate with its signed PDF, hours and money, status, history, deleting,
the download of the PDF, and the demo (kosten en baten: test_kostenbaten.py)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from gemeenten.models import Baat, Commitment, Proeftuin, Wijziging
from kern.tenancy import gemeente_scope
from tests.factories import (
    CommitmentFactory,
    OrganisatieFactory,
    ProeftuinFactory,
)
from tests.scopes import every_gemeente
from tests.urls import url


def tiny_pdf(text="Bestuurlijk mandaat"):
    """A real, minimal PDF of one page, with a correct cross-reference table."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def commitment(gemeente_a, proeftuin, welzijn):
    with every_gemeente():
        return CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            organisatie=welzijn,
            toegezegd_op=datetime.date(2026, 1, 10),
        )


def mandaat_data(proeftuin, **overrides):
    return {
        "proeftuin": proeftuin.pk,
        "soort": Commitment.Soort.MANDAAT,
        "organisatie": "",
        "omschrijving": "De wethouder geeft het mandaat voor een jaar proeftuin.",
        "uren_per_jaar": "",
        "bedrag": "",
        "toegezegd_op": "2026-01-20",
        "verwacht_op": "",
        "mandaat_door": "Wanda Wethouder",
        "mandaat_functie": "wethouder zorg",
        "baat_omschrijving": "",
        **overrides,
    }


def uren_data(proeftuin, organisatie, **overrides):
    return {
        **mandaat_data(proeftuin),
        "soort": Commitment.Soort.UREN,
        "organisatie": organisatie.pk,
        "omschrijving": "Twee uur per week voor de kerngroep",
        "uren_per_jaar": "80",
        "mandaat_door": "",
        "mandaat_functie": "",
        **overrides,
    }


def commitments_in(gemeente):
    with every_gemeente():
        return Commitment.objects.filter(gemeente=gemeente).count()


# Roles


def test_a_bestuurder_reads_commitments_but_gets_403_on_every_write(
    client, readonly_member, gemeente_a, commitment, proeftuin
):
    client.force_login(readonly_member)
    listing = client.get(url("commitments", gemeente_a))
    assert listing.status_code == 200
    assert "Veertig uur per jaar" in listing.text
    assert url("commitment_new", gemeente_a) not in listing.text
    detail = client.get(url("commitment", gemeente_a, pk=commitment.pk))
    assert detail.status_code == 200
    assert url("commitment_edit", gemeente_a, pk=commitment.pk) not in detail.text
    assert url("commitment_status", gemeente_a, pk=commitment.pk) not in detail.text
    assert client.get(url("kostenbaten", gemeente_a)).status_code == 200

    writes = [
        ("get", url("commitment_new", gemeente_a)),
        ("post", url("commitment_new", gemeente_a)),
        ("get", url("commitment_edit", gemeente_a, pk=commitment.pk)),
        ("post", url("commitment_edit", gemeente_a, pk=commitment.pk)),
        ("post", url("commitment_status", gemeente_a, pk=commitment.pk)),
        ("get", url("commitment_delete", gemeente_a, pk=commitment.pk)),
        ("post", url("commitment_delete", gemeente_a, pk=commitment.pk)),
    ]
    data = {**mandaat_data(proeftuin), "status": "ingetrokken", "reden_ingetrokken": "x"}
    for method, address in writes:
        assert getattr(client, method)(address, data).status_code == 403, address
    assert commitments_in(gemeente_a) == 1
    with every_gemeente():
        commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.TOEGEZEGD


def test_a_professional_reads_but_cannot_record(client, member, gemeente_a, proeftuin):
    client.force_login(member)
    assert client.get(url("commitments", gemeente_a)).status_code == 200
    assert (
        client.post(url("commitment_new", gemeente_a), mandaat_data(proeftuin)).status_code == 403
    )


# The mandate and its PDF


def test_a_beleidsadviseur_records_the_mandate_with_a_signed_pdf(
    client, beleidsadviseur, gemeente_a, proeftuin
):
    client.force_login(beleidsadviseur)
    pdf = SimpleUploadedFile("Mandaat wethouder.pdf", tiny_pdf(), "application/pdf")
    response = client.post(
        url("commitment_new", gemeente_a), {**mandaat_data(proeftuin), "document": pdf}
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        mandaat = Commitment.objects.get()
        history = list(Wijziging.objects.of(mandaat))
    assert mandaat.soort == Commitment.Soort.MANDAAT
    assert mandaat.created_by == beleidsadviseur
    assert mandaat.gemeente == gemeente_a
    assert mandaat.document.name.startswith(f"mandaten/{gemeente_a.pk}/")
    assert "wethouder" not in mandaat.document.name.lower()  # the uploader's name is not kept
    assert [w.actie for w in history] == [Wijziging.Actie.AANGEMAAKT]
    assert response["Location"] == url("commitment", gemeente_a, pk=mandaat.pk)

    listing = client.get(url("commitments", gemeente_a))
    assert "Wanda Wethouder" in listing.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("verklaring.pdf", PNG + b"\x00" * 100, "geen pdf"),
        ("verklaring.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n", "onvolledig of beschadigd"),
        ("verklaring.pdf", b"", "leeg"),
    ],
)
def test_an_upload_that_is_not_a_pdf_is_refused_at_the_field(
    client, beleidsadviseur, gemeente_a, proeftuin, name, content, message
):
    client.force_login(beleidsadviseur)
    upload = SimpleUploadedFile(name, content, "application/pdf")
    data = {**mandaat_data(proeftuin), "document": upload}
    response = client.post(url("commitment_new", gemeente_a), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["document"]
    assert message in errors["document"][0].lower()
    assert 'value="Wanda Wethouder"' in response.text
    assert commitments_in(gemeente_a) == 0


def test_an_oversized_pdf_is_refused(client, beleidsadviseur, gemeente_a, proeftuin, settings):
    settings.MANDAAT_MAX_UPLOAD_MB = 1
    client.force_login(beleidsadviseur)
    big = tiny_pdf().replace(b"%%EOF", b"%" + b"x" * (1024 * 1024) + b"\n%%EOF")
    upload = SimpleUploadedFile("groot.pdf", big, "application/pdf")
    response = client.post(
        url("commitment_new", gemeente_a), {**mandaat_data(proeftuin), "document": upload}
    )
    assert response.status_code == 400
    assert "de grens is 1 MB" in response.context["form"].errors["document"][0]
    assert commitments_in(gemeente_a) == 0


def test_a_mandate_needs_to_say_who_gave_it(client, beleidsadviseur, gemeente_a, proeftuin):
    client.force_login(beleidsadviseur)
    response = client.post(
        url("commitment_new", gemeente_a), mandaat_data(proeftuin, mandaat_door="")
    )
    assert response.status_code == 400
    assert "mandaat_door" in response.context["form"].errors


def test_the_pdf_is_a_download_for_members_only(
    client, beleidsadviseur, readonly_member, outsider, gemeente_a, proeftuin
):
    client.force_login(beleidsadviseur)
    pdf = tiny_pdf()
    upload = SimpleUploadedFile("<script>.pdf", pdf, "application/pdf")
    client.post(url("commitment_new", gemeente_a), {**mandaat_data(proeftuin), "document": upload})
    with gemeente_scope(gemeente_a):
        mandaat = Commitment.objects.get()
    address = url("commitment_document", gemeente_a, pk=mandaat.pk)

    client.force_login(readonly_member)
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f'filename="{gemeente_a.slug}-mandaat-{mandaat.pk}-' in disposition
    assert "<" not in disposition
    assert b"".join(response.streaming_content) == pdf

    client.force_login(outsider)
    assert client.get(address).status_code == 404
    client.logout()
    assert client.get(address).status_code == 302


def test_the_pdf_is_not_under_the_public_media_url(client, beleidsadviseur, gemeente_a, proeftuin):
    client.force_login(beleidsadviseur)
    upload = SimpleUploadedFile("m.pdf", tiny_pdf(), "application/pdf")
    client.post(url("commitment_new", gemeente_a), {**mandaat_data(proeftuin), "document": upload})
    with gemeente_scope(gemeente_a):
        mandaat = Commitment.objects.get()
    detail = client.get(url("commitment", gemeente_a, pk=mandaat.pk))
    assert "/media/" not in detail.text
    assert client.get("/media/" + mandaat.document.name).status_code == 404


def test_a_commitment_without_pdf_has_no_download(client, member, gemeente_a, commitment):
    client.force_login(member)
    assert client.get(url("commitment_document", gemeente_a, pk=commitment.pk)).status_code == 404


# Bad input


def test_dates_out_of_order_are_refused_at_the_field(
    client, beleidsadviseur, gemeente_a, proeftuin, welzijn
):
    client.force_login(beleidsadviseur)
    data = uren_data(proeftuin, welzijn, toegezegd_op="2026-03-01", verwacht_op="2026-02-01")
    response = client.post(url("commitment_new", gemeente_a), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["verwacht_op"]
    assert 'value="2026-02-01"' in response.text
    assert "Twee uur per week" in response.text
    assert commitments_in(gemeente_a) == 0


@pytest.mark.parametrize(("field", "value"), [("uren_per_jaar", "-5"), ("bedrag", "-0.01")])
def test_negative_hours_or_amounts_are_refused_at_the_field(
    client, beleidsadviseur, gemeente_a, proeftuin, welzijn, field, value
):
    client.force_login(beleidsadviseur)
    data = uren_data(proeftuin, welzijn, **{field: value})
    response = client.post(url("commitment_new", gemeente_a), data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert f'value="{value}"' in response.text
    assert commitments_in(gemeente_a) == 0


def test_nonsense_numbers_and_dates_never_cause_a_500(
    client, beleidsadviseur, gemeente_a, proeftuin, welzijn
):
    client.force_login(beleidsadviseur)
    data = uren_data(
        proeftuin, welzijn, uren_per_jaar="veel", bedrag="1e999", toegezegd_op="31-02-2026"
    )
    response = client.post(url("commitment_new", gemeente_a), data)
    assert response.status_code == 400
    assert {"uren_per_jaar", "bedrag", "toegezegd_op"} <= set(response.context["form"].errors)


def test_a_stale_form_is_refused_and_keeps_the_input(
    client, beleidsadviseur, facilitator, gemeente_a, proeftuin, welzijn, commitment
):
    edit = url("commitment_edit", gemeente_a, pk=commitment.pk)
    opened_at = commitment.version
    client.force_login(facilitator)
    first = uren_data(proeftuin, welzijn, uren_per_jaar="50", version=opened_at)
    assert client.post(edit, first).status_code == 302

    client.force_login(beleidsadviseur)
    stale = uren_data(proeftuin, welzijn, uren_per_jaar="60", version=opened_at)
    response = client.post(edit, stale)
    assert response.status_code == 400
    assert "iemand anders" in response.text.lower()
    assert 'value="60"' in response.text
    with every_gemeente():
        commitment.refresh_from_db()
    assert commitment.uren_per_jaar == 50


# Changes, status and history


def test_a_change_with_beneficiaries_is_kept_in_the_history_and_shown(
    client, beleidsadviseur, gemeente_a, proeftuin, welzijn, commitment
):
    with every_gemeente():
        huisarts = OrganisatieFactory(gemeente=gemeente_a, naam="Huisarts Oost")
    client.force_login(beleidsadviseur)
    data = uren_data(proeftuin, welzijn, uren_per_jaar="52", baathebbers=[huisarts.pk], version=1)
    assert (
        client.post(url("commitment_edit", gemeente_a, pk=commitment.pk), data).status_code == 302
    )
    with gemeente_scope(gemeente_a):
        assert list(commitment.baathebbers.all()) == [huisarts]
        assert Baat.objects.get().gemeente == gemeente_a
        change = Wijziging.objects.of(commitment).get()
    assert change.by == beleidsadviseur
    with translation.override("nl"), gemeente_scope(gemeente_a):
        rows = {label: [old, new] for label, old, new in change.rows}
    assert rows["uren per jaar"] == ["40.0", "52"]
    assert rows["wie heeft er baat bij"] == ["", "Huisarts Oost"]

    page = client.get(url("commitment", gemeente_a, pk=commitment.pk))
    assert "40.0</del>" in page.text
    assert "52</ins>" in page.text
    assert beleidsadviseur.name in page.text


def test_marking_as_delivered_records_the_date_and_the_history(
    client, beleidsadviseur, gemeente_a, commitment
):
    client.force_login(beleidsadviseur)
    data = {"status": "geleverd", "geleverd_op": "2026-06-01", "version": commitment.version}
    response = client.post(url("commitment_status", gemeente_a, pk=commitment.pk), data)
    assert response.status_code == 302
    with every_gemeente():
        commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.GELEVERD
    assert commitment.geleverd_op == datetime.date(2026, 6, 1)
    with gemeente_scope(gemeente_a):
        change = Wijziging.objects.of(commitment).get()
    with translation.override("nl"):
        rows = {label: [old, new] for label, old, new in change.rows}
    assert rows["status"] == ["Toegezegd", "Geleverd"]


def test_withdrawing_needs_a_reason_at_the_field(client, beleidsadviseur, gemeente_a, commitment):
    client.force_login(beleidsadviseur)
    address = url("commitment_status", gemeente_a, pk=commitment.pk)
    response = client.post(address, {"status": "ingetrokken", "reden_ingetrokken": " "})
    assert response.status_code == 400
    assert "reden_ingetrokken" in response.context["status_form"].errors
    with every_gemeente():
        commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.TOEGEZEGD

    reason = "De praktijk heeft geen POH meer"
    response = client.post(address, {"status": "ingetrokken", "reden_ingetrokken": reason})
    assert response.status_code == 302
    with every_gemeente():
        commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.INGETROKKEN
    assert commitment.reden_ingetrokken == reason


def test_a_delivery_before_the_promise_is_refused(client, beleidsadviseur, gemeente_a, commitment):
    client.force_login(beleidsadviseur)
    data = {"status": "geleverd", "geleverd_op": "2025-12-31"}
    response = client.post(url("commitment_status", gemeente_a, pk=commitment.pk), data)
    assert response.status_code == 400
    assert "geleverd_op" in response.context["status_form"].errors
    assert 'value="2025-12-31"' in response.text


def test_with_htmx_the_status_and_history_come_back_in_place(
    client, beleidsadviseur, gemeente_a, commitment
):
    client.force_login(beleidsadviseur)
    response = client.post(
        url("commitment_status", gemeente_a, pk=commitment.pk),
        {"status": "geleverd", "version": commitment.version},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.text.strip().startswith('<div id="status-en-historie">')
    assert "Opgeslagen" in response.text
    assert "Geleverd</ins>" in response.text
    assert f'name="version" value="{commitment.version + 1}"' in response.text


def test_a_stale_status_change_is_refused(client, beleidsadviseur, gemeente_a, commitment):
    client.force_login(beleidsadviseur)
    address = url("commitment_status", gemeente_a, pk=commitment.pk)
    client.post(address, {"status": "geleverd", "version": commitment.version})
    response = client.post(
        address,
        {"status": "ingetrokken", "reden_ingetrokken": "weg", "version": commitment.version},
    )
    assert response.status_code == 400
    with every_gemeente():
        commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.GELEVERD


def test_deleting_a_commitment_asks_first_and_keeps_a_note(
    client, facilitator, gemeente_a, commitment
):
    client.force_login(facilitator)
    address = url("commitment_delete", gemeente_a, pk=commitment.pk)
    confirm = client.get(address)
    assert confirm.status_code == 200
    assert "button--danger" in confirm.text
    assert commitments_in(gemeente_a) == 1
    assert client.post(address).status_code == 302
    assert commitments_in(gemeente_a) == 0
    with every_gemeente():
        assert Wijziging.objects.filter(
            object_id=commitment.pk, actie=Wijziging.Actie.VERWIJDERD
        ).exists()


# The proeftuin to show


def test_the_current_proeftuin_is_shown_and_another_can_be_chosen(
    client, member, gemeente_a, proeftuin, commitment
):
    with every_gemeente():
        later = ProeftuinFactory(
            gemeente=gemeente_a,
            naam="Tweede ronde",
            start=datetime.date(2027, 1, 1),
            eind=datetime.date(2027, 12, 31),
        )
        CommitmentFactory(gemeente=gemeente_a, proeftuin=later, omschrijving="Nieuw jaar")
    client.force_login(member)
    page = client.get(url("commitments", gemeente_a))
    assert page.context["proeftuin"] == later
    assert "Nieuw jaar" in page.text
    assert "Veertig uur" not in page.text
    page = client.get(url("commitments", gemeente_a), {"proeftuin": proeftuin.pk})
    assert page.context["proeftuin"] == proeftuin
    assert "Veertig uur" in page.text


def test_with_several_proeftuinen_the_form_offers_a_choice(
    client, facilitator, gemeente_a, proeftuin
):
    client.force_login(facilitator)
    form = client.get(url("commitment_new", gemeente_a)).context["form"]
    assert form["proeftuin"].is_hidden
    assert form["proeftuin"].value() == proeftuin.pk
    with every_gemeente():
        ProeftuinFactory(
            gemeente=gemeente_a, start=datetime.date(2027, 1, 1), eind=datetime.date(2027, 12, 31)
        )
    form = client.get(url("commitment_new", gemeente_a)).context["form"]
    assert not form["proeftuin"].is_hidden


def test_without_a_proeftuin_the_pages_explain_instead_of_failing(client, facilitator, gemeente_a):
    with every_gemeente():
        Proeftuin.objects.filter(gemeente=gemeente_a).delete()
    client.force_login(facilitator)
    for name in ("commitments", "commitment_new", "kostenbaten"):
        page = client.get(url(name, gemeente_a))
        assert page.status_code == 200
        assert "Er is nog geen proeftuin" in page.text


# The demo


@pytest.mark.slow
def test_the_demo_commitments_are_valid_and_load_twice_without_change(db):
    from demo.loader import load_demo
    from gemeenten.demo_commitments import load_commitments_demo

    gemeenten = load_demo()
    load_commitments_demo(gemeenten)

    def counts():
        with every_gemeente():
            return Commitment.objects.count(), Baat.objects.count()

    before = counts()
    load_commitments_demo(gemeenten)
    assert counts() == before
    with every_gemeente():
        for c in Commitment.objects.all():
            c.full_clean(exclude=["created_by"])
        roermond = Commitment.objects.filter(gemeente__slug="roermond").count()
        oude_ijsselstreek = Commitment.objects.filter(gemeente__slug="oude-ijsselstreek")
        assert roermond < oude_ijsselstreek.count()
        assert oude_ijsselstreek.filter(status="geleverd").exists()
        assert oude_ijsselstreek.filter(soort="mandaat", document="").exists()


@pytest.mark.parametrize("bad_id", [str(2**63), "1" * 400, str(-(2**63) - 1)])
def test_a_beneficiary_id_beyond_the_integers_is_refused_at_the_field(
    client, beleidsadviseur, gemeente_a, proeftuin, welzijn, bad_id
):
    # On SQLite such an id in the IN query raised OverflowError: a 500 (found by test_bad_input).
    client.force_login(beleidsadviseur)
    data = uren_data(proeftuin, welzijn, baathebbers=[welzijn.pk, bad_id])
    response = client.post(url("commitment_new", gemeente_a), data)
    assert response.status_code == 400
    assert "baathebbers" in response.context["form"].errors
    assert commitments_in(gemeente_a) == 0


def test_the_pdf_download_has_a_safe_attachment_name_whatever_was_uploaded(
    client, beleidsadviseur, gemeente_a, proeftuin
):
    client.force_login(beleidsadviseur)
    evil = '../../"evil"\r\nContent-Type: text/html; x=.pdf'
    upload = SimpleUploadedFile(evil, tiny_pdf(), "text/html")
    response = client.post(
        url("commitment_new", gemeente_a), {**mandaat_data(proeftuin), "document": upload}
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        mandaat = Commitment.objects.get()
    assert "evil" not in mandaat.document.name and ".." not in mandaat.document.name
    response = client.get(url("commitment_document", gemeente_a, pk=mandaat.pk))
    disposition = response["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="[a-z0-9-]+\.pdf"', disposition), disposition
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_replaced_document_shows_in_the_history_by_its_name_never_its_storage_path(
    client, beleidsadviseur, gemeente_a, proeftuin
):
    client.force_login(beleidsadviseur)
    first = SimpleUploadedFile("eerste.pdf", tiny_pdf(), "application/pdf")
    client.post(url("commitment_new", gemeente_a), {**mandaat_data(proeftuin), "document": first})
    with gemeente_scope(gemeente_a):
        mandaat = Commitment.objects.get()
    old_name = mandaat.document.name
    second = SimpleUploadedFile("tweede.pdf", tiny_pdf("Vervangen"), "application/pdf")
    data = {**mandaat_data(proeftuin), "document": second, "version": mandaat.version}
    assert client.post(url("commitment_edit", gemeente_a, pk=mandaat.pk), data).status_code == 302
    with gemeente_scope(gemeente_a):
        mandaat.refresh_from_db()
        change = Wijziging.objects.of(mandaat).filter(actie=Wijziging.Actie.GEWIJZIGD).get()
        rows = {str(label): (old, new) for label, old, new in change.rows}
    assert old_name != mandaat.document.name
    shown = rows[str(Commitment._meta.get_field("document").verbose_name)]
    assert shown == (old_name.rsplit("/", 1)[-1], mandaat.document.name.rsplit("/", 1)[-1])

    page = client.get(url("commitment", gemeente_a, pk=mandaat.pk)).text
    assert "mandaten/" not in page
    assert mandaat.document.name.rsplit("/", 1)[-1] in page
