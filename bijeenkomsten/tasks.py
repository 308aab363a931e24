"""Background work: the e-mail of invitations, updates and cancellations (with the .ics), and
the reminders (Celery beat, registered in apps.py)."""

import smtplib

from celery import shared_task
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from gemeenten.models import Gemeente
from kern.tasks import GemeenteTask


def calendar_part(ics: bytes, method: str):
    from email.mime.text import MIMEText

    part = MIMEText(ics.decode(), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="bijeenkomst.ics")
    return part


@shared_task(base=GemeenteTask)
def send_bijeenkomst_mail(gemeente_id: int, bijeenkomst_id: int, deelname_ids: list[int]) -> None:
    """One e-mail per invitee with the meeting's current state: an invitation, an update (same
    UID, higher SEQUENCE) or a cancellation (METHOD:CANCEL). An address the mail server refuses
    is recorded on that invitee for the facilitator; the others still get theirs. Idempotent:
    whoever already has this SEQUENCE is skipped."""
    from . import ics
    from .models import Bijeenkomst, Deelname

    bijeenkomst = Bijeenkomst.objects.select_related("gemeente").filter(pk=bijeenkomst_id).first()
    if bijeenkomst is None:
        return
    deelnames = Deelname.objects.select_related("lidmaatschap__user").filter(
        bijeenkomst=bijeenkomst, pk__in=deelname_ids, uitgenodigd_at__isnull=False
    )
    connection = mail.get_connection()
    for deelname in deelnames:
        if deelname.mail_sequence == bijeenkomst.sequence and not deelname.mail_fout:
            continue
        user = deelname.lidmaatschap.user
        method, calendar = ics.invitation(bijeenkomst, email=user.email, name=user.name)
        context = {
            "bijeenkomst": bijeenkomst,
            "method": method,
            "update": bijeenkomst.sequence > 0,
            "url": settings.SITE_URL.rstrip("/") + bijeenkomst.get_absolute_url(),
        }
        with (
            translation.override(settings.LANGUAGE_CODE),
            timezone.override(timezone.get_default_timezone()),
        ):
            subject = render_to_string("bijeenkomsten/email/uitnodiging_subject.txt", context)
            body = render_to_string("bijeenkomsten/email/uitnodiging.txt", context)
        message = mail.EmailMessage(
            " ".join(subject.split()), body, None, [user.email], connection=connection
        )
        message.attach(calendar_part(calendar, method))
        try:
            message.send()
        except smtplib.SMTPRecipientsRefused as error:
            refused = ", ".join(error.recipients) or user.email
            deelname.mail_fout = f"refused: {refused}"[:300]
        except (smtplib.SMTPException, OSError) as error:
            deelname.mail_fout = f"{type(error).__name__}"[:300]
        else:
            deelname.mail_fout = ""
            deelname.mail_sequence = bijeenkomst.sequence
            deelname.mail_sent_at = timezone.now()
        deelname.save(update_fields=["mail_fout", "mail_sequence", "mail_sent_at"])


@shared_task
def herinneringen() -> None:
    """Beat: queue the reminders of every gemeente, each in its own scope."""
    for gemeente_id in Gemeente.objects.values_list("pk", flat=True):
        herinneringen_gemeente.delay(gemeente_id)


@shared_task(base=GemeenteTask)
def herinneringen_gemeente(gemeente_id: int) -> int:
    from .herinneringen import send_due

    return send_due()
