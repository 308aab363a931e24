"""The key pages make the same number of queries with ten times the data, and at most 15
(issue 9): measured on data of ``manage.py generate`` at a small scale and at ten times it."""

import datetime
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from demo.generator import SCALES, Scale
from gemeenten.models import Fase, Gemeente, Proeftuin
from kern.models import User
from kern.tenancy import gemeente_scope
from tests.casussen.factories import CasusFactory

# Pages at the demo and ten times its data: make test runs it.
pytestmark = pytest.mark.slow

MAX_QUERIES = 15
GEMEENTE = "gen-0001"
# One facilitator for all generated gemeenten, so the cockpit grows with them too.
SMALL = Scale("1x", 2, 3, 4, 3, 3, 2, 3, 100)
LARGE = Scale("10x", 10, 30, 40, 30, 30, 20, 30, 100)


def _first(model, **filters):
    return model.objects.filter(**filters).order_by("pk").first()


def _paths():
    """The key pages of gemeente gen-0001 (the same rows are first at both scales)."""
    from bijeenkomsten.models import Bijeenkomst, Soort
    from casussen.models import Casus
    from verbeteracties.models import Verbeteractie

    gemeente = Gemeente.objects.get(slug=GEMEENTE)
    with gemeente_scope(gemeente):
        casus = _first(Casus, inzichten__isnull=False)
        bijeenkomst = _first(Bijeenkomst, soort=Soort.INVENTARISATIE)
        actie = _first(Verbeteractie, indicatoren__isnull=False)

    def page(name, **kwargs):
        return reverse(name, kwargs={"gemeente_slug": GEMEENTE, **kwargs})

    return (
        gemeente,
        casus,
        {
            "gemeente dashboard": page("gemeenten:detail"),
            "facilitator cockpit": reverse("overzicht"),
            "casus list": page("casussen:list"),
            "casus detail": page("casussen:detail", pk=casus.pk),
            "bijeenkomst detail": page("bijeenkomsten:detail", pk=bijeenkomst.pk),
            "verbeteracties board": page("verbeteracties:board"),
            "verbeteractie detail": page("verbeteracties:detail", pk=actie.pk),
            "oogst": page("oogst:overzicht"),
            "oogst lessen": page("oogst:lessen"),
            "oogst verhalen": page("oogst:verhalen"),
            "oogst borging": page("oogst:borgingen"),
            "oogst vervolgafspraken": page("oogst:vervolgafspraken"),
        },
    )


def _same_shape(gemeente, paths):
    """Random data gives pages different branches (a meeting past or to come, a casus to bring
    or not); fix those, so both scales show the same parts and only the amounts differ."""
    from bijeenkomsten.models import Bijeenkomst
    from casussen.models import Casus

    begin = timezone.now() + datetime.timedelta(days=30)
    pk = int(paths["bijeenkomst detail"].rstrip("/").rsplit("/", 1)[1])
    with gemeente_scope(gemeente):
        Bijeenkomst.objects.filter(pk=pk).update(
            begin=begin,
            eind=begin + datetime.timedelta(hours=2),
            casus_deadline=begin - datetime.timedelta(days=7),
        )
        last = Casus.objects.order_by("-pk").first()
        Casus.objects.filter(pk=last.pk).update(status=Casus.Status.INGEDIEND)
        # The cockpit loads for each proeftuin what its own phase's checks read, one query per
        # lookup of the phases present: give both scales a proeftuin in every phase (older than
        # the generated one, which stays the dashboard's current proeftuin).
        # A nested lookup (a casus's inzichten) is only queried when its parent found rows.
        for fase in Fase.values:
            eerdere = Proeftuin.objects.create(
                gemeente=gemeente,
                naam=f"Eerdere proeftuin {fase}",
                fase=fase,
                start=datetime.date(2020, 1, 1),
                eind=datetime.date(2020, 12, 31),
            )
            CasusFactory(gemeente=gemeente, proeftuin=eerdere, auteur=last.auteur)


def _more_on_the_casus(gemeente, casus, times):
    """A casus has a few knelpunten and inzichten; the large case gives it ten times as many."""
    from casussen.models import Inzicht, InzichtSuccesfactor, Knelpunt, Succesfactor

    with gemeente_scope(gemeente):
        factoren = list(Succesfactor.objects.all())
        Knelpunt.objects.bulk_create(
            Knelpunt(gemeente=gemeente, casus=casus, categorie="anders", toelichting="[naam]")
            for _ in range(times)
        )
        inzichten = Inzicht.objects.bulk_create(
            Inzicht(gemeente=gemeente, casus=casus, titel=f"Inzicht {n}") for n in range(times)
        )
        InzichtSuccesfactor.objects.bulk_create(
            InzichtSuccesfactor(gemeente=gemeente, inzicht=inzicht, succesfactor=factor)
            for inzicht in inzichten
            for factor in factoren[:2]
        )


def _measure(scale, client, monkeypatch):
    monkeypatch.setitem(SCALES, scale.name, scale)
    call_command("generate", scale=scale.name, stdout=io.StringIO())
    gemeente, casus, paths = _paths()
    _same_shape(gemeente, paths)
    if scale is LARGE:
        _more_on_the_casus(gemeente, casus, 10)
    client.force_login(User.objects.get(email="facilitator1@gen.bench"))
    counts = {}
    for name, path in paths.items():
        client.get(path)  # the first request may renew the session or fill a process's cache
        # Then with no summaries cached (the dashboard's and the cockpit's checklists,
        # kern.data_version; the session is read from the database), and again.
        cache.clear()
        for when in ("first", "again"):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (name, path, response.status_code)
            counts[name, when] = sum(1 for q in queries if not _is_rls_setting(q["sql"]))
    return counts


def _is_rls_setting(sql):
    """On PostgreSQL, entering and leaving a gemeente's scope sets the row-level security
    setting (``set_config``): a fixed few statements per request, no data. They are not
    counted, so the budget means the same on SQLite and PostgreSQL."""
    return "set_config(" in sql


class _Undo(Exception):
    pass


_measured = {}


def measured(client, monkeypatch):
    """The query counts of every key page at both scales, measured once per test run (each
    scale's data is rolled back after measuring)."""
    if not _measured:
        for scale in (SMALL, LARGE):
            with pytest.raises(_Undo), transaction.atomic():
                _measured[scale.name] = _measure(scale, client, monkeypatch)
                raise _Undo
            client.logout()
    return _measured


PAGES = [
    "gemeente dashboard",
    "facilitator cockpit",
    "casus list",
    "casus detail",
    "bijeenkomst detail",
    "verbeteracties board",
    "verbeteractie detail",
    "oogst",
    "oogst lessen",
    "oogst verhalen",
    "oogst borging",
    "oogst vervolgafspraken",
]


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_a_key_page_makes_as_many_queries_with_ten_times_the_data(page, client, monkeypatch):
    counts = measured(client, monkeypatch)
    for when in ("first", "again"):
        assert counts["10x"][page, when] == counts["1x"][page, when], counts


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_a_key_page_makes_at_most_fifteen_queries(page, client, monkeypatch):
    counts = measured(client, monkeypatch)
    # The first request also renews the session (a write that every page pays once a minute).
    assert counts["10x"][page, "again"] <= MAX_QUERIES, counts
    assert counts["10x"][page, "first"] <= MAX_QUERIES + 3, counts


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["gemeente dashboard", "facilitator cockpit"])
def test_the_summaries_of_a_page_come_from_the_cache_the_second_time(page, client, monkeypatch):
    counts = measured(client, monkeypatch)
    assert counts["10x"][page, "again"] < counts["10x"][page, "first"] - 3, counts


@pytest.mark.django_db
def test_the_casus_list_shows_twenty_five_casussen_a_page(client, monkeypatch):
    scale = Scale("paged", 1, 2, 3, 60, 1, 1, 1, 100)
    monkeypatch.setitem(SCALES, scale.name, scale)
    call_command("generate", scale=scale.name, stdout=io.StringIO())
    client.force_login(User.objects.get(email="facilitator1@gen.bench"))
    path = reverse("casussen:list", kwargs={"gemeente_slug": GEMEENTE})
    pages = [client.get(path, {"page": n}).content.decode() for n in (1, 2, 3)]
    rows = [re.findall(r'<td><a href="[^"]*/casussen/(\d+)/">', page) for page in pages]
    assert [len(found) for found in rows] == [25, 25, 10]
    assert 'rel="next"' in pages[0]
    assert 'rel="next"' not in pages[2]
    assert len({pk for found in rows for pk in found}) == 60
