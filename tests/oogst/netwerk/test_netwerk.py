"""The netwerkpeiling: the aggregation against hand-computed ties and density, the new ties
between care and the social domain, answering and changing answers while a moment is open, and
pages that show aggregates only."""

import pytest

from gemeenten import checklist
from gemeenten.models import Fase, Proeftuin, Wijziging
from kern.tenancy import gemeente_scope
from oogst.netwerk import comparison, drawing
from oogst.netwerk.models import Netwerkpeiling, PeilMoment
from tests.factories import OrganisatieFactory
from tests.scopes import every_gemeente

from . import fixtures
from .fixtures import antwoord, lid_bij, ourl

# The shared fixtures (not in a conftest.py, which the other oogst parts may write).
english = fixtures.english
orgs = fixtures.orgs

START, OOGST = PeilMoment.START, PeilMoment.OOGST


@pytest.fixture(autouse=True)
def _english(english):
    pass


def _compared(gemeente, proeftuin):
    with gemeente_scope(gemeente):
        return comparison.compare(proeftuin)


def _zet_fase(proeftuin, fase):
    with every_gemeente():
        Proeftuin.objects.filter(pk=proeftuin.pk).update(fase=fase)


@pytest.fixture
def antwoorden(gemeente_a, proeftuin, orgs):
    """Three respondents at the start, three at the oogst (hand-computed below)."""
    h, t, w, g = orgs["huisarts"], orgs["thuiszorg"], orgs["welzijn"], orgs["wmo"]
    arts = lid_bij(gemeente_a, h)
    verpleging = lid_bij(gemeente_a, t)
    sociaal = lid_bij(gemeente_a, w)
    antwoord(gemeente_a, proeftuin, arts, START, {t: 3, w: 0, g: 1})
    antwoord(gemeente_a, proeftuin, verpleging, START, {h: 2, w: 1, g: 2})
    antwoord(gemeente_a, proeftuin, sociaal, START, {h: 0, t: 1, g: 3})
    antwoord(gemeente_a, proeftuin, arts, OOGST, {t: 3, w: 3, g: 2})
    antwoord(gemeente_a, proeftuin, verpleging, OOGST, {h: 3, w: 2, g: 3})
    antwoord(gemeente_a, proeftuin, sociaal, OOGST, {h: 1, t: 3, g: 3})
    return arts, verpleging, sociaal


def test_ties_take_the_strongest_answer_from_either_side(gemeente_a, proeftuin, orgs, antwoorden):
    h, t, w, g = (orgs[k].pk for k in ("huisarts", "thuiszorg", "welzijn", "wmo"))
    v = _compared(gemeente_a, proeftuin)
    # Start: h–t 3 (3 and 2), h–w 0, h–g 1, t–w 1, t–g 2, w–g 3.
    assert v.start.ties == {
        frozenset((h, t)): 3,
        frozenset((h, w)): 0,
        frozenset((h, g)): 1,
        frozenset((t, w)): 1,
        frozenset((t, g)): 2,
        frozenset((w, g)): 3,
    }
    assert v.start.structureel == {frozenset((h, t)), frozenset((w, g))}
    assert v.start.contact == {frozenset((h, t)), frozenset((t, g)), frozenset((w, g))}
    assert v.start.respondenten == 3
    assert v.start.mogelijke_paren == 6
    assert v.start.dichtheid == pytest.approx(3 / 6)
    assert v.start.dichtheid_procent == 50


def test_density_at_the_oogst_counts_every_pair_with_contact(
    gemeente_a, proeftuin, orgs, antwoorden
):
    v = _compared(gemeente_a, proeftuin)
    # Oogst: h–t 3, h–w 3, h–g 2, t–w 3, t–g 3, w–g 3: all six pairs, five structural.
    assert len(v.oogst.contact) == 6
    assert len(v.oogst.structureel) == 5
    assert v.oogst.dichtheid == 1.0


def test_new_ties_between_care_and_the_social_domain_are_listed_care_first(
    gemeente_a, proeftuin, orgs, antwoorden
):
    v = _compared(gemeente_a, proeftuin)
    h, t, w, g = (orgs[k].pk for k in ("huisarts", "thuiszorg", "welzijn", "wmo"))
    assert v.nieuwe_structurele_banden == {
        frozenset((h, w)),
        frozenset((t, w)),
        frozenset((t, g)),
    }
    # h–g is only "contact" at the oogst; h–w and t–w are new zorg–sociaal ties; t–g is new
    # but the Wmo team is the gemeente, not the social domain.
    assert [(a.naam, b.naam) for a, b in v.nieuwe_banden_zorg_sociaal] == [
        ("Huisarts Zuid", "Welzijn A"),
        ("Thuiszorg Oost", "Welzijn A"),
    ]


def test_nothing_is_new_without_a_start_measurement(gemeente_a, proeftuin, orgs):
    lid = lid_bij(gemeente_a, orgs["huisarts"])
    antwoord(gemeente_a, proeftuin, lid, OOGST, {orgs["welzijn"]: 3})
    v = _compared(gemeente_a, proeftuin)
    assert len(v.oogst.structureel) == 1
    assert v.nieuwe_banden_zorg_sociaal == []


def test_a_partner_that_joined_later_is_no_lonely_node_of_the_start_picture(
    gemeente_a, proeftuin, orgs, antwoorden
):
    with every_gemeente():
        later = OrganisatieFactory(gemeente=gemeente_a, naam="Hospice Later", domein="zorg")
    lid = lid_bij(gemeente_a, later)
    antwoord(gemeente_a, proeftuin, lid, OOGST, {orgs["huisarts"]: 2})
    v = _compared(gemeente_a, proeftuin)
    assert later.pk not in {o.pk for o in v.start.organisaties}
    assert later.pk in {o.pk for o in v.oogst.organisaties}
    assert v.start.mogelijke_paren == 6
    assert v.oogst.mogelijke_paren == 10


def test_answers_about_a_deleted_partner_leave_the_picture(gemeente_a, proeftuin, orgs, antwoorden):
    with every_gemeente():
        orgs["thuiszorg"].delete()
    v = _compared(gemeente_a, proeftuin)
    assert len(v.start.organisaties) == 3
    assert all(orgs["thuiszorg"].pk not in paar for paar in v.start.ties)
    assert v.start.respondenten == 3  # the nurse still answered; their ties are gone


def test_the_svg_escapes_names_and_marks_new_ties(gemeente_a, proeftuin, orgs, antwoorden):
    with every_gemeente():
        orgs["welzijn"].naam = "<script>Welzijn</script>"
        orgs["welzijn"].save()
    v = _compared(gemeente_a, proeftuin)
    svg = str(v.svg_oogst)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count(drawing.LINE_NEW) == 3
    assert drawing.LINE_NEW not in str(v.svg_start)
    assert 'role="img"' in svg


# --- answering ------------------------------------------------------------------------------


def test_a_professional_answers_for_each_other_partner_while_the_start_is_open(
    client, gemeente_a, proeftuin, orgs, member
):
    lid = lid_bij(gemeente_a, orgs["huisarts"], user=member)
    client.force_login(member)
    page = client.get(ourl("netwerk_invullen", gemeente_a))
    assert page.status_code == 200
    body = page.content.decode()
    assert "<fieldset" in body and "<legend" in body
    assert "Thuiszorg Oost" in body and f'name="org_{orgs["huisarts"].pk}"' not in body
    data = {f"org_{o.pk}": "2" for k, o in orgs.items() if k != "huisarts"}
    response = client.post(ourl("netwerk_invullen", gemeente_a), data)
    assert response.status_code == 302
    with every_gemeente():
        peiling = Netwerkpeiling.objects.get(respondent=lid)
        assert peiling.moment == START
        assert peiling.organisatie_id == orgs["huisarts"].pk
        assert sorted(peiling.antwoorden.values_list("niveau", flat=True)) == [2, 2, 2]


def test_answers_can_be_changed_while_the_moment_is_open(
    client, gemeente_a, proeftuin, orgs, member
):
    lid = lid_bij(gemeente_a, orgs["huisarts"], user=member)
    client.force_login(member)
    url = ourl("netwerk_invullen", gemeente_a)
    others = [o for k, o in orgs.items() if k != "huisarts"]
    client.post(url, {f"org_{o.pk}": "0" for o in others})
    page = client.get(url).content.decode()
    assert f'name="org_{others[0].pk}" value="0"' in page and "checked" in page
    client.post(url, {f"org_{o.pk}": "3" for o in others})
    with every_gemeente():
        assert Netwerkpeiling.objects.filter(respondent=lid).count() == 1
        peiling = Netwerkpeiling.objects.get(respondent=lid)
        assert set(peiling.antwoorden.values_list("niveau", flat=True)) == {3}
        # Through the write path, by the member (the answers are child rows, not history).
        changes = Wijziging.objects.of(peiling).order_by("pk")
        assert [(c.actie, c.by) for c in changes] == [("aangemaakt", member)]


def test_a_missing_answer_is_refused_and_the_other_answers_are_kept(
    client, gemeente_a, proeftuin, orgs, member
):
    lid_bij(gemeente_a, orgs["huisarts"], user=member)
    client.force_login(member)
    data = {f"org_{orgs['thuiszorg'].pk}": "3", f"org_{orgs['welzijn'].pk}": "99"}
    response = client.post(ourl("netwerk_invullen", gemeente_a), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Please answer for every organisation." in body
    assert f'name="org_{orgs["thuiszorg"].pk}" value="3" required id' in body or "checked" in body
    with every_gemeente():
        assert not Netwerkpeiling.objects.exists()


def test_the_oogst_moment_opens_in_the_improvement_phase_and_the_start_closes(
    client, gemeente_a, proeftuin, orgs, member
):
    lid = lid_bij(gemeente_a, orgs["huisarts"], user=member)
    _zet_fase(proeftuin, Fase.VERBETEREN)
    client.force_login(member)
    data = {f"org_{o.pk}": "1" for k, o in orgs.items() if k != "huisarts"}
    client.post(ourl("netwerk_invullen", gemeente_a), data)
    with every_gemeente():
        assert Netwerkpeiling.objects.get(respondent=lid).moment == OOGST


def test_a_member_without_an_organisation_is_told_why_they_cannot_answer(
    client, gemeente_a, proeftuin, orgs, facilitator
):
    client.force_login(facilitator)
    response = client.get(ourl("netwerk_invullen", gemeente_a), follow=True)
    assert "Your membership has no organisation" in response.content.decode()
    response = client.post(ourl("netwerk_invullen", gemeente_a), {"org_1": "3"})
    assert response.status_code == 302
    with every_gemeente():
        assert not Netwerkpeiling.objects.exists()


# --- aggregates only ----------------------------------------------------------------------------


def test_the_page_shows_numbers_and_pictures_but_nobody_s_answers(
    client, gemeente_a, proeftuin, orgs, antwoorden, facilitator
):
    arts, verpleging, sociaal = antwoorden
    client.force_login(facilitator)
    response = client.get(ourl("netwerk", gemeente_a))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('class="netwerk"') == 2
    assert "3 respondents" in body
    assert "50%" in body and "100%" in body
    assert "Huisarts Zuid and Welzijn A now work together structurally" in body
    with every_gemeente():
        names = [lid.user.name for lid in (arts, verpleging, sociaal)]
        emails = [lid.user.email for lid in (arts, verpleging, sociaal)]
    for text in names + emails:
        assert text not in body
    # Not even the answer labels of a person show: only tie levels.
    assert "I don't know them" not in body


def test_no_page_of_the_netwerk_part_shows_another_member_s_answers(
    client, gemeente_a, proeftuin, orgs, antwoorden, member
):
    """The form shows the member's own answers only; with none yet, nothing is checked."""
    lid_bij(gemeente_a, orgs["wmo"], user=member)
    client.force_login(member)
    body = client.get(ourl("netwerk_invullen", gemeente_a)).content.decode()
    assert "checked" not in body


def test_the_page_links_a_member_with_an_organisation_to_the_form(
    client, gemeente_a, proeftuin, orgs, member
):
    lid_bij(gemeente_a, orgs["wmo"], user=member)
    client.force_login(member)
    body = client.get(ourl("netwerk", gemeente_a)).content.decode()
    assert f'<a class="button" href="{ourl("netwerk_invullen", gemeente_a)}">' in body


def test_few_respondents_are_shown_with_a_note(client, gemeente_a, proeftuin, orgs, member):
    lid = lid_bij(gemeente_a, orgs["huisarts"])
    antwoord(gemeente_a, proeftuin, lid, START, {orgs["welzijn"]: 3})
    client.force_login(member)
    body = client.get(ourl("netwerk", gemeente_a)).content.decode()
    assert "1 respondent" in body
    assert "This picture rests on few answers" in body


def test_an_empty_network_page_says_there_are_no_answers_yet(client, gemeente_a, readonly_member):
    client.force_login(readonly_member)
    body = client.get(ourl("netwerk", gemeente_a)).content.decode()
    assert body.count("No answers yet.") == 2
    assert "New ties show once there are answers at both the start and the harvest." in body


def test_the_netwerk_page_of_gemeente_a_is_404_for_a_member_of_b(client, gemeente_a, outsider):
    client.force_login(outsider)
    assert client.get(ourl("netwerk", gemeente_a)).status_code == 404
    assert client.get(ourl("netwerk_invullen", gemeente_a)).status_code == 404


def test_the_verankering_checklist_asks_for_the_oogst_survey(
    gemeente_a, proeftuin, orgs, antwoorden
):
    def item():
        with gemeente_scope(gemeente_a):
            p = Proeftuin.objects.get(pk=proeftuin.pk)
            items = checklist.items(p, Fase.VERANKERING)
        return next(i for i in items if str(i.label) == "Network survey at the harvest filled in")

    assert item().done is True  # three respondents at the oogst
    with every_gemeente():
        Netwerkpeiling.objects.filter(moment=OOGST).first().delete()
    assert item().done is False
    assert "2 participants have answered" in str(item().hint)
