"""The programme pages in the isolation harness: every URL of the ``programma`` namespace, found
by walking the URL resolver, refuses anyone outside the programme team; and the programme team,
a member of no gemeente, gets 404 on every page under /g/ (casus texts included) and reads no
casus text on its own pages."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.casussen.factories import CasusFactory
from tests.scopes import every_gemeente
from tests.urlwalk import make_rows, urls_for

SECRET = "Geheim-casus"


def programma_urls():
    """(name, converters) of every pattern in the ``programma`` namespace."""
    for p in get_resolver().url_patterns:
        if isinstance(p, URLResolver) and p.namespace == "programma":
            for each in p.url_patterns:
                assert isinstance(each, URLPattern) and each.name
                yield f"programma:{each.name}", each.pattern.converters


def walk(ids):
    for name, converters in programma_urls():
        if not converters:
            yield name, reverse(name)
            continue
        for object_id in ids:
            yield name, reverse(name, kwargs=dict.fromkeys(converters, object_id))


@pytest.fixture
def ids(gemeente_a, proeftuin, facilitator):
    with every_gemeente():
        lid = proeftuin.gemeente.lidmaatschap_set.get(user=facilitator)
    return [gemeente_a.pk, proeftuin.pk, lid.pk, 10**12]


def test_the_walk_finds_the_programme_pages():
    names = {name for name, _ in programma_urls()}
    assert {"programma:overzicht", "programma:gemeente_new", "programma:proeftuin_delete"} <= names


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_login_page(method, ids):
    client = Client()
    for name, url in walk(ids):
        response = getattr(client, method)(url)
        assert response.status_code == 302, f"{method.upper()} {url} ({name})"
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["facilitator", "member", "readonly_member", "outsider"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_members_of_gemeenten_are_refused_everywhere(method, who, ids, request, client):
    client.force_login(request.getfixturevalue(who))
    for name, url in walk(ids):
        response = getattr(client, method)(url)
        assert response.status_code == 403, f"{method.upper()} {url} as {who} ({name})"


def test_the_programme_team_reaches_its_pages(ids, team_client):
    for name, url in walk(ids):
        response = team_client.get(url)
        assert response.status_code in {200, 404, 405}, f"GET {url} ({name})"


@pytest.fixture
def casus_text(gemeente_a, proeftuin, member):
    with every_gemeente():
        return CasusFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            auteur=member,
            titel=f"{SECRET} titel",
            verloop=f"{SECRET} verloop",
        )


def test_the_programme_pages_show_no_casus_text(casus_text, ids, team_client):
    for name, url in walk(ids):
        response = team_client.get(url)
        assert SECRET not in response.content.decode(errors="replace"), f"{url} ({name})"


@pytest.mark.slow
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_programme_team_gets_404_on_every_gemeente_page(
    method, gemeente_a, casus_text, team_client
):
    """A member of no gemeente: every page under /g/, each casus page included, is not found."""
    with every_gemeente():
        row_ids = make_rows(gemeente_a, 20_000_000, text=SECRET)
    for name, url, _ in urls_for(gemeente_a.slug, [*row_ids, casus_text.pk]):
        response = getattr(team_client, method)(url)
        assert response.status_code == 404, f"{method.upper()} {url} ({name})"
        assert SECRET not in response.content.decode(errors="replace")


def test_the_programme_team_gets_404_on_the_casus_pages(gemeente_a, casus_text, team_client):
    """The fast part of the walk above: every casussen URL, with the casus's id."""
    for name, url, _ in urls_for(gemeente_a.slug, [casus_text.pk]):
        if not name.startswith("casussen:"):
            continue
        for method in ("get", "post"):
            response = getattr(team_client, method)(url)
            assert response.status_code == 404, f"{method.upper()} {url} ({name})"
