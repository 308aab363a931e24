"""Calendar output (iCalendar, RFC 5545): an invitation, update or cancellation per meeting, the
download of one meeting, and a person's feed. Times carry TZID Europe/Amsterdam with its
VTIMEZONE; the icalendar library escapes text and folds long lines."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Bijeenkomst

PRODID = "-//Proeftuin//Bijeenkomsten//NL"


def _calendar(method=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    return cal


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_CONTROL[127] = None


def one_line(text: str) -> str:
    """Text for a one-line property: no control characters, whitespace collapsed."""
    return " ".join(text.translate(_CONTROL).split())


def multi_line(text: str) -> str:
    return text.translate(_CONTROL).replace("\r\n", "\n").replace("\r", "\n")


def uid_of(bijeenkomst: Bijeenkomst) -> str:
    return f"{bijeenkomst.uid}@proeftuin"


def event(bijeenkomst: Bijeenkomst, *, attendee_email=None, attendee_name="") -> Event:
    tz = timezone.get_default_timezone()
    ev = Event()
    ev.add("uid", uid_of(bijeenkomst))
    ev.add("sequence", bijeenkomst.sequence)
    ev.add("dtstamp", timezone.now())
    ev.add("dtstart", bijeenkomst.begin.astimezone(tz))
    ev.add("dtend", bijeenkomst.eind.astimezone(tz))
    ev.add("summary", one_line(bijeenkomst.titel))
    location = ", ".join(x for x in [one_line(bijeenkomst.locatie), bijeenkomst.online_link] if x)
    if location:
        ev.add("location", location)
    if bijeenkomst.online_link:
        ev.add("url", bijeenkomst.online_link)
    description = multi_line(bijeenkomst.beschrijving)
    link = settings.SITE_URL.rstrip("/") + bijeenkomst.get_absolute_url()
    ev.add("description", f"{description}\n\n{link}".strip())
    ev.add("status", "CANCELLED" if bijeenkomst.is_geannuleerd else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{_from_address()}")
    organizer.params["cn"] = vText("Proeftuin")
    ev.add("organizer", organizer)
    if attendee_email:
        attendee = vCalAddress(f"mailto:{attendee_email}")
        if attendee_name:
            attendee.params["cn"] = vText(attendee_name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("FALSE")
        ev.add("attendee", attendee)
    return ev


def _from_address():
    from email.utils import parseaddr

    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@proeftuin.local"


def _finish(cal) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def invitation(bijeenkomst: Bijeenkomst, *, email: str, name: str = "") -> tuple[str, bytes]:
    """(METHOD, calendar) for one person: REQUEST, or CANCEL once the meeting is cancelled."""
    method = "CANCEL" if bijeenkomst.is_geannuleerd else "REQUEST"
    cal = _calendar(method)
    cal.add_component(event(bijeenkomst, attendee_email=email, attendee_name=name))
    return method, _finish(cal)


def download(bijeenkomst: Bijeenkomst) -> bytes:
    cal = _calendar("PUBLISH")
    cal.add_component(event(bijeenkomst))
    return _finish(cal)


def feed(bijeenkomsten, *, name: str) -> bytes:
    cal = _calendar("PUBLISH")
    cal.add("x-wr-calname", name)
    for bijeenkomst in bijeenkomsten:
        cal.add_component(event(bijeenkomst))
    return _finish(cal)
