"""The isolation harness: every URL under /g/<slug>/, found by walking the URL resolver, is
requested as an outsider, anonymously, and with another gemeente's object ids; none may answer
200 or show anything of the other gemeente."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.scopes import every_gemeente
from tests.urlwalk import factory_for, gemeente_urls, make_rows, tenant_models, urls_for

# Every URL as every kind of outsider: a minute of its own; make test runs it.
pytestmark = pytest.mark.slow

# B's rows get ids far above A's, so an id of B never names a row of A by accident.
B_ID_BASE = 10_000_000
SECRET = "Geheim-B"


@pytest.fixture
def b_objects(gemeente_a, gemeente_b, facilitator):
    """One row of every tenant model in gemeente B (ids far from A's); its text says SECRET."""
    with every_gemeente():
        # The same row kinds in A, so a view that ignored the scope would find something. First,
        # so their ids (SQLite: the highest so far plus one) stay below B_ID_BASE.
        for model in tenant_models():
            if model.objects.with_scopes_disabled().filter(gemeente=gemeente_a).count() == 0:
                factory_for(model)(gemeente=gemeente_a)
        ids = make_rows(gemeente_b, B_ID_BASE, text=SECRET)
    return ids


def assert_nothing_of_b(response, url):
    body = response.content.decode(errors="replace")
    assert SECRET not in body, f"{url} shows data of gemeente B"
    assert "Bergen-Test" not in body, f"{url} names gemeente B"


def test_the_harness_finds_the_gemeente_pages():
    names = {name for name, _ in gemeente_urls()}
    assert {"gemeenten:detail", "gemeenten:leden", "gemeenten:lid_beeindigen"} <= names


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_member_of_another_gemeente_gets_404_everywhere(method, b_objects, gemeente_b, client):
    with every_gemeente():
        outsider = factories.LidmaatschapFactory(
            gemeente=factories.GemeenteFactory(slug="gemeente-c", naam="C")
        ).user
    client.force_login(outsider)
    for name, url, _ in urls_for(gemeente_b.slug, b_objects):
        response = getattr(client, method)(url)
        assert response.status_code == 404, f"{method.upper()} {url} ({name})"
        assert_nothing_of_b(response, url)


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_login_page(method, b_objects, gemeente_b):
    client = Client()
    for name, url, _ in urls_for(gemeente_b.slug, b_objects):
        response = getattr(client, method)(url)
        assert response.status_code == 302, f"{method.upper()} {url} ({name})"
        assert response["Location"].startswith(reverse("account_login"))
        assert_nothing_of_b(response, url)


@pytest.mark.parametrize("method", ["get", "post"])
def test_ids_of_another_gemeente_are_not_found_in_ones_own(
    method, b_objects, gemeente_a, facilitator, client
):
    client.force_login(facilitator)
    for name, url, names_an_object in urls_for(gemeente_a.slug, b_objects):
        if not names_an_object:
            continue  # a page without an object id is A's own page
        response = getattr(client, method)(url)
        allowed = {404} if method == "post" else {404, 405}
        assert response.status_code in allowed, f"{method.upper()} {url} ({name})"
        assert_nothing_of_b(response, url)


def test_every_tenant_model_has_a_factory_for_the_harness():
    missing = [m._meta.label for m in tenant_models() if factory_for(m) is None]
    assert not missing
