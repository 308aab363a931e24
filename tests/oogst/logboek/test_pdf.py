"""The Logboek Oogst as a document: the text extracted from the PDF matches the data, the
contents page points at the right pages, no casus text and no unconsented story is printed,
WeasyPrint fetches nothing from outside the app, and assembling the data takes a fixed number
of queries."""

import re
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kern.tenancy import gemeente_scope
from oogst.logboek import content, document, pdf, services
from oogst.logboek.models import LogboekVersie, RenderStatus
from tests.oogst.factories import LesFactory, LogboekVersieFactory
from tests.scopes import every_gemeente

from .data import (
    CASUS_GEHEIM,
    INZICHT_GEHEIM,
    KNELPUNT_GEHEIM,
    VERHAAL_MET,
    VERHAAL_ZONDER,
    VOORWOORD,
    pdf_pages,
    pdf_structure,
    proeftuin_of,
    vul,
)


def nl(msgid):
    with translation.override("nl"):
        return gettext(msgid)


_RENDERED = {}


@pytest.fixture
def gerenderd(gemeente_a):
    """The logboek of a full proeftuin, rendered once for the tests that only read it (a
    render takes seconds; the data are the same each time)."""
    if "once" in _RENDERED:
        return _RENDERED["once"]
    expected = vul(gemeente_a)
    with gemeente_scope(gemeente_a):
        data = content.collect(proeftuin_of(gemeente_a))
        html = document.html(data)
        chapters = document.chapters(data)
    pdf_bytes, paginas = pdf.render_pdf(html)
    expected.pop("proeftuin")
    _RENDERED["once"] = {
        "pages": pdf_pages(pdf_bytes),
        "paginas": paginas,
        "chapters": chapters,
        **expected,
    }
    return _RENDERED["once"]


@pytest.mark.slow
def test_the_pdf_starts_with_a_cover_and_has_every_chapter(gerenderd):
    pages = gerenderd["pages"]
    assert len(pages) == gerenderd["paginas"] >= 10
    assert "Amersfoort-Test" in pages[0]
    text = " ".join(pages)
    for chapter in gerenderd["chapters"]:
        assert chapter["titel"] in text
    keys = [c["key"] for c in gerenderd["chapters"]]
    assert keys[:3] == ["voorwoord", "cijfers", "partners"]
    assert {"netwerk", "resultaten", "lessen", "verhalen", "verder"} <= set(keys)


def test_the_numbers_in_the_pdf_match_the_data(gerenderd):
    text = " ".join(gerenderd["pages"])
    for count, label in (
        ("casussen", "casussen brought in"),
        ("bijeenkomsten", "meetings held"),
        ("aanwezig", "times someone attended a meeting"),
        ("verbeteracties", "improvement actions"),
    ):
        assert re.search(rf"(?<!\d){gerenderd[count]} ?{re.escape(nl(label))}", text), label
    # Every meeting in the timeline with its attendance (2 members + 1 guest).
    assert text.count(nl("Inventarisatie 1")) >= 1
    assert "Inventarisatie 2" in text


def test_the_contents_page_numbers_point_at_the_chapters(gerenderd):
    pages = gerenderd["pages"]
    toc = pages[1]
    for chapter in gerenderd["chapters"]:
        match = re.search(re.escape(chapter["titel"]) + r"[\s.]*?(\d+)", toc)
        assert match, chapter["titel"]
        page = int(match.group(1))
        assert chapter["titel"] in pages[page - 1], (chapter["titel"], page)
        assert chapter["titel"] not in pages[page - 2] or page - 2 == 1


def test_the_foreword_the_facilitator_wrote_opens_the_logboek(gerenderd):
    chapter = gerenderd["chapters"][0]
    assert chapter["key"] == "voorwoord"
    assert VOORWOORD in " ".join(gerenderd["pages"][2:4])


def test_a_consented_story_is_printed_and_an_unconsented_one_is_not(gerenderd):
    text = " ".join(gerenderd["pages"])
    assert VERHAAL_MET in text
    assert VERHAAL_ZONDER not in text


def test_no_casus_knelpunt_or_inzicht_text_is_printed(gerenderd):
    text = " ".join(gerenderd["pages"])
    for secret in (CASUS_GEHEIM, KNELPUNT_GEHEIM, INZICHT_GEHEIM, "Een concept telt niet mee"):
        assert secret not in text
    for word in ("Jansen", "Dorpsstraat", "Slingeland", "Pietersen"):
        assert word not in text


@pytest.mark.slow
def test_a_chapter_without_content_is_left_out(gemeente_a):
    vul(gemeente_a, voorwoord=False)
    with gemeente_scope(gemeente_a):
        data = content.collect(proeftuin_of(gemeente_a))
    assert "voorwoord" not in [c["key"] for c in document.chapters(data)]


def _section_classes(html, key):
    match = re.search(rf'<section class="([^"]*)" id="{key}">', html)
    assert match, key
    return match.group(1).split()


def test_a_chapter_with_one_row_flows_on_and_a_longer_one_opens_a_page(gemeente_a):
    vul(gemeente_a)  # one lesson, one consented story, three casussen
    proeftuin = proeftuin_of(gemeente_a)
    with gemeente_scope(gemeente_a):
        html = document.html(content.collect(proeftuin))
    for key in ("lessen", "verhalen"):
        assert "hoofdstuk--pagina" not in _section_classes(html, key), key
        assert "hoofdstuk--doorlopend" in _section_classes(html, key), key
    for key in ("voorwoord", "cijfers", "casussen", "netwerk", "resultaten"):
        assert "hoofdstuk--pagina" in _section_classes(html, key), key

    with every_gemeente():
        for n in range(document.FLOWING_ROWS):
            LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel=f"Nog een les {n}")
    with gemeente_scope(gemeente_a):
        html = document.html(content.collect(proeftuin))
    assert "hoofdstuk--pagina" in _section_classes(html, "lessen")


def test_the_print_css_breaks_the_page_only_before_a_chapter_that_opens_one():
    css = (settings.BASE_DIR / "static" / "css" / "logboek.css").read_text()
    rules = dict(re.findall(r"^(\.hoofdstuk[\w-]*) \{([^}]*)\}", css, re.MULTILINE))
    assert "break-before: page" in rules[".hoofdstuk--pagina"]
    assert "break-before" not in rules.get(".hoofdstuk", "")
    assert "break-before" not in rules[".hoofdstuk--doorlopend"]
    assert "min-height" not in rules[".hoofdstuk--doorlopend"]


@pytest.mark.slow
def test_short_chapters_share_a_page_in_the_pdf(gerenderd):
    """Lessons and stories (one each) follow on one page instead of a page each."""
    titles = {c["key"]: c["titel"] for c in gerenderd["chapters"]}
    pages = gerenderd["pages"]
    lessen = next(i for i, p in enumerate(pages) if i > 1 and titles["lessen"] in p)
    assert titles["verhalen"] in pages[lessen]


@pytest.mark.slow
def test_a_concept_is_marked_on_every_page_and_the_published_version_is_not(
    client, facilitator, member, gemeente_a, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.LOGBOEK_HARTSLAG_INTERVAL = 0
    proeftuin = proeftuin_of(gemeente_a)
    with every_gemeente():
        versie = LogboekVersieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, nummer=1, status=RenderStatus.WACHTRIJ
        )
    with gemeente_scope(gemeente_a):
        assert services.render(LogboekVersie, versie.pk, gemeente_a.pk)
    download = reverse(
        "oogst:logboek_pdf", kwargs={"gemeente_slug": gemeente_a.slug, "pk": versie.pk}
    )

    client.force_login(facilitator)
    concept = b"".join(client.get(download).streaming_content)
    pages = pdf_pages(concept)
    assert len(pages) >= 3
    assert all("CONCEPT" in page for page in pages), pages
    assert pdf_structure(concept) == {
        "tagged": True,
        "lang": "nl",
        "title": f"Logboek Oogst {gemeente_a.naam}",
    }

    client.post(
        reverse(
            "oogst:logboek_publiceren", kwargs={"gemeente_slug": gemeente_a.slug, "pk": versie.pk}
        )
    )
    client.force_login(member)
    published = b"".join(client.get(download).streaming_content)
    assert len(pdf_pages(published)) == len(pages)
    assert not any("CONCEPT" in page for page in pdf_pages(published))
    assert pdf_structure(published) == pdf_structure(concept)


@pytest.fixture
def no_network(monkeypatch):
    calls = []

    def refuse(self, *args, **kwargs):
        calls.append(args)
        raise AssertionError("WeasyPrint tried to open a URL")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    return calls


def test_an_external_url_in_the_html_is_refused_and_not_fetched(no_network, monkeypatch):
    asked, refused = [], []
    real_local_path = pdf.local_path

    def local_path(url):
        asked.append(url)
        try:
            return real_local_path(url)
        except pdf.Refused:
            refused.append(url)
            raise

    monkeypatch.setattr(pdf, "local_path", local_path)
    html = (
        '<html><head><link rel="stylesheet" href="https://example.org/evil.css">'
        '<link rel="stylesheet" href="/static/css/logboek.css"></head><body>'
        '<img src="http://example.org/track.png" alt="">'
        '<img src="file:///etc/passwd" alt="">'
        '<img src="/static/../../../../etc/passwd" alt="">'
        '<img src="/media/../../../etc/passwd" alt="">'
        "<p>Tekst</p></body></html>"
    )
    data, paginas = pdf.render_pdf(html)
    assert data.startswith(b"%PDF") and paginas == 1
    assert no_network == []
    # Every URL went through our fetcher; the outside ones and the escapes were refused, our own
    # stylesheet was served.
    assert {
        "https://example.org/evil.css",
        "http://example.org/track.png",
        "file:///etc/passwd",
    } <= set(refused)
    assert pdf.INTERNAL_ORIGIN + "/etc/passwd" in refused  # the ../ escapes, resolved by WeasyPrint
    served = [url for url in asked if url not in refused]
    assert pdf.INTERNAL_ORIGIN + "/static/css/logboek.css" in served
    assert all(url.startswith(pdf.INTERNAL_ORIGIN + "/static/") for url in served)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/x.png",
        "http://127.0.0.1:8000/static/css/logboek.css",
        "file:///etc/passwd",
        f"{pdf.INTERNAL_ORIGIN}/static/../../etc/passwd",
        f"{pdf.INTERNAL_ORIGIN}/media/../settings.py",
        f"{pdf.INTERNAL_ORIGIN}/elders/bestand.css",
        "ftp://example.org/x",
    ],
)
def test_the_fetcher_refuses_everything_but_our_own_files(url, no_network):
    with pytest.raises(pdf.Refused):
        pdf.url_fetcher().fetch(url)
    assert no_network == []


def test_the_fetcher_serves_our_static_files_media_and_data_urls(settings, tmp_path):
    css = pdf.url_fetcher().fetch(f"{pdf.INTERNAL_ORIGIN}/static/css/logboek.css")
    assert b"@page" in css.read()
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logo.svg").write_text("<svg/>")
    assert pdf.url_fetcher().fetch(f"{pdf.INTERNAL_ORIGIN}/media/logo.svg").read() == b"<svg/>"
    assert pdf.url_fetcher().fetch("data:text/plain,hallo").read() == b"hallo"


def _queries(gemeente):
    with gemeente_scope(gemeente), CaptureQueriesContext(connection) as queries:
        data = content.collect(proeftuin_of(gemeente))
        document.html(data)
    return [q["sql"] for q in queries if "set_config(" not in q["sql"]]


@pytest.mark.slow
def test_assembling_the_logboek_takes_the_same_queries_with_four_times_the_data(
    gemeente_a, gemeente_b
):
    vul(gemeente_a, times=1)
    vul(gemeente_b, times=4)
    small, large = _queries(gemeente_a), _queries(gemeente_b)
    assert len(small) == len(large), "\n".join(large)
    assert len(small) <= 40
