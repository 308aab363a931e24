"""The board writes each card's status control out instead of rendering a StatusForm per card
(issue 9): the markup must stay what the form renders, and only for who may move the card."""

import datetime
import re

import pytest
from django import forms

from gemeenten.models import Lidmaatschap
from kern.tenancy import gemeente_scope
from tests.factories import LidmaatschapFactory, OrganisatieFactory
from tests.scopes import every_gemeente
from verbeteracties.forms import StatusForm
from verbeteracties.views import overzicht as overzicht_views
from verbeteracties.views.overzicht import FilterForm

from .conftest import vurl
from .factories import ActieOrganisatieFactory, VerbeteractieFactory, VoortgangFactory


def squeeze(html):
    """Markup without the whitespace between and around tags (the only allowed difference)."""
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html)).strip()


def control_of(form):
    field = "".join(str(form[name]) for name in ("version", "status"))
    if form["status"].value() == "gestopt":
        field += str(form["reden_gestopt"])
    return squeeze(field)


def card_of(body, actie):
    start = body.index(f'<li class="kaart" id="kaart-{actie.pk}">')
    return body[start : body.index("</li>", start)]


def test_a_card_has_the_controls_the_status_form_renders(client, facilitator, gemeente_a, actie):
    with every_gemeente():
        gestopt = VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=actie.proeftuin,
            status="gestopt",
            reden_gestopt='Geen "budget" <meer> & geen tijd',
        )
    client.force_login(facilitator)
    body = client.get(vurl("board", gemeente_a)).content.decode()
    for card in (actie, gestopt):
        html = squeeze(card_of(body, card))
        expected = control_of(StatusForm(actie=card))
        parts = re.findall(r"<(?:input|select|option|textarea)[^>]*>[^<]*", expected)
        assert len(parts) >= 8  # version, select and six options (and the reason)
        for part in parts:
            assert part in html, (card.status, part)
    stopped = card_of(body, gestopt)
    assert "Geen &quot;budget&quot; &lt;meer&gt; &amp; geen tijd</textarea>" in stopped
    assert '<option value="gestopt" selected>' in stopped
    assert f'action="{vurl("status", gemeente_a, pk=actie.pk)}"' in card_of(body, actie)


def test_a_card_has_no_status_control_for_who_may_not_move_it(
    client, readonly_member, gemeente_a, actie
):
    client.force_login(readonly_member)
    card = card_of(client.get(vurl("board", gemeente_a)).content.decode(), actie)
    assert "<select" not in card
    assert "<form" not in card


def test_the_filter_offers_the_options_django_renders_from_the_instances(
    facilitator, gemeente_a, member_lid
):
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_a, role="beleidsadviseur", user__name="")
        OrganisatieFactory(gemeente=gemeente_a, naam='Zorg & "Welzijn" <B>')
    with gemeente_scope(gemeente_a):
        form = FilterForm({"eigenaar": str(member_lid.pk)})
        assert form.is_valid()
        assert form.cleaned_data["eigenaar"] == member_lid
        for name in ("proeftuin", "succesfactor", "organisatie", "eigenaar"):
            field = form.fields[name]
            reference = forms.ModelChoiceField(field.queryset, empty_label=field.empty_label)
            expected = forms.Select(choices=reference.choices).render(
                name, form[name].value(), {"id": f"filter-{name}"}
            )
            assert squeeze(str(form[name])) == squeeze(expected), name
        assert f'value="{member_lid.pk}" selected>' in str(form["eigenaar"])


def test_a_card_shows_its_owner_with_organisation_and_last_light(
    client, facilitator, gemeente_a, proeftuin, actie, member_lid
):
    with every_gemeente():
        organisatie = OrganisatieFactory(gemeente=gemeente_a, naam="Huisartsen Noord")
        Lidmaatschap.objects.filter(pk=member_lid.pk).update(organisatie=organisatie)
        VoortgangFactory(gemeente=gemeente_a, actie=actie, licht="aandacht")
        zonder = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, eigenaar=None)
    client.force_login(facilitator)
    body = client.get(vurl("board", gemeente_a)).content.decode()
    card = card_of(body, actie)
    assert f"{member_lid.user.name}, Huisartsen Noord</p>" in card
    assert "licht--aandacht" in card
    assert "no owner" in card_of(body, zonder) or "geen eigenaar" in card_of(body, zonder)
    # The card that comes back after a move from the board shows the same.
    response = client.post(
        vurl("status", gemeente_a, pk=actie.pk),
        {"status": "afgerond", "version": actie.version, "bron": "board"},
        headers={"HX-Request": "true"},
    )
    assert f"{member_lid.user.name}, Huisartsen Noord</p>" in response.content.decode()
    assert "licht--aandacht" in response.content.decode()


@pytest.mark.parametrize("name", ["board", "lijst", "tijdlijn"])
def test_the_overview_pages_show_the_actions_in_order_of_start(
    name, client, facilitator, gemeente_a, proeftuin
):
    # Made, and titled, in the other order: only the start orders them.
    with every_gemeente():
        for titel, start in (("A begint later", (2026, 9, 1)), ("Z begint eerder", (2026, 3, 1))):
            VerbeteractieFactory(
                gemeente=gemeente_a,
                proeftuin=proeftuin,
                status="idee",
                titel=titel,
                start=datetime.date(*start),
                eind=datetime.date(2026, 12, 31),
            )
    client.force_login(facilitator)
    body = client.get(vurl(name, gemeente_a)).content.decode()
    assert body.index("Z begint eerder") < body.index("A begint later")


def test_the_board_filters_on_owner_organisation_and_category(
    client, facilitator, gemeente_a, proeftuin, actie, member_lid
):
    with every_gemeente():
        ander = VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            knelpunt_categorieen=["financiering"],
        )
        betrokken = ActieOrganisatieFactory(gemeente=gemeente_a, actie=ander)
    client.force_login(facilitator)

    def cards(**query):
        body = client.get(vurl("board", gemeente_a), query).content.decode()
        return set(map(int, re.findall(r'id="kaart-(\d+)"', body)))

    assert cards() == {actie.pk, ander.pk}
    assert cards(eigenaar=member_lid.pk) == {actie.pk}
    assert cards(organisatie=betrokken.organisatie_id) == {ander.pk}
    assert cards(categorie="financiering") == {ander.pk}


def test_a_long_column_shows_ten_cards_and_links_to_all_of_its_status(
    client, facilitator, gemeente_a, proeftuin, member_lid
):
    per_kolom = overzicht_views.KAARTEN_PER_KOLOM
    with every_gemeente():
        ideeen = [
            VerbeteractieFactory(
                gemeente=gemeente_a,
                proeftuin=proeftuin,
                status="idee",
                eigenaar=member_lid,
                start=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            )
            for n in range(per_kolom + 1)
        ]
    client.force_login(facilitator)

    def idee_kolom(query):
        body = client.get(vurl("board", gemeente_a), query).content.decode()
        start = body.index('id="kolom-idee"')
        return body[start : body.index("</section>", start)]

    kolom = idee_kolom({"eigenaar": member_lid.pk})
    assert f'<span class="badge">{per_kolom + 1}</span>' in kolom
    assert kolom.count('class="kaart"') == per_kolom
    assert f'id="kaart-{ideeen[-1].pk}"' not in kolom  # the latest start waits behind the link
    link = re.search(r'<p class="board__meer"><a href="\?([^"]+)">', kolom).group(1)
    assert sorted(link.replace("&amp;", "&").split("&")) == [
        f"eigenaar={member_lid.pk}",
        "status=idee",
    ]
    alles = idee_kolom({"eigenaar": member_lid.pk, "status": "idee"})
    assert alles.count('class="kaart"') == per_kolom + 1
    assert "board__meer" not in alles


def test_the_cached_board_shows_each_reader_what_they_may_do_and_every_change(
    client, facilitator, member, readonly_member, gemeente_a, actie
):
    """The unfiltered board is rendered once per data stamp and reader's rights: an owner moves
    only their own card, a bestuurder none, whoever loaded the board first."""
    with every_gemeente():
        other = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=actie.proeftuin)
    url = vurl("board", gemeente_a)
    client.force_login(facilitator)
    body = client.get(url).content.decode()
    assert "<select" in card_of(body, actie) and "<select" in card_of(body, other)
    client.force_login(member)  # the owner of actie
    body = client.get(url).content.decode()
    assert "<select" in card_of(body, actie)
    assert "<select" not in card_of(body, other)
    assert f'href="{vurl("new", gemeente_a)}"' in body
    client.force_login(readonly_member)
    body = client.get(url).content.decode()
    assert "<select" not in card_of(body, actie) and "<select" not in card_of(body, other)
    assert f'href="{vurl("new", gemeente_a)}"' not in body

    with every_gemeente():
        VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=actie.proeftuin, titel="Later bedacht en toegevoegd"
        )
    client.force_login(facilitator)
    assert "Later bedacht en toegevoegd" in client.get(url).content.decode()


def test_a_status_form_of_the_cached_board_carries_a_token_that_works(
    facilitator, gemeente_a, actie
):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    url = vurl("board", gemeente_a)
    client.get(url)  # rendered and cached
    card = card_of(client.get(url).content.decode(), actie)
    assert "csrf-token-of-the-request" not in card
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', card).group(1)
    version = re.search(r'name="version" value="(\d+)"', card).group(1)
    response = client.post(
        vurl("status", gemeente_a, pk=actie.pk),
        {"csrfmiddlewaretoken": token, "bron": "board", "version": version, "status": "gepland"},
    )
    assert response.status_code == 302
    with every_gemeente():
        actie.refresh_from_db()
    assert actie.status == "gepland"
