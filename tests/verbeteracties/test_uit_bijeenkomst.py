"""The meeting where an action was chosen, and actions made of a meeting's actiepunt: the
choice among the proeftuin's meetings, the prefilled proposal, the link kept on saving, the
story and page naming the meeting, and ids of another gemeente refused."""

import datetime

import pytest
from django.utils import timezone

from gemeenten.models import Lidmaatschap, Proeftuin
from kern.permissions import Rol
from kern.tenancy import gemeente_scope
from tests.bijeenkomsten.factories import ActiepuntFactory, BijeenkomstFactory
from tests.factories import LidmaatschapFactory, ProeftuinFactory
from tests.scopes import every_gemeente
from verbeteracties.models import Verbeteractie

from .conftest import vurl


def _at(day, hour=14):
    tz = timezone.get_default_timezone()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)), tz)


@pytest.fixture
def bijeenkomst(gemeente_a, proeftuin):
    with every_gemeente():
        return BijeenkomstFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel="Tweede inventarisatie: knelpunten kiezen",
            begin=_at(datetime.date(2026, 4, 14)),
            eind=_at(datetime.date(2026, 4, 14), 16),
        )


@pytest.fixture
def actiepunt(gemeente_a, bijeenkomst, member_lid):
    with every_gemeente():
        return ActiepuntFactory(
            gemeente=gemeente_a,
            bijeenkomst=bijeenkomst,
            omschrijving="Vaste vraag naar naasten in het eerste huisbezoek uitproberen",
            eigenaar=member_lid,
            deadline=datetime.date(2026, 12, 1),
        )


@pytest.fixture
def facilitator_lid(gemeente_a, facilitator):
    with every_gemeente():
        return Lidmaatschap.objects.get(gemeente=gemeente_a, user=facilitator)


def _post(proeftuin, **extra):
    return {
        "proeftuin": proeftuin.pk,
        "titel": "Naasten eerder betrekken",
        "start": "2026-05-01",
        "eind": "2026-10-31",
        **extra,
    }


def test_a_proposal_made_of_an_actiepunt_is_filled_in_from_it(
    client, facilitator, facilitator_lid, member_lid, gemeente_a, proeftuin, actiepunt
):
    client.force_login(facilitator)
    page = client.get(vurl("new", gemeente_a), {"actiepunt": actiepunt.pk})
    assert page.status_code == 200
    initial = page.context["form"].initial
    assert initial["titel"] == actiepunt.omschrijving
    # The actiepunt's owner, not the facilitator who clicks the link.
    assert initial["eigenaar"] == member_lid.pk
    assert initial["bijeenkomst"] == actiepunt.bijeenkomst_id
    assert initial["actiepunt"] == actiepunt.pk
    # The half-year would end before the deadline: the end leaves a month after it.
    assert initial["eind"] == datetime.date(2026, 12, 31)
    # It starts no earlier than the meeting where it was agreed.
    assert initial["start"] >= datetime.date(2026, 4, 14)
    assert "Tweede inventarisatie: knelpunten kiezen" in page.content.decode()


def test_an_action_made_of_an_actiepunt_keeps_it_and_its_meeting(
    client, facilitator, member_lid, gemeente_a, proeftuin, actiepunt, bijeenkomst
):
    client.force_login(facilitator)
    url = vurl("new", gemeente_a) + f"?actiepunt={actiepunt.pk}"
    response = client.post(
        url,
        _post(
            proeftuin,
            titel=actiepunt.omschrijving,
            eigenaar=member_lid.pk,
            bijeenkomst=bijeenkomst.pk,
            actiepunt=actiepunt.pk,
            eind="2026-12-31",
        ),
    )
    assert response.status_code == 302, response.content.decode()
    with gemeente_scope(gemeente_a):
        actie = Verbeteractie.objects.get()
        assert actie.actiepunt == actiepunt
        assert actie.bijeenkomst == bijeenkomst
        assert actie.eigenaar == member_lid
        # The date it was chosen follows the meeting.
        assert actie.gekozen_op == datetime.date(2026, 4, 14)
    # Made once: the link on the meeting now leads to it, and a second try says so.
    again = client.get(url)
    assert [a.pk for a in again.context["al_gemaakt"]] == [actie.pk]


def test_the_action_page_and_its_story_name_the_meeting_with_a_link(
    client, member, gemeente_a, actie, actiepunt, bijeenkomst
):
    with every_gemeente():
        Verbeteractie.objects.filter(pk=actie.pk).update(
            bijeenkomst=bijeenkomst, actiepunt=actiepunt, gekozen_op=datetime.date(2026, 4, 14)
        )
    client.force_login(member)
    response = client.get(vurl("detail", gemeente_a, pk=actie.pk))
    html = response.content.decode()
    meeting_url = f"/g/{gemeente_a.slug}/bijeenkomsten/{bijeenkomst.pk}/"
    assert f'href="{meeting_url}"' in html
    story = response.context["verhaal"]
    chosen = next(h for h in story if h.link == meeting_url)
    assert chosen.datum == datetime.date(2026, 4, 14)
    assert "Tweede inventarisatie: knelpunten kiezen" in chosen.tekst
    assert chosen.link == meeting_url
    punt = next(h for h in story if h.tekst == actiepunt.omschrijving)
    assert punt.link == f"{meeting_url}actiepunten/"
    # In time order: the actiepunt (made at the meeting) does not come after the updates.
    dated = [h.datum for h in story if h.datum]
    assert dated == sorted(dated)


def test_an_action_without_a_linked_meeting_still_tells_where_it_was_chosen(
    client, member, gemeente_a, actie
):
    with every_gemeente():
        Verbeteractie.objects.filter(pk=actie.pk).update(
            gekozen_op=datetime.date(2026, 4, 2), gekozen_bij="Werkoverleg wijkteam"
        )
    client.force_login(member)
    response = client.get(vurl("detail", gemeente_a, pk=actie.pk))
    chosen = [h for h in response.context["verhaal"] if h.tekst == "Werkoverleg wijkteam"]
    assert [(h.datum, h.link) for h in chosen] == [(datetime.date(2026, 4, 2), "")]


def test_the_meeting_choice_offers_only_this_gemeentes_meetings_and_not_cancelled_ones(
    client, member, gemeente_a, gemeente_b, bijeenkomst, proeftuin
):
    with every_gemeente():
        BijeenkomstFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel="Afgelast overleg",
            geannuleerd_at=timezone.now(),
        )
        BijeenkomstFactory(gemeente=gemeente_b, titel="Geheime bijeenkomst B")
    client.force_login(member)
    page = client.get(vurl("new", gemeente_a))
    html = page.content.decode()
    assert f'<option value="{bijeenkomst.pk}">14 april 2026 — {bijeenkomst.titel}</option>' in html
    assert "Afgelast overleg" not in html
    assert "Geheime bijeenkomst B" not in html


def test_a_meeting_of_another_proeftuin_is_refused(
    client, member, member_lid, gemeente_a, proeftuin
):
    with every_gemeente():
        andere = ProeftuinFactory(gemeente=gemeente_a, naam="Tweede proeftuin")
        elders = BijeenkomstFactory(gemeente=gemeente_a, proeftuin=andere)
    client.force_login(member)
    response = client.post(
        vurl("new", gemeente_a), _post(proeftuin, eigenaar=member_lid.pk, bijeenkomst=elders.pk)
    )
    assert response.status_code == 400
    assert "bijeenkomst" in response.context["form"].errors
    with gemeente_scope(gemeente_a):
        assert not Verbeteractie.objects.exists()


def test_a_linked_meeting_and_free_text_together_ask_for_one_of_them(
    client, member, member_lid, gemeente_a, proeftuin, bijeenkomst
):
    client.force_login(member)
    response = client.post(
        vurl("new", gemeente_a),
        _post(
            proeftuin,
            eigenaar=member_lid.pk,
            bijeenkomst=bijeenkomst.pk,
            gekozen_bij="Werkoverleg wijkteam",
        ),
    )
    assert response.status_code == 400
    assert "gekozen_bij" in response.context["form"].errors
    # Nothing lost: the typed text comes back.
    assert "Werkoverleg wijkteam" in response.content.decode()


@pytest.fixture
def dubbel_lid(member, gemeente_b):
    """The professional of gemeente A is also a member of gemeente B."""
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_b, user=member, role=Rol.PROFESSIONAL)
        proeftuin_b = Proeftuin.objects.get(gemeente=gemeente_b)
        bijeenkomst_b = BijeenkomstFactory(gemeente=gemeente_b, proeftuin=proeftuin_b)
        actiepunt_b = ActiepuntFactory(gemeente=gemeente_b, bijeenkomst=bijeenkomst_b)
    return bijeenkomst_b, actiepunt_b


def test_an_actiepunt_of_another_gemeente_gives_404_on_the_proposal_page(
    client, member, gemeente_a, dubbel_lid
):
    _, actiepunt_b = dubbel_lid
    client.force_login(member)
    response = client.get(vurl("new", gemeente_a), {"actiepunt": actiepunt_b.pk})
    assert response.status_code == 404


def test_ids_of_another_gemeente_are_refused_by_the_form(
    client, member, member_lid, gemeente_a, proeftuin, dubbel_lid
):
    bijeenkomst_b, actiepunt_b = dubbel_lid
    client.force_login(member)
    for extra in ({"bijeenkomst": bijeenkomst_b.pk}, {"actiepunt": actiepunt_b.pk}):
        response = client.post(
            vurl("new", gemeente_a), _post(proeftuin, eigenaar=member_lid.pk, **extra)
        )
        assert response.status_code == 400
        assert set(extra) <= set(response.context["form"].errors)
    with every_gemeente():
        assert not Verbeteractie.objects.exists()


def test_changing_an_action_keeps_its_actiepunt_and_links_a_meeting(
    client, member, member_lid, gemeente_a, proeftuin, actie, actiepunt, bijeenkomst
):
    with every_gemeente():
        Verbeteractie.objects.filter(pk=actie.pk).update(actiepunt=actiepunt)
    client.force_login(member)
    page = client.get(vurl("edit", gemeente_a, pk=actie.pk))
    assert page.context["form"].initial["actiepunt"] == actiepunt.pk
    response = client.post(
        vurl("edit", gemeente_a, pk=actie.pk),
        _post(
            proeftuin,
            titel=actie.titel,
            eigenaar=member_lid.pk,
            actiepunt=actiepunt.pk,
            bijeenkomst=bijeenkomst.pk,
            version=page.context["form"]["version"].value(),
        ),
    )
    assert response.status_code == 302, response.content.decode()
    with gemeente_scope(gemeente_a):
        actie.refresh_from_db()
        assert (actie.actiepunt, actie.bijeenkomst) == (actiepunt, bijeenkomst)


def test_a_bestuurder_cannot_make_an_action_of_an_actiepunt(
    client, readonly_member, gemeente_a, actiepunt
):
    client.force_login(readonly_member)
    response = client.get(vurl("new", gemeente_a), {"actiepunt": actiepunt.pk})
    assert response.status_code == 403
