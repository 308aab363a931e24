"""The combined Logboek Oogst of a facilitator across gemeenten: one PDF with a shared
introduction, a comparison and a part per gemeente; only for the facilitator who asked, and only
while they still facilitate every gemeente in it."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from gemeenten.models import Lidmaatschap, Proeftuin
from kern.permissions import Rol
from oogst.logboek import services, tasks
from oogst.logboek.models import GecombineerdLogboek, RenderStatus
from tests.factories import LidmaatschapFactory
from tests.scopes import every_gemeente

from .data import CASUS_GEHEIM, VOORWOORD, pdf_pages, pdf_structure, proeftuin_of, vul

LIJST = reverse("logboeken:lijst")
INLEIDING = "Drie gemeenten, één vraag: hoe blijven we elkaar kennen na de proeftuin?"


@pytest.fixture(autouse=True)
def _logboek_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.LOGBOEK_HARTSLAG_INTERVAL = 0


@pytest.fixture
def facilitator_ab(facilitator, gemeente_b):
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_b, user=facilitator, role=Rol.FACILITATOR)
    return facilitator


def _job(user, gemeenten, **kwargs):
    with every_gemeente():
        proeftuinen = [proeftuin_of(g) for g in gemeenten]
    naam = default_storage.save("logboek/gecombineerd-test.pdf", ContentFile(b"%PDF-1.7 x"))
    job = GecombineerdLogboek.objects.create(
        proeftuinen=[[p.gemeente_id, p.pk] for p in proeftuinen],
        titel="Logboek Oogst proeftuinen A en B",
        aangevraagd_door=user,
        status=RenderStatus.KLAAR,
        bestand=naam,
        paginas=2,
        grootte=10,
        **kwargs,
    )
    job.gemeenten.set(gemeenten)
    return job


def test_the_title_names_the_gemeenten_like_a_publication():
    titel = services.combined_title(["Maarssen", "Zundert", "Roermond"])
    assert titel.startswith("Logboek Oogst proeftuinen Maarssen, Zundert ")
    assert titel.endswith(" Roermond")


@pytest.mark.slow
def test_a_facilitator_of_two_gemeenten_gets_one_combined_pdf(
    client, facilitator_ab, gemeente_a, gemeente_b, django_capture_on_commit_callbacks, monkeypatch
):
    vul(gemeente_a)
    vul(gemeente_b)
    scopes = []
    original = tasks.render_combined.apply_async

    def spy(args, **kwargs):
        scopes.append(args[0])
        return original(args, **kwargs)

    monkeypatch.setattr(tasks.render_combined, "apply_async", spy)
    a, b = proeftuin_of(gemeente_a), proeftuin_of(gemeente_b)
    client.force_login(facilitator_ab)
    assert client.get(LIJST).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(LIJST, {"proeftuinen": [a.pk, b.pk], "inleiding": INLEIDING})
    job = GecombineerdLogboek.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "logboeken:detail", args=[job.pk]
    )
    # The task's scope spans exactly the two gemeenten.
    assert scopes == [sorted([gemeente_a.pk, gemeente_b.pk])]
    assert job.status == RenderStatus.KLAAR and job.paginas > 10
    assert client.get(reverse("logboeken:detail", args=[job.pk])).status_code == 200
    download = client.get(reverse("logboeken:pdf", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    data = b"".join(download.streaming_content)
    assert pdf_structure(data) == {"tagged": True, "lang": "nl", "title": job.titel}
    pages = pdf_pages(data)
    assert "Amersfoort-Test" in pages[0] and "Bergen-Test" in pages[0]
    assert not any("CONCEPT" in page for page in pages)  # not a version to publish
    text = " ".join(pages)
    assert INLEIDING in text
    assert text.count(VOORWOORD) == 2  # each part opens with its own foreword
    assert CASUS_GEHEIM not in text


def test_choosing_fewer_than_two_proeftuinen_is_a_clear_error(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    response = client.post(LIJST, {"proeftuinen": [proeftuin_of(gemeente_a).pk]})
    assert response.status_code == 200
    assert not GecombineerdLogboek.objects.exists()


def test_a_proeftuin_of_a_gemeente_she_does_not_facilitate_is_refused(
    client, facilitator, gemeente_a, gemeente_b
):
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_b, user=facilitator, role=Rol.PROFESSIONAL)
    client.force_login(facilitator)
    page = client.get(LIJST).content.decode()
    assert "Bergen-Test" not in page
    ids = [proeftuin_of(gemeente_a).pk, proeftuin_of(gemeente_b).pk]
    assert client.post(LIJST, {"proeftuinen": ids}).status_code == 403
    with every_gemeente():
        other = Proeftuin.objects.create(
            gemeente=gemeente_b, naam="X", start="2026-01-01", eind="2026-12-31"
        )
    assert client.post(LIJST, {"proeftuinen": [ids[0], other.pk]}).status_code == 403
    assert not GecombineerdLogboek.objects.exists()


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_someone_who_facilitates_nowhere_may_not_make_one(who, request, client):
    client.force_login(request.getfixturevalue(who))
    assert client.get(LIJST).status_code == 403
    assert client.post(LIJST, {}).status_code == 403


def test_after_losing_one_membership_the_combined_logboek_is_gone(
    client, facilitator_ab, gemeente_a, gemeente_b
):
    job = _job(facilitator_ab, [gemeente_a, gemeente_b])
    client.force_login(facilitator_ab)
    assert client.get(reverse("logboeken:pdf", args=[job.pk])).status_code == 200
    assert job.titel in client.get(LIJST).content.decode()
    with every_gemeente():
        Lidmaatschap.objects.filter(user=facilitator_ab, gemeente=gemeente_b).delete()
    assert client.get(reverse("logboeken:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("logboeken:pdf", args=[job.pk])).status_code == 404
    assert job.titel not in client.get(LIJST).content.decode()


def test_a_facilitator_who_became_a_professional_in_one_gemeente_loses_it_too(
    client, facilitator_ab, gemeente_a, gemeente_b
):
    job = _job(facilitator_ab, [gemeente_a, gemeente_b])
    with every_gemeente():
        Lidmaatschap.objects.filter(user=facilitator_ab, gemeente=gemeente_b).update(
            role=Rol.PROFESSIONAL
        )
    client.force_login(facilitator_ab)
    assert client.get(reverse("logboeken:pdf", args=[job.pk])).status_code == 404


def test_another_facilitator_of_the_same_gemeenten_cannot_see_it(
    client, facilitator_ab, gemeente_a, gemeente_b
):
    job = _job(facilitator_ab, [gemeente_a, gemeente_b])
    with every_gemeente():
        other = LidmaatschapFactory(gemeente=gemeente_a, role=Rol.FACILITATOR).user
        LidmaatschapFactory(gemeente=gemeente_b, user=other, role=Rol.FACILITATOR)
    client.force_login(other)
    assert client.get(reverse("logboeken:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("logboeken:pdf", args=[job.pk])).status_code == 404


def test_the_progress_of_a_combined_logboek_polls_until_done(
    client, facilitator_ab, gemeente_a, gemeente_b
):
    job = _job(facilitator_ab, [gemeente_a, gemeente_b])
    GecombineerdLogboek.objects.filter(pk=job.pk).update(status=RenderStatus.BEZIG, voortgang=35)
    client.force_login(facilitator_ab)
    detail = reverse("logboeken:detail", args=[job.pk])
    assert client.get(detail, HTTP_HX_REQUEST="true").status_code == 200
    GecombineerdLogboek.objects.filter(pk=job.pk).update(status=RenderStatus.KLAAR)
    assert client.get(detail, HTTP_HX_REQUEST="true").status_code == 286
