"""The proeftuin pages: everyone reads them; only a facilitator creates and edits."""

import datetime

import pytest

from gemeenten.models import FaseOvergang, Proeftuin, Wijziging
from kern.tenancy import gemeente_scope
from tests.factories import KerngroeplidFactory, ProeftuinFactory
from tests.scopes import every_gemeente
from tests.urls import url


def form_data(proeftuin=None, **changes):
    data = {
        "naam": "Léven tot het Einde Amersfoort",
        "thema": "Naasten eerder betrekken",
        "start": "2026-02-01",
        "eind": "2027-01-31",
        "trekker": "Tineke Trekker, Welzijn A",
    }
    if proeftuin is not None:
        data["version"] = proeftuin.version
    return {**data, **changes}


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_members_without_the_role_read_but_cannot_create_or_edit(
    who, request, client, proeftuin, gemeente_a
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url("proeftuinen", gemeente_a)).status_code == 200
    page = client.get(url("proeftuin", gemeente_a, pk=proeftuin.pk))
    assert page.status_code == 200
    assert url("proeftuin_edit", gemeente_a, pk=proeftuin.pk) not in page.text
    assert client.get(url("proeftuin_create", gemeente_a)).status_code == 403
    assert client.post(url("proeftuin_create", gemeente_a), form_data()).status_code == 403
    edit = url("proeftuin_edit", gemeente_a, pk=proeftuin.pk)
    assert client.post(edit, form_data(proeftuin, naam="Gekaapt")).status_code == 403
    with gemeente_scope(gemeente_a):
        assert Proeftuin.objects.count() == 1
        assert Proeftuin.objects.get().naam == "Proeftuin A"


def test_the_list_links_every_proeftuin_and_offers_a_new_one_to_the_facilitator(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    page = client.get(url("proeftuinen", gemeente_a))
    assert proeftuin.get_absolute_url() in page.text
    assert url("proeftuin_create", gemeente_a) in page.text


def test_a_facilitator_creates_a_proeftuin_that_starts_its_phase_history(
    client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    response = client.post(url("proeftuin_create", gemeente_a), form_data())
    with gemeente_scope(gemeente_a):
        nieuw = Proeftuin.objects.get(naam="Léven tot het Einde Amersfoort")
        assert response.status_code == 302
        assert response["Location"] == nieuw.get_absolute_url()
        assert nieuw.fase == "startbijeenkomst"
        assert nieuw.trekker == "Tineke Trekker, Welzijn A"
        overgang = FaseOvergang.objects.get(proeftuin=nieuw)
        assert (overgang.van, overgang.naar, overgang.by) == ("", "startbijeenkomst", facilitator)
        wijziging = Wijziging.objects.of(nieuw).get()
        assert wijziging.actie == Wijziging.Actie.AANGEMAAKT
        assert wijziging.by == facilitator


def test_an_edit_is_recorded_in_the_history(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    response = client.post(
        url("proeftuin_edit", gemeente_a, pk=proeftuin.pk),
        form_data(proeftuin, naam="Proeftuin A", trekker="Truus"),
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        proeftuin.refresh_from_db()
        assert proeftuin.trekker == "Truus"
        assert proeftuin.version == 2
        wijziging = Wijziging.objects.of(proeftuin).get()
        assert wijziging.actie == Wijziging.Actie.GEWIJZIGD
        assert "Truus" in str(wijziging.rows)


def test_an_end_before_the_start_is_refused_at_the_field_with_the_input_kept(
    client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    response = client.post(
        url("proeftuin_create", gemeente_a), form_data(start="2026-06-01", eind="2026-05-01")
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["eind"]
    assert 'value="2026-06-01"' in response.text
    assert 'aria-invalid="true"' in response.text
    with gemeente_scope(gemeente_a):
        assert Proeftuin.objects.count() == 1


def test_a_date_that_is_no_date_is_refused_at_the_field(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    response = client.post(url("proeftuin_create", gemeente_a), form_data(start="morgen"))
    assert response.status_code == 400
    assert "start" in response.context["form"].errors


def test_a_stale_form_shows_a_clear_error_keeps_the_input_and_saves_nothing(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    stale = form_data(proeftuin, naam="Mijn versie")
    with gemeente_scope(gemeente_a):
        proeftuin.naam = "Andermans versie"
        proeftuin.version += 1
        proeftuin.save()
    response = client.post(url("proeftuin_edit", gemeente_a, pk=proeftuin.pk), stale)
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert 'role="alert"' in response.text
    assert 'value="Mijn versie"' in response.text
    with gemeente_scope(gemeente_a):
        proeftuin.refresh_from_db()
        assert proeftuin.naam == "Andermans versie"
        assert not Wijziging.objects.of(proeftuin).exists()


def test_the_page_shows_the_kerngroep_of_the_partners(client, member, proeftuin, gemeente_a):
    with every_gemeente():
        KerngroeplidFactory(gemeente=gemeente_a, naam="Karin Kerngroep", functie="Sociaal werker")
    client.force_login(member)
    page = client.get(url("proeftuin", gemeente_a, pk=proeftuin.pk))
    assert "Karin Kerngroep" in page.text
    assert "Sociaal werker" in page.text


def test_the_page_marks_the_current_phase_in_the_timeline(client, member, proeftuin, gemeente_a):
    with gemeente_scope(gemeente_a):
        Proeftuin.objects.filter(pk=proeftuin.pk).update(fase="verbeteren")
    client.force_login(member)
    page = client.get(url("proeftuin", gemeente_a, pk=proeftuin.pk))
    assert page.text.count('aria-current="step"') == 1
    assert [step["state"] for step in page.context["timeline"]] == [
        "done",
        "done",
        "current",
        "todo",
    ]


def test_another_gemeentes_proeftuin_is_not_found(client, facilitator, gemeente_a, gemeente_b):
    with every_gemeente():
        other = ProeftuinFactory(gemeente=gemeente_b, start=datetime.date(2026, 1, 1))
    client.force_login(facilitator)
    assert client.get(url("proeftuin", gemeente_a, pk=other.pk)).status_code == 404
    assert client.get(url("proeftuin", gemeente_b, pk=other.pk)).status_code == 404
