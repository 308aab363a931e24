"""The oogst page from the cache: rendered once per data stamp of the gemeente, shown again with
fewer queries, renewed by every change, and never shared between readers with other rights."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import LidmaatschapFactory
from tests.scopes import every_gemeente

from ..factories import LesFactory, OogstFactory
from .fixtures import *  # noqa: F403
from .fixtures import ourl


def _load(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _without_csrf(body):
    """The page without its per-request tokens (CSRF, and each form's intent)."""
    body = re.sub(r'name="intent" value="[0-9a-f]{32}"', 'name="intent" value="intent"', body)
    return re.sub(r'"[A-Za-z0-9]{64}"', '"csrf"', body)


def test_the_second_load_reads_fewer_queries_and_shows_the_same_page(
    client, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Elkaar kennen werkt")
    client.force_login(facilitator)
    url = ourl("overzicht", gemeente_a)
    client.get(url)  # the first request may renew the session
    cache.clear()
    first, rendered = _load(client, url)
    again, from_cache = _load(client, url)
    assert from_cache < rendered
    assert _without_csrf(again) == _without_csrf(first)
    assert "Elkaar kennen werkt" in again


def test_a_change_made_after_the_page_was_cached_shows_on_the_next_load(
    client, facilitator, gemeente_a, proeftuin
):
    with every_gemeente():
        oogst = OogstFactory(gemeente=gemeente_a, proeftuin=proeftuin, voorwoord="Een mooi jaar.")
    client.force_login(facilitator)
    url = ourl("overzicht", gemeente_a)
    body, _queries = _load(client, url)
    assert "Een mooi jaar." in body and "Nieuwe les over koffie" not in body
    with every_gemeente():
        LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Nieuwe les over koffie")
        oogst.voorwoord = "Een nog mooier jaar."
        oogst.save()
    body, _queries = _load(client, url)
    assert "Nieuwe les over koffie" in body
    assert "Een nog mooier jaar." in body and "Een mooi jaar." not in body


def test_a_member_never_gets_the_page_cached_for_the_facilitator(
    client, facilitator, member, gemeente_a, verhaal_zonder_toestemming
):
    url = ourl("overzicht", gemeente_a)
    client.force_login(facilitator)
    body, _queries = _load(client, url)
    assert "Nog niet gevraagd." in body and ourl("teksten", gemeente_a) in body
    client.force_login(member)
    body, _queries = _load(client, url)
    assert "Nog niet gevraagd." not in body
    assert ourl("teksten", gemeente_a) not in body


def test_only_the_author_gets_the_change_links_of_a_les_from_the_cache(
    client, member, gemeente_a, proeftuin
):
    with every_gemeente():
        les = LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, created_by=member)
        collega = LidmaatschapFactory(gemeente=gemeente_a).user
    url = ourl("overzicht", gemeente_a)
    wijzigen = ourl("les_edit", gemeente_a, pk=les.pk)
    client.force_login(member)
    assert wijzigen in _load(client, url)[0]
    client.force_login(collega)
    assert wijzigen not in _load(client, url)[0]


def test_an_unknown_proeftuin_stays_not_found_after_a_first_request(
    client, facilitator, gemeente_a, proeftuin
):
    client.force_login(facilitator)
    url = ourl("overzicht", gemeente_a, query=f"?proeftuin={proeftuin.pk + 1000}")
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404
    body, _queries = _load(
        client, ourl("overzicht", gemeente_a, query=f"?proeftuin={proeftuin.pk}")
    )
    assert proeftuin.naam in body
