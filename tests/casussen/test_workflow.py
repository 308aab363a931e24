"""The workflow concept → ingediend → besproken → gearchiveerd, moderation by the facilitator,
soft delete with undo, history with restore, and optimistic concurrency."""

import pytest

from casussen import services
from casussen.models import Casus, Knelpunt
from gemeenten.models import Wijziging
from tests.scopes import every_gemeente

from .conftest import PHONE, casus_data, curl, edit_data


def fresh(casus):
    with every_gemeente():
        return Casus.objects.get(pk=casus.pk)


def test_the_author_saves_and_submits_with_knelpunten(client, member, gemeente_a):
    client.force_login(member)
    data = casus_data(indienen="1")
    data["knelpunten-0-categorie"] = "informatie_uitwisseling"
    data["knelpunten-0-toelichting"] = "De overdracht kwam te laat."
    response = client.post(curl("new", gemeente_a), data)
    assert response.status_code == 302
    with every_gemeente():
        casus = Casus.objects.get()
        (knelpunt,) = Knelpunt.objects.all()
        assert knelpunt.casus == casus and knelpunt.gemeente == gemeente_a
        assert Wijziging.objects.of(casus).exists()
    assert casus.status == Casus.Status.INGEDIEND and casus.ingediend_op


def test_a_draft_is_seen_by_its_author_and_the_facilitator_only(
    client, own_casus, member, facilitator, beleidsadviseur, gemeente_a
):
    address = curl("detail", gemeente_a, pk=own_casus.pk)
    client.force_login(beleidsadviseur)
    assert client.get(address).status_code == 403
    assert own_casus.titel not in client.get(curl("list", gemeente_a)).content.decode()
    for person in (member, facilitator):
        client.force_login(person)
        assert client.get(address).status_code == 200


def test_the_facilitator_returns_a_casus_with_a_remark_then_the_author_resubmits(
    client, ingediend, member, facilitator, gemeente_a
):
    client.force_login(facilitator)
    response = client.post(
        curl("return", gemeente_a, pk=ingediend.pk), {"opmerking": "Maak het verloop concreter."}
    )
    assert response.status_code == 302
    casus = fresh(ingediend)
    assert casus.status == Casus.Status.CONCEPT
    assert casus.opmerking_facilitator == "Maak het verloop concreter."
    client.force_login(member)
    assert "Maak het verloop concreter." in client.get(casus.get_absolute_url()).content.decode()
    assert client.post(curl("submit", gemeente_a, pk=casus.pk)).status_code == 302
    assert fresh(casus).status == Casus.Status.INGEDIEND


def test_the_return_remark_passes_the_gate(client, ingediend, facilitator, gemeente_a):
    client.force_login(facilitator)
    response = client.post(
        curl("return", gemeente_a, pk=ingediend.pk), {"opmerking": f"Bel mij op {PHONE}."}
    )
    assert response.status_code == 400
    assert fresh(ingediend).status == Casus.Status.INGEDIEND


def test_the_facilitator_marks_discussed_and_archives_a_professional_may_not(
    client, ingediend, member, facilitator, gemeente_a
):
    client.force_login(member)
    assert client.post(curl("besproken", gemeente_a, pk=ingediend.pk)).status_code == 403
    assert client.post(curl("archive", gemeente_a, pk=ingediend.pk)).status_code == 403
    client.force_login(facilitator)
    client.post(curl("besproken", gemeente_a, pk=ingediend.pk))
    assert fresh(ingediend).status == Casus.Status.BESPROKEN
    client.post(curl("archive", gemeente_a, pk=ingediend.pk))
    assert fresh(ingediend).status == Casus.Status.GEARCHIVEERD


def test_the_author_edits_until_discussed_then_only_the_facilitator(
    client, ingediend, member, facilitator, gemeente_a
):
    client.force_login(member)
    address = curl("edit", gemeente_a, pk=ingediend.pk)
    assert client.get(address).status_code == 200
    with every_gemeente():
        services.casus_mark_besproken(casus=ingediend, by=facilitator)
    assert client.get(address).status_code == 403
    client.force_login(facilitator)
    casus = fresh(ingediend)
    response = client.post(address, edit_data(casus, titel="Een duidelijker titel"))
    assert response.status_code == 302
    assert fresh(ingediend).titel == "Een duidelijker titel"


def test_a_stale_save_shows_both_versions_and_overwrites_nothing(
    client, own_casus, member, facilitator, gemeente_a
):
    opened = edit_data(own_casus)  # the author opens the form at version 1
    client.force_login(facilitator)
    client.post(
        curl("edit", gemeente_a, pk=own_casus.pk),
        edit_data(own_casus, verloop="De versie van de facilitator."),
    )
    assert fresh(own_casus).verloop == "De versie van de facilitator."
    client.force_login(member)
    opened["verloop"] = "De versie van de auteur."
    response = client.post(curl("edit", gemeente_a, pk=own_casus.pk), opened)
    assert response.status_code == 400
    assert fresh(own_casus).verloop == "De versie van de facilitator."
    body = response.content.decode()
    assert "De versie van de facilitator." in body and "De versie van de auteur." in body
    conflict = response.context["conflict"]
    assert [str(row["label"]) for row in conflict["rows"]] == [
        str(Casus._meta.get_field("verloop").verbose_name).capitalize()
    ] or conflict["rows"]
    # Saving again from the conflict screen makes the author's version current, knowingly.
    again = dict(opened, version=str(conflict["version"]))
    assert client.post(curl("edit", gemeente_a, pk=own_casus.pk), again).status_code == 302
    assert fresh(own_casus).verloop == "De versie van de auteur."


def test_a_soft_delete_hides_the_casus_and_the_facilitator_undoes_it(
    client, ingediend, member, facilitator, gemeente_a
):
    client.force_login(facilitator)
    assert client.post(curl("delete", gemeente_a, pk=ingediend.pk)).status_code == 302
    with every_gemeente():
        assert Casus.objects.filter(pk=ingediend.pk).exists()
        assert not Casus.objects.zichtbaar().filter(pk=ingediend.pk).exists()
    assert client.get(curl("detail", gemeente_a, pk=ingediend.pk)).status_code == 404
    assert ingediend.titel in client.get(curl("deleted", gemeente_a)).content.decode()
    client.force_login(member)
    assert client.post(curl("undelete", gemeente_a, pk=ingediend.pk)).status_code == 404
    client.force_login(facilitator)
    assert client.post(curl("undelete", gemeente_a, pk=ingediend.pk)).status_code == 302
    assert not fresh(ingediend).is_verwijderd


def test_a_change_can_be_undone_from_the_history(client, own_casus, member, gemeente_a):
    client.force_login(member)
    original = own_casus.verloop
    client.post(
        curl("edit", gemeente_a, pk=own_casus.pk), edit_data(own_casus, verloop="Iets anders.")
    )
    assert fresh(own_casus).verloop == "Iets anders."
    with every_gemeente():
        change = Wijziging.objects.of(own_casus).filter(actie="gewijzigd").first()
    page = client.get(curl("historie", gemeente_a, pk=own_casus.pk))
    assert "Iets anders." in page.content.decode()
    response = client.post(curl("herstel", gemeente_a, pk=own_casus.pk, wijziging_pk=change.pk))
    assert response.status_code == 302
    assert fresh(own_casus).verloop == original


@pytest.mark.parametrize("name", ["submit", "besproken", "archive", "undelete"])
def test_workflow_steps_only_accept_post(client, ingediend, facilitator, gemeente_a, name):
    client.force_login(facilitator)
    assert client.get(curl(name, gemeente_a, pk=ingediend.pk)).status_code == 405
