"""Reminders to owners of running actions that had no update for a while (Celery beat)."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kern.tasks import GemeenteTask


@shared_task
def herinneringen_alle_gemeenten() -> None:
    """The beat entry: one task per gemeente, each in its own scope."""
    from gemeenten.models import Gemeente

    for gemeente_id in Gemeente.objects.values_list("pk", flat=True):
        herinneringen.delay(gemeente_id)


@shared_task(base=GemeenteTask)
def herinneringen(gemeente_id: int) -> int:
    """Remind the owner of every silent running action once per silence; returns how many."""
    from .models import Status, Verbeteractie
    from .overzicht import stil_sinds

    grens = stil_sinds()
    sent = 0
    acties = (
        Verbeteractie.objects.levend()
        .filter(status=Status.LOOPT, eigenaar__isnull=False)
        .select_related("eigenaar__user", "gemeente")
        .annotate(laatste_update=Max("updates__datum"))
    )
    for actie in acties:
        stil_vanaf = actie.laatste_update or timezone.localdate(actie.created_at)
        if stil_vanaf >= grens:
            continue
        # Once per silence: a reminder after the last update means this silence had one.
        if actie.herinnerd_op and (
            actie.laatste_update is None
            or timezone.localdate(actie.herinnerd_op) >= actie.laatste_update
        ):
            continue
        with transaction.atomic():
            actie.herinnerd_op = timezone.now()
            actie.save(update_fields=["herinnerd_op"])
            _send(actie)
        sent += 1
    return sent


def _send(actie):
    context = {
        "actie": actie,
        "weken": settings.VERBETERACTIE_STIL_WEKEN,
        "url": settings.SITE_URL.rstrip("/") + actie.get_absolute_url(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("verbeteracties/email/herinnering_subject.txt", context).strip()
        body = render_to_string("verbeteracties/email/herinnering.txt", context)
    send_mail(subject, body, None, [actie.eigenaar.user.email])
