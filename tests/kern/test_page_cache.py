"""The one cache rule (kern.fragments, issue 20): a page's content is cached per data stamp,
page, role and language — never per member — and what is a member's own is a live fragment.
"""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from bijeenkomsten.models import Antwoord, Deelname
from gemeenten.models import Lidmaatschap
from kern import data_version
from kern.permissions import Rol
from tests.bijeenkomsten.conftest import burl
from tests.bijeenkomsten.factories import BijeenkomstFactory
from tests.factories import LidmaatschapFactory
from tests.scopes import every_gemeente
from tests.verbeteracties.conftest import vurl
from tests.verbeteracties.factories import VerbeteractieFactory


def _professional(gemeente, email):
    with every_gemeente():
        return LidmaatschapFactory(gemeente=gemeente, role=Rol.PROFESSIONAL, user__email=email).user


def _answer(user, bijeenkomst, antwoord):
    with every_gemeente():
        lid = Lidmaatschap.objects.get(user=user, gemeente=bijeenkomst.gemeente)
        Deelname.objects.create(
            gemeente=bijeenkomst.gemeente,
            bijeenkomst=bijeenkomst,
            lidmaatschap=lid,
            antwoord=antwoord,
        )


def _client(user, language="nl"):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def _page_keys(fragment):
    return [key for key in caches["fragmenten"]._cache if fragment in key]


def _pressed(body):
    """The answer the page shows as the reader's own (the pressed button's value)."""
    section = body[body.index('id="aanmelden"') :]
    section = section[: section.index("</section>")]
    return re.findall(r'value="(\w+)"[^>]*aria-pressed="true"', section)


def _without_own_parts(body):
    """The page's main content without what differs per request: the aanmelden section and
    the forms' tokens."""
    body = body[body.index("<main") : body.index("</main>")]
    body = re.sub(r'<section id="aanmelden".*?</section>', "", body, flags=re.S)
    return re.sub(r"[A-Za-z0-9_-]{40,}", "token", body)


@pytest.fixture
def meeting(gemeente_a, proeftuin, facilitator):
    with every_gemeente():
        return BijeenkomstFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Overleg")


def test_two_members_of_one_role_share_the_cached_page_each_with_their_own_answer(
    gemeente_a, meeting, member
):
    other = _professional(gemeente_a, "tweede@example.org")
    _answer(member, meeting, Antwoord.JA)
    _answer(other, meeting, Antwoord.NEE)
    url = burl("detail", gemeente_a, pk=meeting.pk)

    first = _client(member).get(url).content.decode()
    second = _client(other).get(url).content.decode()

    assert len(_page_keys("bijeenkomsten:detail")) == 1  # one entry for both
    assert _pressed(first) == ["ja"]
    assert _pressed(second) == ["nee"]
    assert _without_own_parts(first) == _without_own_parts(second)


def test_a_member_never_sees_another_members_answer_in_any_role_or_language(
    gemeente_a, meeting, member, facilitator, readonly_member, beleidsadviseur
):
    _answer(member, meeting, Antwoord.JA)
    url = burl("detail", gemeente_a, pk=meeting.pk)
    assert _pressed(_client(member).get(url).content.decode()) == ["ja"]
    for reader in (facilitator, readonly_member, beleidsadviseur):
        for language in ("nl", "en"):
            body = _client(reader, language).get(url).content.decode()
            assert _pressed(body) == [], (reader, language)
    # Once more for the one who answered, after the others filled the cache in two languages.
    for language in ("nl", "en"):
        assert _pressed(_client(member, language).get(url).content.decode()) == ["ja"]


def test_a_write_makes_the_next_read_of_every_member_fresh_and_leaves_other_gemeenten_alone(
    gemeente_a, gemeente_b, proeftuin, member, facilitator, outsider, settings
):
    settings.PAGE_CACHE_STATS = True
    other = _professional(gemeente_a, "tweede@example.org")
    with every_gemeente():
        lid = Lidmaatschap.objects.get(user=member, gemeente=gemeente_a)
        actie = VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, eigenaar=lid, titel="Vast aanspreekpunt"
        )
        from gemeenten.models import Proeftuin

        actie_b = VerbeteractieFactory(
            gemeente=gemeente_b,
            proeftuin=Proeftuin.objects.get(gemeente=gemeente_b),
            titel="Geheime actie",
        )
    board_a, board_b = vurl("board", gemeente_a), vurl("board", gemeente_b)
    reader, outside = _client(other), _client(outsider)
    assert "Vast aanspreekpunt" in reader.get(board_a).content.decode()
    assert "Geheime actie" in outside.get(board_b).content.decode()
    stamp_b = data_version.of([gemeente_b.pk])[gemeente_b.pk]

    # The owner renames the action through the form (the one write path).
    owner = _client(member)
    response = owner.post(
        vurl("edit", gemeente_a, pk=actie.pk),
        {
            "proeftuin": proeftuin.pk,
            "titel": "Eén aanspreekpunt",
            "start": "2026-05-01",
            "eind": "2026-10-31",
            "eigenaar": lid.pk,
            "version": actie.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    assert "Eén aanspreekpunt" in owner.get(board_a).content.decode()  # the writer's own page
    assert "Eén aanspreekpunt" in reader.get(board_a).content.decode()  # anyone's next page
    assert data_version.of([gemeente_b.pk])[gemeente_b.pk] == stamp_b
    misses = caches["default"].get("paginacache:miss")
    assert "Geheime actie" in outside.get(board_b).content.decode()
    assert caches["default"].get("paginacache:miss") == misses  # B's page: still cached
    assert actie_b.pk


def test_an_answer_leaves_the_pages_that_do_not_show_answers_cached(
    gemeente_a, meeting, member, facilitator, settings
):
    settings.PAGE_CACHE_STATS = True
    board = vurl("board", gemeente_a)
    reader = _client(facilitator)
    reader.get(board)
    misses = caches["default"].get("paginacache:miss")
    response = _client(member).post(
        burl("aanmelden", gemeente_a, pk=meeting.pk), {"antwoord": "ja"}
    )
    assert response.status_code == 302
    reader.get(board)
    assert caches["default"].get("paginacache:miss") == misses
    # …while the meeting page, which shows who comes, is rendered afresh.
    body = reader.get(burl("detail", gemeente_a, pk=meeting.pk)).content.decode()
    assert "professional" in body.lower() or member.name in body


def test_a_live_fragment_argument_cannot_carry_text():
    from kern import fragments

    with pytest.raises(ValueError):
        fragments.placeholder("casussen.eigen", ["Jan de Vries"])
    with pytest.raises(LookupError):
        fragments.placeholder("no.such.fragment", ["1"])
