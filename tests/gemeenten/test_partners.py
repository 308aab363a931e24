"""Partners: every member reads them; facilitators and beleidsadviseurs add, change and delete."""

import pytest

from gemeenten.models import Kerngroeplid, Lidmaatschap, Organisatie, Wijziging
from kern.tenancy import gemeente_scope
from tests.factories import CommitmentFactory, OrganisatieFactory
from tests.scopes import every_gemeente
from tests.urls import url


def organisatie(gemeente, naam="Welzijn A"):
    with gemeente_scope(gemeente):
        return Organisatie.objects.get(naam=naam)


def partner_data(**overrides):
    return {
        "naam": "Thuiszorg Oost",
        "soort": Organisatie.Soort.WIJKVERPLEGING,
        "domein": "zorg",
        "contactpersoon": "",
        "contactpersoon_naam": "Tineke Terpstra",
        "contactpersoon_email": "tineke@example.org",
        **overrides,
    }


def test_a_bestuurder_reads_the_partners_but_gets_403_on_every_write(
    client, readonly_member, gemeente_a
):
    client.force_login(readonly_member)
    welzijn = organisatie(gemeente_a)
    page = client.get(url("partners", gemeente_a))
    assert page.status_code == 200
    assert "Welzijn A" in page.text
    assert url("partner_new", gemeente_a) not in page.text
    detail = client.get(url("partner", gemeente_a, pk=welzijn.pk))
    assert detail.status_code == 200
    assert url("partner_edit", gemeente_a, pk=welzijn.pk) not in detail.text
    assert url("kerngroeplid_add", gemeente_a, pk=welzijn.pk) not in detail.text

    with every_gemeente():
        lid = Kerngroeplid.objects.create(gemeente=gemeente_a, organisatie=welzijn, naam="Kees")
    writes = [
        ("get", url("partner_new", gemeente_a)),
        ("post", url("partner_new", gemeente_a)),
        ("get", url("partner_edit", gemeente_a, pk=welzijn.pk)),
        ("post", url("partner_edit", gemeente_a, pk=welzijn.pk)),
        ("get", url("partner_delete", gemeente_a, pk=welzijn.pk)),
        ("post", url("partner_delete", gemeente_a, pk=welzijn.pk)),
        ("post", url("kerngroeplid_add", gemeente_a, pk=welzijn.pk)),
        ("post", url("kerngroeplid_remove", gemeente_a, pk=lid.pk)),
    ]
    for method, address in writes:
        assert getattr(client, method)(address, partner_data()).status_code == 403, address
    with every_gemeente():
        assert Organisatie.objects.filter(gemeente=gemeente_a).count() == 1
        assert Kerngroeplid.objects.filter(pk=lid.pk).exists()


def test_a_beleidsadviseur_adds_a_partner_and_the_history_records_it(
    client, beleidsadviseur, gemeente_a
):
    client.force_login(beleidsadviseur)
    response = client.post(url("partner_new", gemeente_a), partner_data())
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        nieuw = Organisatie.objects.get(naam="Thuiszorg Oost")
        assert nieuw.contactpersoon_display == "Tineke Terpstra"
        history = list(Wijziging.objects.of(nieuw))
    assert [w.actie for w in history] == [Wijziging.Actie.AANGEMAAKT]
    assert history[0].by == beleidsadviseur
    assert response["Location"] == url("partner", gemeente_a, pk=nieuw.pk)


def test_a_member_can_be_the_contact_person(client, facilitator, member, gemeente_a):
    client.force_login(facilitator)
    with gemeente_scope(gemeente_a):
        lid = Lidmaatschap.objects.get(user=member)
    data = partner_data(contactpersoon=lid.pk, contactpersoon_naam="", contactpersoon_email="")
    assert client.post(url("partner_new", gemeente_a), data).status_code == 302
    with gemeente_scope(gemeente_a):
        assert Organisatie.objects.get(naam="Thuiszorg Oost").contactpersoon == lid


def test_a_duplicate_name_is_refused_at_the_field_and_the_input_stays(
    client, beleidsadviseur, gemeente_a
):
    client.force_login(beleidsadviseur)
    response = client.post(url("partner_new", gemeente_a), partner_data(naam="welzijn  a"))
    assert response.status_code == 400
    form = response.context["form"]
    assert "naam" in form.errors
    assert "Er is al een partner" in form.errors["naam"][0]
    assert 'value="Tineke Terpstra"' in response.text
    with every_gemeente():
        assert Organisatie.objects.filter(gemeente=gemeente_a).count() == 1


def test_the_same_name_in_another_gemeente_is_fine(client, beleidsadviseur, gemeente_a, gemeente_b):
    client.force_login(beleidsadviseur)
    data = partner_data(naam="Geheime organisatie B")
    assert client.post(url("partner_new", gemeente_a), data).status_code == 302


def test_a_member_and_a_name_as_contact_person_is_refused(
    client, beleidsadviseur, member, gemeente_a
):
    client.force_login(beleidsadviseur)
    with gemeente_scope(gemeente_a):
        lid = Lidmaatschap.objects.get(user=member)
    response = client.post(url("partner_new", gemeente_a), partner_data(contactpersoon=lid.pk))
    assert response.status_code == 400
    assert "contactpersoon_naam" in response.context["form"].errors


def test_a_stale_edit_is_refused_and_keeps_the_input(client, beleidsadviseur, gemeente_a):
    client.force_login(beleidsadviseur)
    welzijn = organisatie(gemeente_a)
    edit = url("partner_edit", gemeente_a, pk=welzijn.pk)
    first = partner_data(naam="Welzijn A", version=welzijn.version)
    assert client.post(edit, first).status_code == 302
    stale = partner_data(naam="Welzijn A-Noord", version=welzijn.version)
    response = client.post(edit, stale)
    assert response.status_code == 400
    assert "iemand anders" in response.text.lower()
    assert 'value="Welzijn A-Noord"' in response.text
    assert organisatie(gemeente_a).naam == "Welzijn A"


def test_a_change_is_shown_in_the_history_with_old_and_new_values(
    client, beleidsadviseur, gemeente_a
):
    client.force_login(beleidsadviseur)
    welzijn = organisatie(gemeente_a)
    data = partner_data(naam="Welzijn Anders", version=welzijn.version)
    client.post(url("partner_edit", gemeente_a, pk=welzijn.pk), data)
    page = client.get(url("partner", gemeente_a, pk=welzijn.pk))
    assert "Welzijn A</del>" in page.text
    assert "Welzijn Anders</ins>" in page.text


def test_deleting_asks_first_and_then_deletes(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    welzijn = organisatie(gemeente_a)
    address = url("partner_delete", gemeente_a, pk=welzijn.pk)
    confirm = client.get(address)
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.text
    with every_gemeente():
        assert Organisatie.objects.filter(pk=welzijn.pk).exists()
    assert client.post(address).status_code == 302
    with every_gemeente():
        assert not Organisatie.objects.filter(pk=welzijn.pk).exists()
        assert Wijziging.objects.filter(
            object_id=welzijn.pk, actie=Wijziging.Actie.VERWIJDERD
        ).exists()


def test_a_partner_with_commitments_cannot_be_deleted_and_says_so(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    welzijn = organisatie(gemeente_a)
    with every_gemeente():
        CommitmentFactory(gemeente=gemeente_a, organisatie=welzijn)
    address = url("partner_delete", gemeente_a, pk=welzijn.pk)
    confirm = client.get(address)
    assert confirm.status_code == 200
    assert "kan daarom niet worden verwijderd" in confirm.text
    assert "button--danger" not in confirm.text
    response = client.post(address, follow=True)
    assert response.status_code == 200
    assert "kan daarom niet worden verwijderd" in response.text
    with every_gemeente():
        assert Organisatie.objects.filter(pk=welzijn.pk).exists()


def test_the_core_group_takes_a_member_or_a_named_person(client, facilitator, member, gemeente_a):
    client.force_login(facilitator)
    welzijn = organisatie(gemeente_a)
    with gemeente_scope(gemeente_a):
        lid = Lidmaatschap.objects.get(user=member)
    add = url("kerngroeplid_add", gemeente_a, pk=welzijn.pk)
    assert client.post(add, {"lidmaatschap": lid.pk, "naam": "", "functie": ""}).status_code == 302
    data = {"lidmaatschap": "", "naam": "Gerda Geestelijk", "functie": "geestelijk verzorger"}
    assert client.post(add, data).status_code == 302
    page = client.get(url("partner", gemeente_a, pk=welzijn.pk))
    assert "Gerda Geestelijk" in page.text
    with gemeente_scope(gemeente_a):
        assert welzijn.kerngroepleden.count() == 2


def test_a_core_group_member_without_member_or_name_is_refused_at_the_name(
    client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    welzijn = organisatie(gemeente_a)
    add = url("kerngroeplid_add", gemeente_a, pk=welzijn.pk)
    response = client.post(add, {"lidmaatschap": "", "naam": " ", "functie": "huisarts"})
    assert response.status_code == 400
    form = response.context["kerngroep_form"]
    assert list(form.errors) == ["naam"]
    assert 'value="huisarts"' in response.text
    with gemeente_scope(gemeente_a):
        assert welzijn.kerngroepleden.count() == 0


def test_removing_someone_from_the_core_group(client, facilitator, gemeente_a):
    client.force_login(facilitator)
    welzijn = organisatie(gemeente_a)
    with every_gemeente():
        lid = Kerngroeplid.objects.create(gemeente=gemeente_a, organisatie=welzijn, naam="Kees")
    assert client.get(url("kerngroeplid_remove", gemeente_a, pk=lid.pk)).status_code == 405
    assert client.post(url("kerngroeplid_remove", gemeente_a, pk=lid.pk)).status_code == 302
    with every_gemeente():
        assert not Kerngroeplid.objects.filter(pk=lid.pk).exists()


@pytest.mark.parametrize("naam", ["", "x" * 151])
def test_a_missing_or_too_long_name_is_refused(client, facilitator, gemeente_a, naam):
    client.force_login(facilitator)
    response = client.post(url("partner_new", gemeente_a), partner_data(naam=naam))
    assert response.status_code == 400
    assert "naam" in response.context["form"].errors


def test_the_partner_list_shows_counts(client, member, gemeente_a):
    client.force_login(member)
    with every_gemeente():
        other = OrganisatieFactory(gemeente=gemeente_a, naam="Huisartsen Zuid")
        CommitmentFactory(gemeente=gemeente_a, organisatie=other)
        CommitmentFactory(gemeente=gemeente_a, organisatie=other)
    page = client.get(url("partners", gemeente_a))
    assert page.status_code == 200
    rows = {o.naam: o for o in page.context["organisaties"]}
    assert rows["Huisartsen Zuid"].n_commitments == 2
    assert rows["Welzijn A"].n_commitments == 0
