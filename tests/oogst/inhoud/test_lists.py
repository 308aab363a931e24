"""The oogst page shows the first rows of each part and links to all of it; the page of each
part lists every row, a page at a time, with the same links to change and delete as the oogst
page, and the same rules on who sees what."""

import datetime

import pytest
from django.urls import reverse

from oogst.inhoud.views import lists, overview
from tests.factories import GemeenteFactory, LidmaatschapFactory, ProeftuinFactory
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import VerbeteractieFactory

from ..factories import BorgingFactory, LesFactory, VerhaalFactory, VervolgafspraakFactory
from .fixtures import *  # noqa: F403
from .fixtures import ourl


def _lessen(gemeente, proeftuin, n, **kwargs):
    with every_gemeente():
        return [
            LesFactory(gemeente=gemeente, proeftuin=proeftuin, titel=f"Les nummer {i:02}", **kwargs)
            for i in range(n)
        ]


def test_the_oogst_page_shows_the_first_lessen_and_a_link_to_all(
    client, member, gemeente_a, proeftuin
):
    _lessen(gemeente_a, proeftuin, overview.CARDS + 2)
    client.force_login(member)
    response = client.get(ourl("overzicht", gemeente_a))
    body = response.content.decode()
    assert len(response.context["lessen"]) == overview.CARDS
    assert "<h3>Les nummer 00</h3>" in body and "Les nummer 07" not in body
    assert response.context["lessen_totaal"] == overview.CARDS + 2
    link = ourl("lessen", gemeente_a, f"?proeftuin={proeftuin.pk}")
    assert f'href="{link}"' in body
    assert f"Show all ({overview.CARDS + 2})" in body


def test_the_oogst_page_has_no_link_to_all_when_it_shows_them_all(
    client, member, gemeente_a, proeftuin
):
    _lessen(gemeente_a, proeftuin, overview.CARDS)
    client.force_login(member)
    body = client.get(ourl("overzicht", gemeente_a)).content.decode()
    assert "Show all" not in body
    assert ourl("lessen", gemeente_a) + "?" not in body


def test_the_page_of_all_lessen_pages_through_them(
    client, facilitator, gemeente_a, proeftuin, monkeypatch
):
    monkeypatch.setattr(lists, "PER_PAGE", 2)
    lessen = _lessen(gemeente_a, proeftuin, 5)
    client.force_login(facilitator)
    url = ourl("lessen", gemeente_a, f"?proeftuin={proeftuin.pk}")
    first = client.get(url)
    assert first.status_code == 200
    body = first.content.decode()
    assert [les.pk for les, _, _ in first.context["lessen"]] == [les.pk for les in lessen[:2]]
    assert f'rel="next" href="?proeftuin={proeftuin.pk}&amp;page=2"' in body
    assert ourl("les_edit", gemeente_a, pk=lessen[0].pk) in body
    # Under the page's h1 the cards' headings are h2 (h3 under the part's h2 on the oogst page).
    assert f"<h2>{lessen[0].titel}</h2>" in body
    assert ourl("les_delete", gemeente_a, pk=lessen[0].pk) in body
    last = client.get(url + "&page=3")
    assert [les.pk for les, _, _ in last.context["lessen"]] == [lessen[4].pk]
    assert 'rel="prev"' in last.content.decode()


def test_a_member_changes_only_their_own_lessen_on_the_page_of_all(
    client, member, gemeente_a, proeftuin
):
    (eigen,) = _lessen(gemeente_a, proeftuin, 1, created_by=member)
    (andere,) = _lessen(gemeente_a, proeftuin, 1)
    client.force_login(member)
    body = client.get(ourl("lessen", gemeente_a)).content.decode()
    assert ourl("les_edit", gemeente_a, pk=eigen.pk) in body
    assert andere.titel in body
    assert ourl("les_edit", gemeente_a, pk=andere.pk) not in body


def test_a_lesson_from_an_action_links_the_action(client, member, gemeente_a, proeftuin, actie):
    _lessen(gemeente_a, proeftuin, 1, verbeteractie=actie)
    client.force_login(member)
    body = client.get(ourl("overzicht", gemeente_a)).content.decode()
    detail = reverse(
        "verbeteracties:detail", kwargs={"gemeente_slug": gemeente_a.slug, "pk": actie.pk}
    )
    assert f'<a href="{detail}">{actie.titel}</a>' in body


def test_a_member_sees_only_the_verhalen_with_consent_on_the_page_of_all(
    client, member, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        VerhaalFactory(gemeente=gemeente_a, proeftuin=proeftuin, tekst="Mag gedrukt worden.")
        zonder = VerhaalFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            tekst="Nog niet gevraagd.",
            toestemming=False,
            toestemming_hoe="",
        )
    client.force_login(member)
    body = client.get(ourl("verhalen", gemeente_a)).content.decode()
    assert "Mag gedrukt worden." in body and "Nog niet gevraagd." not in body
    assert "/wijzigen/" not in body
    client.force_login(facilitator)
    body = client.get(ourl("verhalen", gemeente_a)).content.decode()
    assert "Nog niet gevraagd." in body and "No consent: not published" in body
    assert ourl("verhaal_delete", gemeente_a, pk=zonder.pk) in body


def test_the_oogst_page_counts_only_the_verhalen_a_member_may_read(
    client, member, gemeente_a, proeftuin
):
    with every_gemeente():
        for _ in range(overview.CARDS + 1):
            VerhaalFactory(
                gemeente=gemeente_a, proeftuin=proeftuin, toestemming=False, toestemming_hoe=""
            )
        VerhaalFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    client.force_login(member)
    response = client.get(ourl("overzicht", gemeente_a))
    assert response.context["verhalen_totaal"] == 1
    assert "Show all" not in response.content.decode()


def test_the_page_of_all_borging_lists_every_living_action(
    client, member, gemeente_a, proeftuin, actie
):
    with every_gemeente():
        anderen = [
            VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel=f"Actie {i:02}")
            for i in range(overview.ROWS)
        ]
        VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel="Weggegooide actie",
            deleted_at=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC),
        )
        BorgingFactory(gemeente=gemeente_a, verbeteractie=actie, werkproces="het MDO")
    client.force_login(member)
    overzicht = client.get(ourl("overzicht", gemeente_a))
    assert len(overzicht.context["acties"]) == overview.ROWS
    assert f"Show all ({overview.ROWS + 1})" in overzicht.content.decode()
    body = client.get(ourl("borgingen", gemeente_a)).content.decode()
    assert all(a.titel in body for a in anderen)
    assert "het MDO" in body and "Weggegooide actie" not in body
    # The member owns one action only: that is the one whose borging they record.
    assert ourl("borging_edit", gemeente_a, pk=actie.pk) in body
    assert ourl("borging_edit", gemeente_a, pk=anderen[0].pk) not in body


def test_the_oogst_page_shows_the_first_vervolgafspraken_of_each_kind(
    client, beleidsadviseur, gemeente_a, proeftuin
):
    with every_gemeente():
        netwerk = [
            VervolgafspraakFactory(
                gemeente=gemeente_a,
                proeftuin=proeftuin,
                wat=f"Netwerkafspraak {i}",
                wanneer=datetime.date(2027, 1, 1 + i),
            )
            for i in range(overview.VERVOLG_PER_KIND + 2)
        ]
        VervolgafspraakFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, soort="bestuurlijk", wat="Wethoudersoverleg"
        )
    client.force_login(beleidsadviseur)
    response = client.get(ourl("overzicht", gemeente_a))
    groepen = {g["soort"]: g for g in response.context["vervolg"]}
    eerste = [a.wat for a, _ in groepen["lerend_netwerk"]["afspraken"]]
    assert eerste == [a.wat for a in netwerk[: overview.VERVOLG_PER_KIND]]
    assert groepen["lerend_netwerk"]["totaal"] == len(netwerk)
    assert [a.wat for a, _ in groepen["bestuurlijk"]["afspraken"]] == ["Wethoudersoverleg"]
    assert groepen["werkproces"]["afspraken"] == []
    body = response.content.decode()
    assert f"Show all ({len(netwerk) + 1})" in body
    lijst = client.get(ourl("vervolgafspraken", gemeente_a)).content.decode()
    assert all(a.wat in lijst for a in netwerk) and "Wethoudersoverleg" in lijst
    assert ourl("vervolg_edit", gemeente_a, pk=netwerk[-1].pk) in lijst


def test_a_bestuurder_reads_every_part_in_full_but_changes_nothing(
    client, readonly_member, gemeente_a, proeftuin, actie
):
    les = _lessen(gemeente_a, proeftuin, 1)[0]
    with every_gemeente():
        verhaal = VerhaalFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        afspraak = VervolgafspraakFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    client.force_login(readonly_member)
    for name, text in [
        ("lessen", les.titel),
        ("verhalen", verhaal.tekst),
        ("borgingen", actie.titel),
        ("vervolgafspraken", afspraak.wat),
    ]:
        response = client.get(ourl(name, gemeente_a))
        assert response.status_code == 200, name
        body = response.content.decode()
        assert text in body, name
        assert "/wijzigen/" not in body and "/verwijderen/" not in body, name
        assert "/nieuw/" not in body and f"/borging/{actie.pk}/" not in body, name


@pytest.mark.parametrize("name", ["lessen", "verhalen", "borgingen", "vervolgafspraken"])
def test_the_pages_of_all_are_not_found_without_a_proeftuin(client, db, name):
    with every_gemeente():
        gemeente = GemeenteFactory(slug="leeg")
        user = LidmaatschapFactory(gemeente=gemeente, role="facilitator").user
    client.force_login(user)
    assert client.get(ourl(name, gemeente)).status_code == 404


def test_the_page_of_all_shows_the_chosen_proeftuin(client, member, gemeente_a, proeftuin):
    with every_gemeente():
        eerdere = ProeftuinFactory(
            gemeente=gemeente_a, naam="Eerdere", start=datetime.date(2020, 1, 1)
        )
        LesFactory(gemeente=gemeente_a, proeftuin=eerdere, titel="Uit de eerdere proeftuin")
    _lessen(gemeente_a, proeftuin, 1)
    client.force_login(member)
    body = client.get(ourl("lessen", gemeente_a, f"?proeftuin={eerdere.pk}")).content.decode()
    assert "Uit de eerdere proeftuin" in body and "Les nummer 00" not in body
    assert ourl("overzicht", gemeente_a, f"?proeftuin={eerdere.pk}#lessen") in body


def test_a_lesson_changed_from_the_page_of_all_goes_back_to_that_page(
    client, facilitator, gemeente_a, proeftuin, monkeypatch
):
    monkeypatch.setattr(lists, "PER_PAGE", 2)
    lessen = _lessen(gemeente_a, proeftuin, 3)
    client.force_login(facilitator)
    page = client.get(ourl("lessen", gemeente_a, f"?proeftuin={proeftuin.pk}&page=2"))
    edit = ourl("les_edit", gemeente_a, "?lijst=2", pk=lessen[2].pk)
    assert f'href="{edit}"' in page.content.decode()
    terug = ourl("lessen", gemeente_a, f"?proeftuin={proeftuin.pk}&page=2")
    assert client.get(edit).context["cancel_url"] == terug
    les = lessen[2]
    response = client.post(edit, {"titel": "Anders", "tekst": les.tekst, "version": les.version})
    assert response.status_code == 302 and response["Location"] == terug
    delete = ourl("les_delete", gemeente_a, "?lijst=2", pk=les.pk)
    assert client.post(delete)["Location"] == terug


def test_a_borging_and_a_follow_up_agreement_go_back_to_their_page_of_all(
    client, facilitator, gemeente_a, proeftuin, actie
):
    with every_gemeente():
        afspraak = VervolgafspraakFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    client.force_login(facilitator)
    lijst = client.get(ourl("borgingen", gemeente_a)).content.decode()
    edit = ourl("borging_edit", gemeente_a, "?lijst=1", pk=actie.pk)
    assert f'href="{edit}"' in lijst
    response = client.post(edit, {"stand": "niet", "waarom_niet": "Geen geld."})
    assert response["Location"] == ourl(
        "borgingen", gemeente_a, f"?proeftuin={proeftuin.pk}&page=1"
    )
    assert (
        ourl("borging_delete", gemeente_a, "?lijst=1", pk=actie.pk)
        in client.get(edit).content.decode()
    )
    delete = ourl("vervolg_delete", gemeente_a, "?lijst=1", pk=afspraak.pk)
    assert delete in client.get(ourl("vervolgafspraken", gemeente_a)).content.decode()
    assert client.post(delete)["Location"] == ourl(
        "vervolgafspraken", gemeente_a, f"?proeftuin={proeftuin.pk}&page=1"
    )


@pytest.mark.parametrize("lijst", ["", "x", "-1", "²", "1" * 7])
def test_a_form_opened_elsewhere_goes_back_to_the_oogst_page(
    client, facilitator, gemeente_a, proeftuin, lijst
):
    (les,) = _lessen(gemeente_a, proeftuin, 1)
    client.force_login(facilitator)
    response = client.post(ourl("les_delete", gemeente_a, f"?lijst={lijst}", pk=les.pk))
    assert response["Location"] == ourl(
        "overzicht", gemeente_a, f"?proeftuin={proeftuin.pk}#lessen"
    )
