"""Scheduled work of the casussen: the retention purge of casus texts (Celery beat)."""

from celery import shared_task
from celery.schedules import crontab
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kern.tasks import GemeenteTask

BEAT_NAME = "casussen-bewaartermijn"


def register_beat():
    """Our entry in the beat schedule, from ready(), so no app edits the same settings lines."""
    from celery import current_app as app

    app.conf.beat_schedule = {
        **(app.conf.beat_schedule or {}),
        BEAT_NAME: {"task": "casussen.tasks.purge_expired", "schedule": crontab(hour=3, minute=17)},
    }


@shared_task
def purge_expired():
    """Queue the purge for every gemeente (each in its own scope, by id)."""
    from gemeenten.models import Gemeente

    for gemeente_id in Gemeente.objects.values_list("pk", flat=True):
        transaction.on_commit(lambda gid=gemeente_id: purge_gemeente.delay(gid))


@shared_task(base=GemeenteTask, acks_late=True)
def purge_gemeente(gemeente_id):
    """Empty the texts of the casussen whose proeftuin ended more than the retention period
    ago; idempotent (a purged casus is skipped). Returns how many were purged."""
    from . import services

    months = settings.CASUS_BEWAARTERMIJN_MAANDEN
    purged = 0
    for casus in services.casussen_to_purge(timezone.localdate(), months):
        purged += services.casus_purge_texts(casus=casus)
    return purged
