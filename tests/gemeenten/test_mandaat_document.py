"""The signed statement of the mandate: a replaced or erased file leaves the storage once the
change is committed (never left behind with no row pointing to it), and only a real PDF is
stored: read by a PDF parser, with a page, and not also a web page (a polyglot)."""

import io
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from gemeenten.models import Commitment
from kern.tenancy import gemeente_scope
from tests.urls import url

from .test_commitments import mandaat_data, tiny_pdf


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def media_files():
    root = Path(django_settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def pdf_upload(content=None, name="verklaring.pdf"):
    return SimpleUploadedFile(
        name, content if content is not None else tiny_pdf(), "application/pdf"
    )


def written_pdf(pages=1):
    """A PDF as pypdf writes it, with this many blank pages."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def mandaat(client, beleidsadviseur, gemeente_a, proeftuin, django_capture_on_commit_callbacks):
    client.force_login(beleidsadviseur)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("commitment_new", gemeente_a), {**mandaat_data(proeftuin), "document": pdf_upload()}
        )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        return Commitment.objects.get()


def edit(client, gemeente_a, proeftuin, mandaat, **data):
    return client.post(
        url("commitment_edit", gemeente_a, pk=mandaat.pk),
        {**mandaat_data(proeftuin), "version": mandaat.version, **data},
    )


def stored(gemeente, pk):
    with gemeente_scope(gemeente):
        return Commitment.objects.get(pk=pk)


def test_a_replaced_statement_is_removed_from_the_storage_once_the_change_is_committed(
    client, gemeente_a, proeftuin, mandaat, django_capture_on_commit_callbacks
):
    old = mandaat.document.name
    assert media_files() == [old]
    with django_capture_on_commit_callbacks() as callbacks:
        response = edit(client, gemeente_a, proeftuin, mandaat, document=pdf_upload(written_pdf()))
        assert response.status_code == 302
        new = stored(gemeente_a, mandaat.pk).document.name
        # Until the commit the old file stays: a rollback would still point to it.
        assert sorted(media_files()) == sorted([old, new])
    for callback in callbacks:
        callback()
    assert new != old
    assert media_files() == [new]


def test_an_erased_statement_is_removed_from_the_storage(
    client, gemeente_a, proeftuin, mandaat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, gemeente_a, proeftuin, mandaat, **{"document-clear": "on"})
    assert response.status_code == 302
    assert not stored(gemeente_a, mandaat.pk).document
    assert media_files() == []


def test_deleting_the_mandate_removes_its_statement(
    client, gemeente_a, mandaat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("commitment_delete", gemeente_a, pk=mandaat.pk))
    assert response.status_code == 302
    assert media_files() == []


def test_a_stale_edit_with_a_new_statement_keeps_the_old_one_and_stores_nothing_new(
    client, gemeente_a, proeftuin, mandaat, django_capture_on_commit_callbacks
):
    old = mandaat.document.name
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(
            client,
            gemeente_a,
            proeftuin,
            mandaat,
            document=pdf_upload(written_pdf()),
            version=mandaat.version - 1,
        )
    assert response.status_code == 400
    assert stored(gemeente_a, mandaat.pk).document.name == old
    assert media_files() == [old]


def test_an_unchanged_statement_stays_when_other_fields_change(
    client, gemeente_a, proeftuin, mandaat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, gemeente_a, proeftuin, mandaat, mandaat_functie="burgemeester")
    assert response.status_code == 302
    assert media_files() == [mandaat.document.name]


def refused(client, gemeente_a, proeftuin, content):
    response = client.post(
        url("commitment_new", gemeente_a),
        {**mandaat_data(proeftuin), "document": pdf_upload(content)},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors.as_data()
    assert list(errors) == ["document"]
    # The other fields come back as typed.
    assert 'value="Wanda Wethouder"' in response.text
    with gemeente_scope(gemeente_a):
        assert not Commitment.objects.exists()
    assert media_files() == []
    return errors["document"][0].code


@pytest.mark.parametrize(
    "html",
    [
        b"<html><body><script>alert(document.cookie)</script></body></html>",
        b"<!DOCTYPE html><p>hallo</p>",
        b"<SCRIPT src=//example.org/x.js></SCRIPT>",
    ],
)
def test_a_pdf_that_is_also_a_web_page_is_refused(
    client, beleidsadviseur, gemeente_a, proeftuin, html
):
    client.force_login(beleidsadviseur)
    polyglot = tiny_pdf().replace(b"%PDF-1.4\n", b"%PDF-1.4\n%" + html + b"\n", 1)
    assert refused(client, gemeente_a, proeftuin, polyglot) == "polyglot_pdf"


def test_a_file_with_a_pdf_header_and_trailer_but_no_pdf_inside_is_refused(
    client, beleidsadviseur, gemeente_a, proeftuin
):
    client.force_login(beleidsadviseur)
    fake = b"%PDF-1.7\nthis is no pdf at all, only its first and last line\n%%EOF\n"
    assert refused(client, gemeente_a, proeftuin, fake) == "damaged_pdf"


def test_a_pdf_without_pages_is_refused(client, beleidsadviseur, gemeente_a, proeftuin):
    client.force_login(beleidsadviseur)
    assert refused(client, gemeente_a, proeftuin, written_pdf(pages=0)) == "empty_pdf"


def test_a_real_pdf_is_accepted_and_stored_as_sent(
    client, beleidsadviseur, gemeente_a, proeftuin, django_capture_on_commit_callbacks
):
    client.force_login(beleidsadviseur)
    content = written_pdf(pages=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("commitment_new", gemeente_a),
            {**mandaat_data(proeftuin), "document": pdf_upload(content)},
        )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        document = Commitment.objects.get().document
        with document.open("rb") as handle:
            assert handle.read() == content
