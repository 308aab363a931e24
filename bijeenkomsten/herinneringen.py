"""Reminders: who gets which one now, and sending each once (recorded per kind, person and
meeting or action item). Runs inside one gemeente's scope (tasks.herinneringen_gemeente)."""

import datetime
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kern.permissions import Rol

from .models import (
    Actiepunt,
    Antwoord,
    Bijeenkomst,
    Deelname,
    Herinneringsvoorkeur,
    Inbreng,
    Soort,
    VerzondenHerinnering,
)

CASUS_DEADLINE_WINDOW = datetime.timedelta(days=2)


@dataclass(frozen=True)
class Herinnering:
    soort: str
    user: object
    object_id: int
    subject_object: object  # the meeting or action item the reminder is about


def _already_sent(soort):
    return set(VerzondenHerinnering.objects.filter(soort=soort).values_list("user_id", "object_id"))


def _wanted(candidates, now):
    """Drop what was sent before and what the person opted out of."""
    by_soort = {}
    result = []
    for h in candidates:
        sent = by_soort.setdefault(h.soort, _already_sent(h.soort))
        if (h.user.pk, h.object_id) in sent:
            continue
        if not Herinneringsvoorkeur.of(h.user).wants(h.soort):
            continue
        result.append(h)
    return result


def dag_ervoor(now):
    """Everyone invited or signed up and not saying no, for meetings that start tomorrow."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    deelnames = (
        Deelname.objects.komt_mogelijk()
        .filter(
            bijeenkomst__geannuleerd_at__isnull=True,
            bijeenkomst__begin__date=tomorrow,
        )
        .select_related("bijeenkomst", "lidmaatschap__user")
    )
    return [
        Herinnering(
            VerzondenHerinnering.Soort.DAG_ERVOOR,
            d.lidmaatschap.user,
            d.bijeenkomst_id,
            d.bijeenkomst,
        )
        for d in deelnames
        if d.uitgenodigd_at or d.antwoord in (Antwoord.JA, Antwoord.MISSCHIEN)
    ]


def actiepunten(now):
    """Owners of action items not done whose deadline has passed."""
    today = timezone.localdate(now)
    punten = Actiepunt.objects.filter(
        gedaan_at__isnull=True, deadline__lt=today, eigenaar__isnull=False
    ).select_related("eigenaar__user", "bijeenkomst")
    return [
        Herinnering(VerzondenHerinnering.Soort.ACTIEPUNTEN, a.eigenaar.user, a.pk, a)
        for a in punten
    ]


def casus_deadline(now):
    """Professionals invited to an inventory meeting whose casus deadline is within two days
    and who have not brought a casus to it yet."""
    meetings = Bijeenkomst.objects.actief().filter(
        soort=Soort.INVENTARISATIE,
        casus_deadline__gt=now,
        casus_deadline__lte=now + CASUS_DEADLINE_WINDOW,
    )
    deelnames = (
        Deelname.objects.komt_mogelijk()
        .filter(bijeenkomst__in=meetings, lidmaatschap__role=Rol.PROFESSIONAL)
        .select_related("bijeenkomst", "lidmaatschap__user")
    )
    brought = set(
        Inbreng.objects.filter(bijeenkomst__in=meetings).values_list("bijeenkomst_id", "by_id")
    )
    return [
        Herinnering(
            VerzondenHerinnering.Soort.CASUS_DEADLINE,
            d.lidmaatschap.user,
            d.bijeenkomst_id,
            d.bijeenkomst,
        )
        for d in deelnames
        if (d.uitgenodigd_at or d.antwoord)
        and (d.bijeenkomst_id, d.lidmaatschap.user_id) not in brought
    ]


def due(now=None):
    now = now or timezone.now()
    return _wanted(casus_deadline(now) + dag_ervoor(now) + actiepunten(now), now)


def send_due(now=None) -> int:
    """Send what is due; the record is written first, so a reminder goes out at most once."""
    sent = 0
    for herinnering in due(now):
        try:
            with transaction.atomic():
                VerzondenHerinnering.objects.create(
                    gemeente_id=_gemeente_id(herinnering.subject_object),
                    soort=herinnering.soort,
                    user=herinnering.user,
                    object_id=herinnering.object_id,
                )
                _send(herinnering)
        except IntegrityError:
            continue  # another run sent it just now
        except (smtplib.SMTPException, OSError):
            continue  # rolled back: the next run tries again
        sent += 1
    return sent


def _gemeente_id(obj):
    return obj.gemeente_id


def _send(herinnering):
    obj = herinnering.subject_object
    bijeenkomst = obj if isinstance(obj, Bijeenkomst) else getattr(obj, "bijeenkomst", None)
    context = {
        "herinnering": herinnering,
        "soort": herinnering.soort,
        "object": obj,
        "bijeenkomst": bijeenkomst,
        "url": settings.SITE_URL.rstrip("/") + bijeenkomst.get_absolute_url(),
        "voorkeur_url": settings.SITE_URL.rstrip("/") + "/agenda/",
    }
    with (
        translation.override(settings.LANGUAGE_CODE),
        timezone.override(timezone.get_default_timezone()),
    ):
        subject = render_to_string("bijeenkomsten/email/herinnering_subject.txt", context)
        body = render_to_string("bijeenkomsten/email/herinnering.txt", context)
    mail.send_mail(" ".join(subject.split()), body, None, [herinnering.user.email])
