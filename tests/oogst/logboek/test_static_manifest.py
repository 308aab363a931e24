"""The logboek renders before ``collectstatic``: with the production static storage (a manifest
of hashed names) and no manifest yet, as when ``manage.py demo`` runs on a fresh deploy, the PDF
still gets its stylesheet and fonts (read from the static files, not through the manifest)."""

import io

import pytest
from pypdf import PdfReader

from kern.tenancy import gemeente_scope
from oogst.logboek import services
from oogst.logboek.models import LogboekVersie, RenderStatus
from tests.scopes import every_gemeente

from .data import proeftuin_of, vul

pytestmark = pytest.mark.slow


@pytest.fixture
def manifest_without_manifest(settings, tmp_path):
    settings.DEBUG = False  # the manifest is strict outside DEBUG, as in production
    settings.STATIC_ROOT = tmp_path / "static"  # collectstatic has not run: empty
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_logboek_renders_with_its_fonts_before_collectstatic(
    gemeente_a, facilitator, manifest_without_manifest
):
    from django.contrib.staticfiles.storage import staticfiles_storage

    with pytest.raises(ValueError, match="manifest"):
        staticfiles_storage.url("css/logboek.css")  # the situation this is about
    vul(gemeente_a)
    with every_gemeente():
        versie = LogboekVersie.objects.create(
            gemeente=gemeente_a,
            proeftuin=proeftuin_of(gemeente_a),
            nummer=1,
            aangevraagd_door=facilitator,
            status=RenderStatus.WACHTRIJ,
        )
    with gemeente_scope(gemeente_a):
        services.render(LogboekVersie, versie.pk, gemeente_a.pk)
        versie.refresh_from_db()
        assert versie.status == RenderStatus.KLAAR
        with versie.bestand.open("rb") as handle:
            content = handle.read()
    # The stylesheet was applied: its own fonts are embedded, not a fallback of the machine.
    assert any("Source-Serif-4" in name for name in fonts(content))


def fonts(content: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names
