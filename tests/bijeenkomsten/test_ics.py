"""Calendar output parsed back with icalendar: UID, SEQUENCE, METHOD, time zone, DST days,
escaping and long lines."""

import datetime
import zoneinfo

import icalendar
import pytest

from bijeenkomsten import ics
from tests.scopes import every_gemeente

from .factories import BijeenkomstFactory

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = datetime.UTC


def parse(data):
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    return cal, event


def make(gemeente, **kwargs):
    with every_gemeente():
        return BijeenkomstFactory(gemeente=gemeente, **kwargs)


def test_an_invitation_has_method_request_uid_sequence_and_amsterdam_time(gemeente_a):
    b = make(
        gemeente_a,
        begin=datetime.datetime(2026, 12, 10, 14, 0, tzinfo=AMS),
        eind=datetime.datetime(2026, 12, 10, 16, 30, tzinfo=AMS),
    )
    method, data = ics.invitation(b, email="a@example.org", name="Anna")
    cal, event = parse(data)
    assert method == "REQUEST" and cal["METHOD"] == "REQUEST"
    assert str(event["UID"]) == f"{b.uid}@proeftuin"
    assert event["SEQUENCE"] == 0
    start = event.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Amsterdam" and start.hour == 14
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(event["ATTENDEE"]) == "mailto:a@example.org"


@pytest.mark.parametrize(
    ("day", "local_hour", "utc_hour"),
    [
        # 29 March 2026: clocks go from 02:00 CET to 03:00 CEST; 10:00 local is 08:00 UTC.
        (datetime.date(2026, 3, 29), 10, 8),
        # 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET; 10:00 local is 09:00 UTC.
        (datetime.date(2026, 10, 25), 10, 9),
    ],
)
def test_meetings_on_dst_days_keep_their_local_time_and_utc_instant(
    gemeente_a, day, local_hour, utc_hour
):
    begin = datetime.datetime.combine(day, datetime.time(local_hour), tzinfo=AMS)
    b = make(gemeente_a, begin=begin, eind=begin + datetime.timedelta(hours=3))
    _cal, event = parse(ics.download(b))
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.hour == local_hour and start.date() == day
    assert start.astimezone(UTC).hour == utc_hour
    assert end - start == datetime.timedelta(hours=3)
    assert end.astimezone(UTC) - start.astimezone(UTC) == datetime.timedelta(hours=3)


def test_a_meeting_across_the_night_the_clock_goes_back_lasts_its_real_length(gemeente_a):
    begin = datetime.datetime(2026, 10, 25, 1, 0, tzinfo=AMS)  # CEST, UTC+2
    eind = datetime.datetime(2026, 10, 25, 4, 0, tzinfo=AMS)  # CET, UTC+1: four real hours
    b = make(gemeente_a, begin=begin, eind=eind)
    _cal, event = parse(ics.download(b))
    real = event.decoded("DTEND").astimezone(UTC) - event.decoded("DTSTART").astimezone(UTC)
    assert real == datetime.timedelta(hours=4)


def test_a_cancellation_keeps_the_uid_raises_the_sequence_and_says_cancel(gemeente_a):
    from django.utils import timezone

    b = make(gemeente_a)
    _m, first = ics.invitation(b, email="a@example.org")
    b.geannuleerd_at = timezone.now()
    b.sequence = 1
    method, data = ics.invitation(b, email="a@example.org")
    cal, event = parse(data)
    assert method == "CANCEL" and cal["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert event["UID"] == parse(first)[1]["UID"]


@pytest.mark.parametrize(
    "text",
    [
        "Zaal 3; ingang B, naast de bieb\\achterom",
        "Regel een\nregel twee\r\nregel drie",
        "x" * 500,
        "Zoë’s ruimte 👩🏽‍⚕️ مرحبا " * 20,
        "BEGIN:VEVENT\nEND:VCALENDAR",
        "a\x07b\x1bc\x7f",  # control characters (NUL never reaches the database: forms refuse it)
    ],
)
def test_any_text_in_title_or_location_gives_valid_calendar_output(gemeente_a, text):
    b = make(gemeente_a, titel=text[:200], locatie=text[:300], beschrijving=text)
    data = ics.download(b)
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded"
    cal, event = parse(data)
    assert len(cal.walk("VEVENT")) == 1
    assert str(event["SUMMARY"]) == ics.one_line(text[:200])
    assert str(event["LOCATION"]) == ics.one_line(text[:300])
    assert not any(ord(c) < 32 and c != "\n" for c in str(event["DESCRIPTION"]))
