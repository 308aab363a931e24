"""The Logboek Oogst journey: the facilitator of Oude IJsselstreek makes a concept, watches its
progress in the page (htmx polling while the render runs elsewhere), downloads the PDF and
publishes it; a professional downloads the published version."""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from gemeenten.models import Gemeente
from kern.tenancy import gemeente_scope
from oogst.logboek import services, tasks
from oogst.logboek.models import LogboekVersie, RenderStatus

from .test_journeys import FACILITATOR, HUISARTS, log_in, log_out

pytestmark = pytest.mark.browser

PAGE = "/g/oude-ijsselstreek/oogst/logboek/"
# Dutch once the lead has merged locale/nl/parts/logboek.po; the English msgid until then.
CONCEPT_MAKEN = re.compile("Concept maken|Make a concept")
DOWNLOAD = re.compile("Download de pdf|Download the PDF")
PUBLICEREN = re.compile("Publiceren als definitief|Publish as final")
JA = re.compile("Ja, publiceren|Yes, publish")
DOWNLOAD_DEFINITIEF = re.compile(
    r"Download het Logboek Oogst \(pdf\)|Download the Logboek Oogst \(PDF\)"
)


def _pages(download):
    from pypdf import PdfReader

    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    return len(PdfReader(io.BytesIO(data)).pages)


def test_the_facilitator_makes_and_publishes_the_logboek_and_a_professional_downloads_it(
    browsing, demo, monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    gemeente = Gemeente.objects.get(slug="oude-ijsselstreek")
    # The render is handed to "the broker" and runs below, while the page polls.
    queued = []
    monkeypatch.setattr(tasks.render_logboek, "apply_async", lambda args, **kw: queued.append(args))

    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)
    browsing.goto(page, PAGE)
    main = page.get_by_role("main")
    browsing.submit(page, main.get_by_role("button", name=CONCEPT_MAKEN))
    assert len(queued) == 1
    status = main.get_by_role("status").filter(has=page.locator("progress"))
    expect(status.locator("progress")).to_be_visible()
    browsing.check(page)

    with gemeente_scope(gemeente):
        versie = LogboekVersie.objects.get(status=RenderStatus.WACHTRIJ)
        assert services.render(LogboekVersie, versie.pk, gemeente.pk)

    # The polling picks it up without a reload.
    download_link = main.get_by_role("link", name=DOWNLOAD)
    expect(download_link).to_be_visible(timeout=30_000)
    with page.expect_download() as info:
        download_link.click()
    assert _pages(info.value) >= 8
    assert info.value.suggested_filename.startswith("logboek-oogst-oude-ijsselstreek-v")

    browsing.submit(page, main.get_by_role("link", name=PUBLICEREN))
    browsing.submit(page, main.get_by_role("button", name=JA))
    with gemeente_scope(gemeente):
        versie.refresh_from_db()
        assert versie.definitief
    log_out(browsing, page)

    log_in(browsing, page, HUISARTS)
    browsing.goto(page, PAGE)
    expect(main.get_by_role("button", name=CONCEPT_MAKEN)).to_have_count(0)
    with page.expect_download() as info:
        main.get_by_role("link", name=DOWNLOAD_DEFINITIEF).click()
    assert _pages(info.value) >= 8
    browsing.finish()
