"""HTML to PDF with WeasyPrint, fetching nothing from outside the app.

The printed HTML names our own files under a made-up origin (``INTERNAL_ORIGIN``):
``/static/…`` is served from the static files (the finders, else STATIC_ROOT), ``/media/…`` from
MEDIA_ROOT, ``data:`` URLs are decoded; every other URL (http(s) elsewhere, file://, ftp …) is
refused, so a link pasted into a text can never make the worker fetch something."""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils._os import safe_join

logger = logging.getLogger(__name__)
# WeasyPrint reports every layout step, fontTools every font it reads: not news for our logs.
for noisy in ("weasyprint.progress", "fontTools"):
    logging.getLogger(noisy).setLevel(logging.WARNING)

# The origin the printed HTML is read from; it resolves to nothing on any network.
INTERNAL_ORIGIN = "https://logboek.proeftuin.invalid"


class Refused(ValueError):
    """A URL outside the app's own files."""


def _static_path(relative):
    found = finders.find(relative)
    if found:
        return Path(found)
    if settings.STATIC_ROOT:
        return Path(safe_join(settings.STATIC_ROOT, relative))
    return None


def local_path(url) -> Path:
    """The file on disk of one of our own URLs, or ``Refused``."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != INTERNAL_ORIGIN:
        raise Refused(url)
    path = unquote(parts.path)
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    media_prefix = "/" + settings.MEDIA_URL.strip("/") + "/"
    try:
        if path.startswith(static_prefix):
            found = _static_path(path.removeprefix(static_prefix))
        elif path.startswith(media_prefix):
            found = Path(safe_join(settings.MEDIA_ROOT, path.removeprefix(media_prefix)))
        else:
            found = None
    except Exception as error:  # safe_join refuses a path that leaves its folder
        raise Refused(url) from error
    if found is None or not found.is_file():
        raise Refused(url)
    return found


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OwnFiles(URLFetcher):
        """Serves our static and media files and data: URLs; refuses everything else."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            try:
                path = local_path(url)
            except Refused:
                logger.warning("The logboek refused to fetch a URL outside the app.")
                raise
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if path.suffix == ".ttf":
                mime = "font/ttf"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return OwnFiles


def url_fetcher():
    return _fetcher_class()(timeout=5, allow_redirects=False)


def layout(html: str):
    """WeasyPrint's layout of the HTML: a document with pages (the slow part)."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    return HTML(string=html, base_url=INTERNAL_ORIGIN + "/", url_fetcher=url_fetcher()).render(
        font_config=FontConfiguration()
    )


# Every PDF is tagged for accessibility (PDF/UA-1): a structure tree, the language of the
# document (``<html lang>``) and its title (``<title>``) shown as the window title.
PDF_VARIANT = "pdf/ua-1"

# The class of the concept mark: a fixed element, so WeasyPrint repeats it on every page.
CONCEPT_MARK = "concept-stempel"


def write(document) -> bytes:
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def leave_out(document, css_class):
    """Take the boxes of the elements with this class out of the laid-out pages, so the same
    layout is written once with them and once without (one layout instead of two: it is the
    slow part). Only for an element that takes no room in the flow (a fixed one), or the
    pages would not close up. Reaches into WeasyPrint's box tree; tests/oogst/logboek/
    test_pdf.py checks that the mark is gone, so an upgrade that moves it fails there."""

    def marked(box):
        box = getattr(box, "_box", box)  # an AbsolutePlaceholder stands for its box
        element = getattr(box, "element", None)
        return element is not None and css_class in (element.get("class") or "").split()

    def prune(box):
        children = getattr(box, "children", None)
        if not children:
            return
        box.children = [child for child in children if not marked(child)]
        for child in box.children:
            prune(getattr(child, "_box", child))

    for page in document.pages:
        page_box = getattr(page, "_page_box", None)
        if page_box is None:
            continue
        prune(page_box)
        if hasattr(page_box, "fixed_boxes"):
            page_box.fixed_boxes = [b for b in page_box.fixed_boxes if not marked(b)]
    return document


def render_pdf(html: str) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    document = layout(html)
    return write(document), len(document.pages)
