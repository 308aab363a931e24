"""The netwerk page makes as many queries with ten times the answers, and at most 15."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oogst.netwerk.models import PeilMoment
from tests.factories import LidmaatschapFactory, OrganisatieFactory
from tests.scopes import every_gemeente

from .fixtures import antwoord, ourl

# The netwerk page at ten times the answers: make test runs it.
pytestmark = pytest.mark.slow

MAX_QUERIES = 15


def _answers(gemeente, proeftuin, organisaties, respondents):
    with every_gemeente():
        leden = [
            LidmaatschapFactory(gemeente=gemeente, organisatie=organisaties[n % len(organisaties)])
            for n in range(respondents)
        ]
    for n, lid in enumerate(leden):
        for moment in PeilMoment.values:
            antwoord(
                gemeente,
                proeftuin,
                lid,
                moment,
                {o: (n + i) % 4 for i, o in enumerate(organisaties) if o.pk != lid.organisatie_id},
            )


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return sum(1 for q in queries if "set_config(" not in q["sql"])


@pytest.mark.parametrize("who", ["facilitator", "member"])
def test_the_netwerk_page_makes_as_many_queries_with_ten_times_the_answers(
    who, request, client, gemeente_a, proeftuin
):
    user = request.getfixturevalue(who)
    with every_gemeente():
        organisaties = [
            OrganisatieFactory(gemeente=gemeente_a, domein=("zorg", "sociaal")[n % 2])
            for n in range(4)
        ]
    client.force_login(user)
    url = ourl("netwerk", gemeente_a)
    _answers(gemeente_a, proeftuin, organisaties, 2)
    small = _count(client, url)
    with every_gemeente():
        organisaties += [OrganisatieFactory(gemeente=gemeente_a) for _ in range(6)]
    _answers(gemeente_a, proeftuin, organisaties, 20)
    large = _count(client, url)
    assert large == small
    assert large <= MAX_QUERIES
