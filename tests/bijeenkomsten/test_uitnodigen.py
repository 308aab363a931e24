"""Inviting: one e-mail per member with the .ics (text/calendar; method=REQUEST), updates and
cancellations with the same UID and a higher SEQUENCE, and addresses the mail server refuses."""

import smtplib

import icalendar
import pytest
from django.core.mail.backends.locmem import EmailBackend

from bijeenkomsten.models import Deelname
from kern.permissions import Rol
from tests.factories import LidmaatschapFactory
from tests.scopes import every_gemeente

from .conftest import burl
from .test_planning import plan_data

REFUSED = {"kapot@example.org", "weg@example.org"}


class RefusingBackend(EmailBackend):
    """locmem, but the server refuses some recipients in the SMTP dialogue."""

    def send_messages(self, messages):
        for message in messages:
            refused = {
                r: (550, b"5.1.1 User unknown") for r in message.recipients() if r in REFUSED
            }
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
        return super().send_messages(messages)


def calendar_of(message):
    (part,) = [p for p in message.attachments if not isinstance(p, tuple)]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") in ("REQUEST", "CANCEL")
    return part.get_param("method"), icalendar.Calendar.from_ical(part.get_payload(decode=True))


def invite_all(client, gemeente, bijeenkomst):
    with every_gemeente():
        from gemeenten.models import Lidmaatschap

        ids = list(Lidmaatschap.objects.filter(gemeente=gemeente).values_list("pk", flat=True))
    return client.post(burl("invite", gemeente, pk=bijeenkomst.pk), {"leden": ids})


def test_everyone_invited_gets_an_email_with_a_calendar_invitation(
    client,
    facilitator,
    member,
    readonly_member,
    gemeente_a,
    bijeenkomst,
    mailbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(facilitator)
    page = client.get(burl("invite", gemeente_a, pk=bijeenkomst.pk)).content.decode()
    assert page.count("checked") == 3  # everyone not invited yet is ticked
    with django_capture_on_commit_callbacks(execute=True):
        response = invite_all(client, gemeente_a, bijeenkomst)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailbox) == sorted(
        [facilitator.email, member.email, readonly_member.email]
    )
    method, cal = calendar_of(mailbox[0])
    (event,) = cal.walk("VEVENT")
    assert method == "REQUEST" and cal["METHOD"] == "REQUEST"
    assert str(event["UID"]) == f"{bijeenkomst.uid}@proeftuin" and event["SEQUENCE"] == 0
    assert str(event["ATTENDEE"]) == f"mailto:{mailbox[0].to[0]}"
    assert "Eerste inventarisatie" in mailbox[0].subject
    with every_gemeente():
        assert Deelname.objects.filter(mail_sequence=0, mail_sent_at__isnull=False).count() == 3


def test_a_change_sends_an_update_and_a_cancellation_a_cancel_with_the_same_uid(
    client,
    facilitator,
    member,
    gemeente_a,
    bijeenkomst,
    mailbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        invite_all(client, gemeente_a, bijeenkomst)
    mailbox.clear()
    data = plan_data(gemeente_a, locatie="Bibliotheek, zaal 2", version=1)
    data["begin"] = bijeenkomst.begin.astimezone().strftime("%Y-%m-%dT%H:%M")
    data["eind"] = bijeenkomst.eind.astimezone().strftime("%Y-%m-%dT%H:%M")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(burl("edit", gemeente_a, pk=bijeenkomst.pk), data)
    assert response.status_code == 302
    assert len(mailbox) == 2
    method, cal = calendar_of(mailbox[0])
    (event,) = cal.walk("VEVENT")
    assert method == "REQUEST" and event["SEQUENCE"] == 1
    assert "Bibliotheek, zaal 2" in str(event["LOCATION"])
    assert str(event["UID"]) == f"{bijeenkomst.uid}@proeftuin"
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(burl("cancel", gemeente_a, pk=bijeenkomst.pk))
    assert len(mailbox) == 2
    method, cal = calendar_of(mailbox[0])
    (event,) = cal.walk("VEVENT")
    assert method == "CANCEL" and cal["METHOD"] == "CANCEL" and event["SEQUENCE"] == 2
    assert str(event["UID"]) == f"{bijeenkomst.uid}@proeftuin"
    assert event["STATUS"] == "CANCELLED"


def test_a_change_that_is_not_in_the_calendar_sends_nothing(
    client, facilitator, gemeente_a, bijeenkomst, mailbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        invite_all(client, gemeente_a, bijeenkomst)
    mailbox.clear()
    data = plan_data(gemeente_a, version=1)
    data["begin"] = bijeenkomst.begin.astimezone().strftime("%Y-%m-%dT%H:%M")
    data["eind"] = bijeenkomst.eind.astimezone().strftime("%Y-%m-%dT%H:%M")
    data["casus_deadline"] = bijeenkomst.begin.astimezone().strftime("%Y-%m-%dT08:00")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(burl("edit", gemeente_a, pk=bijeenkomst.pk), data)
    assert mailbox == []


def test_refused_addresses_are_listed_for_the_facilitator_and_the_others_get_their_mail(
    client,
    facilitator,
    member,
    gemeente_a,
    bijeenkomst,
    mailbox,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with every_gemeente():
        for email in REFUSED:
            LidmaatschapFactory(gemeente=gemeente_a, role=Rol.PROFESSIONAL, user__email=email)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite_all(client, gemeente_a, bijeenkomst)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailbox) == sorted([facilitator.email, member.email])
    page = client.get(bijeenkomst.get_absolute_url())
    body = page.content.decode()
    assert page.status_code == 200
    assert "kapot@example.org" in body and "weg@example.org" in body
    assert body.count('role="alert"') >= 1
    with every_gemeente():
        failed = Deelname.objects.exclude(mail_fout="")
        assert {d.lidmaatschap.user.email for d in failed} == REFUSED
        assert all(d.mail_sent_at is None for d in failed)


def test_inviting_nobody_is_refused_with_a_message(client, facilitator, gemeente_a, bijeenkomst):
    client.force_login(facilitator)
    response = client.post(burl("invite", gemeente_a, pk=bijeenkomst.pk), {})
    assert response.status_code == 400
    assert response.context["form"].errors["leden"]


@pytest.mark.parametrize("who", ["member", "readonly_member"])
def test_members_cannot_invite(client, gemeente_a, bijeenkomst, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(burl("invite", gemeente_a, pk=bijeenkomst.pk), {}).status_code == 403


def test_the_download_of_one_meeting_is_a_calendar_file(client, member, gemeente_a, bijeenkomst):
    client.force_login(member)
    response = client.get(burl("ics", gemeente_a, pk=bijeenkomst.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    assert str(cal.walk("VEVENT")[0]["UID"]) == f"{bijeenkomst.uid}@proeftuin"
