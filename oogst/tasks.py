"""Background work of the oogst: rendering the Logboek Oogst (one proeftuin, or combined), the
sweeper for jobs a dead worker or an unreachable broker left behind, and the render at the end
date of each proeftuin (Celery beat). The tasks take ids; the logic is in services_logboek."""

from celery import shared_task
from celery.schedules import crontab

from kern.tasks import GemeenteTask

BEAT_VEGEN = "oogst-logboek-vegen"
BEAT_EINDDATUM = "oogst-logboek-einddatum"


def register_beat():
    """Our entries in the beat schedule, from ready(), so no app edits the same settings."""
    from celery import current_app as app
    from django.conf import settings

    app.conf.beat_schedule = {
        **(app.conf.beat_schedule or {}),
        BEAT_VEGEN: {
            "task": "oogst.tasks.vegen",
            "schedule": settings.LOGBOEK_VEGEN_SECONDEN,
        },
        BEAT_EINDDATUM: {
            "task": "oogst.tasks.einddatum",
            "schedule": crontab(hour=6, minute=23),
        },
    }


# acks_late and reject_on_worker_lost: a worker killed mid-render gives the message back to
# the broker; the claim in services_logboek.render makes a second delivery harmless.
@shared_task(base=GemeenteTask, acks_late=True, reject_on_worker_lost=True)
def render_logboek(gemeente_id, versie_id):
    from .models import LogboekVersie
    from .services_logboek import render

    return render(LogboekVersie, versie_id, gemeente_id)


@shared_task(base=GemeenteTask, acks_late=True, reject_on_worker_lost=True)
def render_gecombineerd(gemeente_ids, job_id):
    """``gemeente_ids``: every gemeente of the combined logboek (the scope spans exactly those)."""
    from .models import GecombineerdLogboek
    from .services_logboek import render

    return render(GecombineerdLogboek, job_id, gemeente_ids)


@shared_task
def vegen():
    from .services_logboek import vegen as sweep

    return sweep()


@shared_task
def einddatum():
    from .services_logboek import einddatum_renders

    return einddatum_renders()
