"""Actiepunten and the verbeteracties they became, on the meeting's page and its actiepunten
page: the link to make one for who may propose, the action once it exists, in a fixed number
of queries; and the bijeenkomsten code itself never imports verbeteracties."""

import ast
import pathlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import bijeenkomsten
from gemeenten.models import Lidmaatschap
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import VerbeteractieFactory

from .conftest import burl
from .factories import ActiepuntFactory


@pytest.fixture
def actiepunt(gemeente_a, bijeenkomst, member):
    with every_gemeente():
        return ActiepuntFactory(
            gemeente=gemeente_a,
            bijeenkomst=bijeenkomst,
            omschrijving="Sociale kaart rondsturen",
            eigenaar=Lidmaatschap.objects.get(gemeente=gemeente_a, user=member),
        )


def _make_link(gemeente, actiepunt):
    return f"/g/{gemeente.slug}/verbeteracties/nieuw/?actiepunt={actiepunt.pk}"


@pytest.mark.parametrize("page", ["detail", "actiepunten"])
def test_who_may_propose_sees_a_link_to_make_an_action_of_each_actiepunt(
    client, member, gemeente_a, bijeenkomst, actiepunt, page
):
    client.force_login(member)
    html = client.get(burl(page, gemeente_a, pk=bijeenkomst.pk)).content.decode()
    assert f'href="{_make_link(gemeente_a, actiepunt)}"' in html


@pytest.mark.parametrize("page", ["detail", "actiepunten"])
def test_a_bestuurder_sees_no_link_to_make_an_action(
    client, readonly_member, gemeente_a, bijeenkomst, actiepunt, page
):
    client.force_login(readonly_member)
    response = client.get(burl(page, gemeente_a, pk=bijeenkomst.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sociale kaart rondsturen" in html
    assert "?actiepunt=" not in html


@pytest.mark.parametrize("page", ["detail", "actiepunten"])
def test_the_page_shows_the_action_an_actiepunt_became_instead_of_the_link(
    client, facilitator, gemeente_a, bijeenkomst, actiepunt, page
):
    with every_gemeente():
        actie = VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=bijeenkomst.proeftuin,
            actiepunt=actiepunt,
            bijeenkomst=bijeenkomst,
            titel="Sociale kaart als vast onderdeel van het MDO",
        )
        # An action in the bin does not count.
        VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=bijeenkomst.proeftuin,
            actiepunt=actiepunt,
            titel="Weggegooide poging",
            deleted_at=timezone.now(),
        )
    client.force_login(facilitator)
    html = client.get(burl(page, gemeente_a, pk=bijeenkomst.pk)).content.decode()
    assert f'href="/g/{gemeente_a.slug}/verbeteracties/{actie.pk}/"' in html
    assert "Sociale kaart als vast onderdeel van het MDO" in html
    assert "Weggegooide poging" not in html
    assert _make_link(gemeente_a, actiepunt) not in html


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum(1 for q in queries if "set_config(" not in q["sql"])


def test_the_meeting_page_makes_as_many_queries_with_five_times_the_actiepunten(
    client, facilitator, gemeente_a, bijeenkomst
):
    def add(n):
        with every_gemeente():
            for _ in range(n):
                punt = ActiepuntFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst)
                VerbeteractieFactory(
                    gemeente=gemeente_a, proeftuin=bijeenkomst.proeftuin, actiepunt=punt
                )

    client.force_login(facilitator)
    url = burl("detail", gemeente_a, pk=bijeenkomst.pk)
    add(1)
    once = _queries(client, url)
    add(4)
    assert _queries(client, url) == once


def test_the_bijeenkomsten_code_does_not_import_verbeteracties():
    # Dependencies point one way (DESIGN.md): pages link to verbeteracties by URL name and a
    # template tag library; no Python module of this app imports that app.
    root = pathlib.Path(bijeenkomsten.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "verbeteracties" for n in names), path
