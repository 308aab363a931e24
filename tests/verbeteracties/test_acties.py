"""Proposing, changing, moving and deleting verbeteracties: who may, bad input, the status
machine with its confirmation, history, conflicts, the bin with undo."""

import datetime

from gemeenten.models import Wijziging
from kern.concurrency import STALE_MESSAGE
from kern.tenancy import gemeente_scope
from tests.scopes import every_gemeente
from verbeteracties.models import ActieOrganisatie, Verbeteractie

from .conftest import vurl
from .factories import VerbeteractieFactory


def _post_data(proeftuin, **extra):
    return {
        "proeftuin": proeftuin.pk,
        "titel": "Naasten eerder betrekken",
        "beschrijving": "Een vaste vraag in het eerste gesprek.",
        "start": "2026-05-01",
        "eind": "2026-10-31",
        **extra,
    }


def test_a_professional_proposes_an_action_in_the_improvement_half_year(
    client, member, member_lid, gemeente_a, proeftuin
):
    client.force_login(member)
    page = client.get(vurl("new", gemeente_a))
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["eigenaar"] == member_lid.pk
    # No phase transition yet: the planned start, 130 days after the proeftuin's start.
    assert form.initial["start"] == proeftuin.start + datetime.timedelta(days=130)
    assert (form.initial["eind"] - form.initial["start"]).days == 182

    with gemeente_scope(gemeente_a):
        welzijn = proeftuin.gemeente.organisatie_set.get()
    response = client.post(
        vurl("new", gemeente_a),
        _post_data(
            proeftuin,
            eigenaar=member_lid.pk,
            investeerders=[welzijn.pk],
            baathebbers=[welzijn.pk],
            knelpunt_categorieen=["naasten_laat_betrokken"],
        ),
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        actie = Verbeteractie.objects.get()
        assert actie.status == "idee"
        assert actie.created_by == member
        assert actie.knelpunt_categorieen == ["naasten_laat_betrokken"]
        rollen = set(ActieOrganisatie.objects.values_list("rol", flat=True))
        assert rollen == {"investeert", "baat"}
        assert Wijziging.objects.of(actie).get().actie == "aangemaakt"
    detail = client.get(response["Location"])
    assert "Welzijn A" in detail.content.decode()


def test_a_bestuurder_reads_but_does_not_propose_or_change(
    client, readonly_member, gemeente_a, actie
):
    client.force_login(readonly_member)
    assert client.get(vurl("board", gemeente_a)).status_code == 200
    assert client.get(vurl("detail", gemeente_a, pk=actie.pk)).status_code == 200
    assert client.get(vurl("new", gemeente_a)).status_code == 403
    assert client.get(vurl("edit", gemeente_a, pk=actie.pk)).status_code == 403
    response = client.post(vurl("status", gemeente_a, pk=actie.pk), {"status": "afgerond"})
    assert response.status_code == 403


def test_a_member_who_does_not_own_the_action_may_not_change_it(
    client, beleidsadviseur, gemeente_a, actie
):
    client.force_login(beleidsadviseur)
    assert client.get(vurl("edit", gemeente_a, pk=actie.pk)).status_code == 403
    response = client.post(
        vurl("voortgang", gemeente_a, pk=actie.pk),
        {"datum": "2026-06-01", "licht": "op_koers", "tekst": "x"},
    )
    assert response.status_code == 403


def test_an_end_before_the_start_is_refused_at_the_field_with_the_input_kept(
    client, member, gemeente_a, proeftuin
):
    client.force_login(member)
    response = client.post(
        vurl("new", gemeente_a), _post_data(proeftuin, start="2026-09-01", eind="2026-06-01")
    )
    assert response.status_code == 400
    assert "eind" in response.context["form"].errors
    assert 'value="Naasten eerder betrekken"' in response.content.decode()
    with every_gemeente():
        assert not Verbeteractie.objects.exists()


def test_a_status_jump_asks_for_confirmation_before_it_moves(
    client, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        actie = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="idee")
    client.force_login(facilitator)
    data = {"status": "geborgd", "version": actie.version}
    response = client.post(vurl("status", gemeente_a, pk=actie.pk), data)
    assert response.status_code == 200
    assert response.context["confirm"] is True
    assert 'name="bevestigd"' in response.content.decode()
    with every_gemeente():
        actie.refresh_from_db()
    assert actie.status == "idee"

    response = client.post(vurl("status", gemeente_a, pk=actie.pk), {**data, "bevestigd": "on"})
    assert response.status_code == 302
    with every_gemeente():
        actie.refresh_from_db()
    assert actie.status == "geborgd"


def test_a_usual_step_moves_at_once_and_stopping_needs_a_reason(client, member, gemeente_a, actie):
    client.force_login(member)
    url = vurl("status", gemeente_a, pk=actie.pk)
    response = client.post(url, {"status": "gestopt", "version": actie.version})
    assert response.status_code == 400
    assert "reden_gestopt" in response.context["status_form"].errors
    response = client.post(url, {"status": "afgerond", "version": actie.version})
    assert response.status_code == 302
    with every_gemeente():
        actie.refresh_from_db()
    assert actie.status == "afgerond"
    with gemeente_scope(gemeente_a):
        change = Wijziging.objects.of(actie).first()
    assert list(change.rows)[0][2] == "Afgerond" or "Completed" in str(change.rows)


def test_the_board_moves_a_card_to_its_new_column_with_htmx(client, facilitator, gemeente_a, actie):
    client.force_login(facilitator)
    van = actie.status
    board = client.get(vurl("board", gemeente_a))
    assert f'id="kaart-{actie.pk}"' in board.content.decode()
    response = client.post(
        vurl("status", gemeente_a, pk=actie.pk),
        {"status": "afgerond", "version": actie.version, "bron": "board"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Reswap"] == "none"  # both columns come out of band
    body = response.content.decode()
    assert "<html" not in body
    left, joined = (
        body[body.index(f'id="kolom-sectie-{status}"') :].split("</section>")[0]
        for status in (van, "afgerond")
    )
    assert 'hx-swap-oob="true"' in left and 'hx-swap-oob="true"' in joined
    assert f'id="kaart-{actie.pk}"' not in left
    assert f'<li class="kaart" id="kaart-{actie.pk}">' in joined
    assert "autofocus" in joined and 'role="status"' in joined  # the focus follows the card
    with every_gemeente():
        actie.refresh_from_db()
    assert actie.status == "afgerond"


def test_without_javascript_the_board_asks_on_a_page_of_its_own(
    client, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        actie = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="idee")
    client.force_login(facilitator)
    response = client.post(
        vurl("status", gemeente_a, pk=actie.pk),
        {"status": "afgerond", "version": actie.version, "bron": "board"},
    )
    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert 'name="bevestigd"' in response.content.decode()


def test_a_stale_form_does_not_overwrite_a_newer_change(client, member, gemeente_a, actie):
    client.force_login(member)
    form = client.get(vurl("edit", gemeente_a, pk=actie.pk)).context["form"]
    version = form["version"].value()
    with every_gemeente():
        Verbeteractie.objects.filter(pk=actie.pk).update(version=version + 1)
    data = {
        "proeftuin": actie.proeftuin_id,
        "titel": "Mijn versie",
        "start": "2026-05-01",
        "eind": "2026-10-31",
        "version": version,
    }
    response = client.post(vurl("edit", gemeente_a, pk=actie.pk), data)
    assert response.status_code == 400
    assert str(STALE_MESSAGE) in str(response.context["form"].non_field_errors())
    with every_gemeente():
        actie.refresh_from_db()
    assert actie.titel == "Zesweeks MDO"


def test_a_deleted_action_waits_in_the_bin_and_comes_back_on_undo(
    client, member, gemeente_a, actie
):
    client.force_login(member)
    response = client.post(vurl("delete", gemeente_a, pk=actie.pk))
    assert response.status_code == 302
    assert client.get(vurl("detail", gemeente_a, pk=actie.pk)).status_code == 404
    assert actie.titel not in client.get(vurl("board", gemeente_a)).content.decode()
    assert actie.titel in client.get(vurl("verwijderd", gemeente_a)).content.decode()

    response = client.post(vurl("restore", gemeente_a, pk=actie.pk))
    assert response.status_code == 302
    assert client.get(vurl("detail", gemeente_a, pk=actie.pk)).status_code == 200
    with gemeente_scope(gemeente_a):
        acties = list(Wijziging.objects.of(actie).values_list("actie", flat=True))
    assert "verwijderd" in acties
