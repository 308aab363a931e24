"""Planning a meeting: the form's bad input, the default deadline, a series, who may plan."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from bijeenkomsten.models import Bijeenkomst
from gemeenten.models import Proeftuin, Wijziging
from tests.scopes import every_gemeente

from .conftest import burl

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def local(days, hour=14, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute)).strftime("%Y-%m-%dT%H:%M")


def plan_data(gemeente, **overrides):
    with every_gemeente():
        proeftuin = Proeftuin.objects.filter(gemeente=gemeente).first()
    data = {
        "proeftuin": proeftuin.pk,
        "soort": "inventarisatie",
        "titel": "Eerste inventarisatie",
        "begin": local(20, 14),
        "eind": local(20, 16),
        "locatie": "Gemeentehuis",
        "online_link": "",
        "beschrijving": "",
        "casus_deadline": "",
        "herhalen": "",
    }
    data.update(overrides)
    return data


def test_a_facilitator_plans_a_meeting_with_the_deadline_a_week_before(
    client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    response = client.post(burl("new", gemeente_a), plan_data(gemeente_a))
    with every_gemeente():
        b = Bijeenkomst.objects.get()
        assert Wijziging.objects.filter(object_id=b.pk, object_repr=b.titel).exists()
    assert response.status_code == 302 and response["Location"] == b.get_absolute_url()
    assert b.begin.astimezone(AMS).hour == 14
    assert b.casus_deadline == b.begin - datetime.timedelta(days=7)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"eind": local(20, 13)}, "eind", "The end lies before the start."),
        ({"begin": local(-1, 14), "eind": local(-1, 16)}, "begin", "This moment has passed"),
        ({"casus_deadline": local(21, 9)}, "casus_deadline", "deadline for casussen lies after"),
        ({"locatie": "", "online_link": ""}, "locatie", "Fill in a location, an online link"),
        ({"begin": "2026-02-30T14:00"}, "begin", ""),
        # 02:30 does not exist on the day summer time starts, and occurs twice when it ends.
        ({"begin": "2027-03-28T02:30", "eind": "2027-03-28T04:00"}, "begin", ""),
        ({"begin": "2027-10-31T02:30", "eind": "2027-10-31T04:00"}, "begin", ""),
        ({"begin": "0001-01-01T00:00"}, "begin", "between the years"),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_is_saved(
    client, facilitator, gemeente_a, overrides, field, message, settings
):
    settings.LANGUAGE_CODE = "en"
    client.force_login(facilitator)
    response = client.post(
        burl("new", gemeente_a), plan_data(gemeente_a, **overrides), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    if message:
        assert message in " ".join(response.context["form"].errors[field])
    with every_gemeente():
        assert not Bijeenkomst.objects.exists()
    assert 'value="Eerste inventarisatie"' in response.content.decode()


def test_a_six_weekly_series_keeps_the_local_time_across_the_dst_change(
    client, facilitator, gemeente_a
):
    client.force_login(facilitator)
    data = plan_data(gemeente_a, soort="zesweeks", titel="Zesweeks overleg", herhalen="3")
    client.post(burl("new", gemeente_a), data)
    with every_gemeente():
        rows = list(Bijeenkomst.objects.order_by("begin"))
    assert len(rows) == 4
    assert len({b.reeks_id for b in rows}) == 1 and rows[0].reeks_id
    first = rows[0].begin.astimezone(AMS).date()
    assert [(b.begin.astimezone(AMS).date() - first).days for b in rows] == [0, 42, 84, 126]
    assert {b.begin.astimezone(AMS).hour for b in rows} == {14}
    assert all(b.casus_deadline == b.begin - datetime.timedelta(days=7) for b in rows)


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_only_a_facilitator_plans_others_get_403(client, gemeente_a, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(burl("new", gemeente_a)).status_code == 403
    assert client.post(burl("new", gemeente_a), plan_data(gemeente_a)).status_code == 403
    assert client.get(burl("list", gemeente_a)).status_code == 200


def test_the_gemeente_navigation_links_to_the_meetings(client, member, gemeente_a):
    client.force_login(member)
    response = client.get(f"/g/{gemeente_a.slug}/")
    assert burl("list", gemeente_a) in response.content.decode()


def test_a_stale_edit_is_refused(client, facilitator, gemeente_a, bijeenkomst):
    client.force_login(facilitator)
    data = plan_data(gemeente_a, titel="Nieuwe titel", version=bijeenkomst.version)
    data["begin"] = bijeenkomst.begin.astimezone(AMS).strftime("%Y-%m-%dT%H:%M")
    data["eind"] = bijeenkomst.eind.astimezone(AMS).strftime("%Y-%m-%dT%H:%M")
    with every_gemeente():
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(version=5)
    response = client.post(burl("edit", gemeente_a, pk=bijeenkomst.pk), data)
    assert response.status_code == 400
    with every_gemeente():
        assert Bijeenkomst.objects.get().titel == "Eerste inventarisatie"
