"""The board writes each card's status control out instead of rendering a StatusForm per card
(issue 9): the markup must stay what the form renders, and only for who may move the card."""

import re

from tests.scopes import every_gemeente
from verbeteracties.forms import StatusForm

from .conftest import vurl
from .factories import VerbeteractieFactory


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
