"""The casus list: each row shows what the casus's own display methods would, from only the
columns it needs (issue 9)."""

import re

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from casussen.models import Casus
from kern.permissions import Rol
from tests.factories import LidmaatschapFactory
from tests.scopes import every_gemeente

from .conftest import curl
from .factories import CasusFactory, InzichtFactory, KnelpuntFactory


def test_a_row_shows_status_condition_age_group_and_bottlenecks(
    client, facilitator, gemeente_a, proeftuin_a
):
    with every_gemeente():
        casus = CasusFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin_a,
            status=Casus.Status.INGEDIEND,
            ziektebeeld="copd",
            leeftijdscategorie="75_84",
        )
        for categorie in ("financiering", "informatie_uitwisseling", "financiering"):
            KnelpuntFactory(gemeente=gemeente_a, casus=casus, categorie=categorie)
        leeg = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin_a, status="ingediend")
    client.force_login(facilitator)
    body = client.get(curl("list", gemeente_a)).content.decode()
    row = body[body.index(casus.titel) : body.index("</tr>", body.index(casus.titel))]
    # The labels in the page's language, whatever language an earlier test left active.
    with every_gemeente(), translation.override(settings.LANGUAGE_CODE):
        knelpunten = ", ".join(k.get_categorie_display() for k in casus.knelpunten.order_by("pk"))
        expected = [
            str(casus.get_status_display()),
            str(casus.get_ziektebeeld_display()),
            str(casus.get_leeftijdscategorie_display()),
            f"<td>{knelpunten}</td>",
        ]
    for text in expected:
        assert text in row
    empty = body[body.index(leeg.titel) : body.index("</tr>", body.index(leeg.titel))]
    assert empty.count("<td>—</td>") == 3


def test_the_list_of_a_bestuurder_does_not_load_the_titles(
    client, facilitator, readonly_member, gemeente_a, proeftuin_a
):
    with every_gemeente():
        casus = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin_a, status="ingediend")
    client.force_login(facilitator)
    assert casus.titel in client.get(curl("list", gemeente_a)).content.decode()
    client.force_login(readonly_member)
    assert casus.titel not in client.get(curl("list", gemeente_a)).content.decode()
    # Not even read from the database: no query on the casussen selects the title. (?page=1 is
    # a page of its own in the cache, so it is rendered here.)
    with CaptureQueriesContext(connection) as queries:
        body = client.get(curl("list", gemeente_a) + "?page=1").content.decode()
    assert f"Casus {casus.pk}" in body
    casus_queries = [q["sql"] for q in queries if 'FROM "casussen_casus"' in q["sql"]]
    assert casus_queries
    assert not any('"casussen_casus"."titel"' in sql for sql in casus_queries)


def test_a_row_counts_the_inzichten_that_are_not_deleted(
    client, facilitator, gemeente_a, proeftuin_a
):
    with every_gemeente():
        casus = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin_a, status="ingediend")
        for _ in range(2):
            InzichtFactory(gemeente=gemeente_a, casus=casus)
        InzichtFactory(gemeente=gemeente_a, casus=casus, deleted_at="2026-06-01T10:00Z")
        zonder = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin_a, status="ingediend")
    client.force_login(facilitator)
    body = client.get(curl("list", gemeente_a) + "?page=1").content.decode()
    row = r'<tr>\s*<td><a href="[^"]*/(\d+)/">.*?<td class="num">(\d+)</td>'
    rows = re.findall(row, body, re.S)
    assert {int(pk): int(n) for pk, n in rows} == {casus.pk: 2, zonder.pk: 0}


def test_the_cached_list_is_renewed_by_a_change_and_kept_apart_per_reader(
    client, facilitator, member, gemeente_a, proeftuin_a
):
    with every_gemeente():
        eigen = CasusFactory(
            gemeente=gemeente_a, proeftuin=proeftuin_a, status="concept", auteur=facilitator
        )
        collega = LidmaatschapFactory(gemeente=gemeente_a, role=Rol.FACILITATOR).user
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(facilitator)
    body = client.get(curl("list", gemeente_a)).content.decode()
    assert eigen.titel in body and "yours" in body
    with every_gemeente():
        nieuw = CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin_a, status="ingediend")
    assert nieuw.titel in client.get(curl("list", gemeente_a)).content.decode()
    # Another facilitator sees the same rows, but the draft is not theirs.
    client.force_login(collega)
    body = client.get(curl("list", gemeente_a)).content.decode()
    assert eigen.titel in body and "yours" not in body
    # A professional's list is their own: not the facilitator's draft, no "yours" badge.
    client.force_login(member)
    body = client.get(curl("list", gemeente_a)).content.decode()
    assert nieuw.titel in body
    assert eigen.titel not in body and "yours" not in body
