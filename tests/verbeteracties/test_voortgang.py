"""Progress: updates, metingen with their bad input, the CSV upload in the export's format,
exports, reminders, the proposal from an inzicht, and constant queries on the pages."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from kern.tenancy import gemeente_scope
from tests.casussen.factories import InzichtFactory
from tests.scopes import every_gemeente
from verbeteracties import tasks
from verbeteracties.models import Meting, Verbeteractie, Voortgang

from .conftest import vurl
from .factories import (
    ActieSuccesfactorFactory,
    IndicatorFactory,
    MetingFactory,
    VerbeteractieFactory,
    VoortgangFactory,
)


@pytest.fixture
def indicator(gemeente_a, actie):
    with every_gemeente():
        return IndicatorFactory(
            gemeente=gemeente_a, actie=actie, naam="Casussen besproken", eenheid="casussen"
        )


def test_the_owner_posts_updates_and_metingen_and_sees_the_run_chart(
    client, member, gemeente_a, actie, indicator
):
    client.force_login(member)
    for datum, licht in (("2026-06-01", "op_koers"), ("2026-07-15", "aandacht")):
        response = client.post(
            vurl("voortgang", gemeente_a, pk=actie.pk),
            {"datum": datum, "licht": licht, "tekst": "Overleg gehouden"},
        )
        assert response.status_code == 302
    for datum, waarde in (("2026-05-15", "3"), ("2026-06-15", "4,5"), ("2026-07-15", "6")):
        response = client.post(
            vurl("meting", gemeente_a, pk=indicator.pk),
            {"datum": datum, "waarde": waarde, "eenheid": "casussen"},
        )
        assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        assert Voortgang.objects.count() == 2
        assert list(Meting.objects.values_list("waarde", flat=True)) == [
            Decimal("3"),
            Decimal("4.5"),
            Decimal("6"),
        ]
    body = client.get(vurl("detail", gemeente_a, pk=actie.pk)).content.decode()
    assert "<svg" in body and "<polyline" in body
    assert body.count('fill="#6b4c9a"') == 2  # the two update dates marked on the chart
    assert "<table>" in body  # the table alternative


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"datum": "2026-04-30", "waarde": "3"}, "datum"),  # before the action's start
        ({"datum": "2026-06-01", "waarde": "drie"}, "waarde"),  # not a number
        ({"datum": "2026-06-01", "waarde": "3", "eenheid": "procent"}, "eenheid"),
    ],
)
def test_a_bad_meting_is_refused_at_the_field_with_the_input_kept(
    data, field, client, member, gemeente_a, actie, indicator
):
    client.force_login(member)
    response = client.post(vurl("meting", gemeente_a, pk=indicator.pk), data)
    assert response.status_code == 400
    forms = [i["form"] for i in response.context["indicatoren"]]
    assert field in forms[0].errors
    assert f'value="{data[field]}"' in response.content.decode()
    with every_gemeente():
        assert not Meting.objects.exists()


def test_a_meting_after_the_end_date_is_accepted_and_marked_as_such(
    client, member, gemeente_a, actie, indicator
):
    # A result is often measured after the action has ended (the end is 2026-10-31).
    client.force_login(member)
    for datum, waarde in (("2026-06-01", "3"), ("2027-03-01", "5")):
        response = client.post(
            vurl("meting", gemeente_a, pk=indicator.pk), {"datum": datum, "waarde": waarde}
        )
        assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        assert list(Meting.objects.values_list("datum", flat=True)) == [
            datetime.date(2026, 6, 1),
            datetime.date(2027, 3, 1),
        ]
    body = client.get(vurl("detail", gemeente_a, pk=actie.pk)).content.decode()
    # the chart draws the end date and the later point apart, the table marks its row
    assert body.count('class="runchart__einde"') == 1
    assert body.count('class="runchart__na-einde"') == 1
    label = gettext("after the end date")
    assert body.count(f'<span class="runchart__na-einde-label">{label}</span>') == 1
    # and the story of the action says so at that meting only
    assert body.count(f"({label})") == 1


def _csv(*lines):
    text = "\r\n".join(lines) + "\r\n"
    return SimpleUploadedFile("metingen.csv", ("\ufeff" + text).encode(), "text/csv")


HEADER = "Verbeteractie;Indicator;Eenheid;Datum;Waarde;Toelichting"


def test_the_export_of_metingen_can_be_uploaded_again(client, member, gemeente_a, actie, indicator):
    with every_gemeente():
        MetingFactory(gemeente=gemeente_a, indicator=indicator, datum=datetime.date(2026, 6, 1))
    client.force_login(member)
    exported = client.get(vurl("metingen_csv", gemeente_a)).content
    with every_gemeente():
        Meting.objects.all().delete()
    upload = SimpleUploadedFile("metingen.csv", exported, "text/csv")
    response = client.post(vurl("upload", gemeente_a, pk=actie.pk), {"bestand": upload})
    assert response.status_code == 302, response.context and response.context["fouten"]
    with gemeente_scope(gemeente_a):
        meting = Meting.objects.get()
    assert (meting.datum, meting.waarde) == (datetime.date(2026, 6, 1), Decimal("4"))


def test_an_upload_with_a_bad_row_stores_nothing_and_names_every_bad_line(
    client, member, gemeente_a, actie, indicator
):
    client.force_login(member)
    upload = _csv(
        HEADER,
        "Zesweeks MDO;Casussen besproken;casussen;2026-06-01;4;",
        "Zesweeks MDO;Casussen besproken;casussen;2026-06-15;veel;",
        "Zesweeks MDO;Casussen besproken;procent;2026-07-01;5;",
        "Zesweeks MDO;Casussen besproken;casussen;2026-04-01;5;",
        "Zesweeks MDO;Onbekend;casussen;2026-07-01;5;",
    )
    response = client.post(vurl("upload", gemeente_a, pk=actie.pk), {"bestand": upload})
    assert response.status_code == 400
    assert [line for line, _ in response.context["fouten"]] == [3, 4, 5, 6]
    with every_gemeente():
        assert not Meting.objects.exists()


@pytest.mark.parametrize(("name", "kind"), [("acties_csv", "text/csv"), ("metingen_xlsx", "sheet")])
def test_actions_and_metingen_export_as_csv_and_xlsx(
    name, kind, client, readonly_member, gemeente_a, actie, indicator
):
    client.force_login(readonly_member)
    response = client.get(vurl(name, gemeente_a))
    assert response.status_code == 200
    assert kind in response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    if kind == "text/csv":
        assert "Zesweeks MDO" in response.content.decode("utf-8-sig")


def test_the_owner_of_a_silent_running_action_is_reminded_once_per_silence(
    gemeente_a, actie, settings
):
    settings.VERBETERACTIE_STIL_WEKEN = 4
    today = datetime.date.today()
    with every_gemeente():
        VoortgangFactory(
            gemeente=gemeente_a, actie=actie, datum=today - datetime.timedelta(weeks=5)
        )
        VerbeteractieFactory(gemeente=gemeente_a, proeftuin=actie.proeftuin, status="gepland")
    assert tasks.herinneringen(gemeente_a.pk) == 1
    assert len(mail.outbox) == 1
    assert "Zesweeks MDO" in mail.outbox[0].subject
    assert tasks.herinneringen(gemeente_a.pk) == 0  # the same silence: no second reminder
    with every_gemeente():
        VoortgangFactory(gemeente=gemeente_a, actie=actie, datum=today)
    assert tasks.herinneringen(gemeente_a.pk) == 0  # not silent now
    with every_gemeente():
        Voortgang.objects.filter(datum=today).update(
            datum=today - datetime.timedelta(weeks=5) + datetime.timedelta(days=1)
        )
        Verbeteractie.objects.filter(pk=actie.pk).update(
            herinnerd_op=datetime.datetime.now(datetime.UTC) - datetime.timedelta(weeks=6)
        )
    assert tasks.herinneringen(gemeente_a.pk) == 1  # a new silence after the last update


def test_the_beat_entry_is_registered():
    from proeftuin.celery import app

    entry = app.conf.beat_schedule["verbeteracties-herinneringen"]
    assert entry["task"] == "verbeteracties.tasks.herinneringen_alle_gemeenten"


def test_a_professional_proposes_an_action_from_an_inzicht(
    client, member, readonly_member, gemeente_a, proeftuin
):
    with every_gemeente():
        inzicht = InzichtFactory(
            gemeente=gemeente_a,
            casus__proeftuin=proeftuin,
            titel="Huisarts kende de geestelijk verzorger niet",
            knelpunt_categorieen=["elkaar_niet_kennen"],
        )
    client.force_login(member)
    page = client.get(vurl("new", gemeente_a) + f"?inzicht={inzicht.pk}")
    form = page.context["form"]
    assert form.initial["inzichten"] == [inzicht.pk]
    assert form.initial["casussen"] == [inzicht.casus_id]
    assert form.initial["knelpunt_categorieen"] == ["elkaar_niet_kennen"]
    response = client.post(
        vurl("new", gemeente_a) + f"?inzicht={inzicht.pk}",
        {
            "proeftuin": proeftuin.pk,
            "titel": "Kennismaking huisartsen en geestelijk verzorgers",
            "start": "2026-05-01",
            "eind": "2026-10-31",
            "inzichten": [inzicht.pk],
            "casussen": [inzicht.casus_id],
        },
    )
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert inzicht.titel in body  # the story names the inzicht it came from
    client.force_login(readonly_member)
    body = client.get(response["Location"]).content.decode()
    assert inzicht.titel not in body  # a bestuurder never reads casus text
    assert inzicht.casus.titel not in body


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _more_actions(gemeente, proeftuin, n):
    with every_gemeente():
        for _ in range(n):
            actie = VerbeteractieFactory(gemeente=gemeente, proeftuin=proeftuin)
            ActieSuccesfactorFactory(gemeente=gemeente, actie=actie)
            VoortgangFactory(gemeente=gemeente, actie=actie)
            MetingFactory(gemeente=gemeente, indicator__actie=actie)


@pytest.mark.parametrize("name", ["board", "lijst", "tijdlijn", "stand"])
def test_the_overview_pages_make_as_many_queries_for_ten_actions_as_for_one(
    name, client, facilitator, gemeente_a, proeftuin
):
    _more_actions(gemeente_a, proeftuin, 1)
    client.force_login(facilitator)
    url = vurl(name, gemeente_a)
    client.get(url)  # warm the per-user caches

    def first_and_again():  # the board is cached: counted rendered and from the cache
        cache.clear()
        return _count(client, url), _count(client, url)

    once = first_and_again()
    _more_actions(gemeente_a, proeftuin, 9)
    assert first_and_again() == once


def test_the_action_page_makes_as_many_queries_whatever_the_number_of_actions_and_rows(
    client, member, gemeente_a, actie, indicator
):
    """Counted for the first request (the page's parts rendered) and the next (from the cache)."""
    with every_gemeente():
        VoortgangFactory(gemeente=gemeente_a, actie=actie)
        MetingFactory(gemeente=gemeente_a, indicator=indicator)
    client.force_login(member)
    url = vurl("detail", gemeente_a, pk=actie.pk)
    client.get(url)

    def first_and_again():
        cache.clear()
        return _count(client, url), _count(client, url)

    once = first_and_again()
    assert once[1] < once[0]
    _more_actions(gemeente_a, actie.proeftuin, 9)
    with every_gemeente():
        for _ in range(9):
            VoortgangFactory(gemeente=gemeente_a, actie=actie)
            MetingFactory(gemeente=gemeente_a, indicator=indicator)
            IndicatorFactory(gemeente=gemeente_a, actie=actie)
    assert first_and_again() == once


def test_the_action_page_shows_a_change_made_after_it_was_cached(
    client, member, gemeente_a, actie, indicator
):
    client.force_login(member)
    url = vurl("detail", gemeente_a, pk=actie.pk)
    assert "Een tweede telling" not in client.get(url).content.decode()
    with every_gemeente():
        VoortgangFactory(gemeente=gemeente_a, actie=actie, tekst="Een tweede telling gedaan")
        IndicatorFactory(gemeente=gemeente_a, actie=actie, naam="Een tweede telling")
    page = client.get(url).content.decode()
    assert page.count("Een tweede telling") >= 3  # the update, the indicator and its form


def _default_cache_keys():
    default = caches["default"]
    if isinstance(default, LocMemCache):
        return [str(key) for key in default._cache]
    return [key.decode() for key in default._cache.get_client().keys("*")]  # Redis


def test_the_rendered_action_page_with_casus_titles_stays_out_of_the_shared_cache(
    client, member, gemeente_a, actie
):
    """Rendered content can hold casus titles: it is kept in the worker's memory, never in the
    default cache (Redis in production, which may write it to disk)."""
    client.force_login(member)
    client.get(vurl("detail", gemeente_a, pk=actie.pk))
    assert isinstance(caches["fragmenten"], LocMemCache)
    assert any("pagina:verbeteracties:detail" in key for key in caches["fragmenten"]._cache)
    assert not any("pagina:verbeteracties:detail" in key for key in _default_cache_keys())
    assert any("gemeente-versie" in key for key in _default_cache_keys())  # the stamps are shared
