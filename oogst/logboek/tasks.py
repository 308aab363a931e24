"""Background work of the oogst: rendering the Logboek Oogst (one proeftuin, or combined), the
sweeper for jobs a dead worker or an unreachable broker left behind, and the render at the end
date of each proeftuin (Celery beat). The tasks take ids; the logic is in services.

The tasks keep the names they were registered under when they lived in ``oogst/tasks.py``
("oogst.tasks.<name>"): the beat schedule, messages still in the broker and
``services._task_for`` find them by these names."""

from celery import shared_task
from celery.schedules import crontab

from kern.tasks import GemeenteTask

BEAT_SWEEP = "oogst-logboek-vegen"
BEAT_END_DATE = "oogst-logboek-einddatum"


def register_beat():
    """Our entries in the beat schedule, from ready(), so no app edits the same settings."""
    from celery import current_app as app
    from django.conf import settings

    app.conf.beat_schedule = {
        **(app.conf.beat_schedule or {}),
        BEAT_SWEEP: {
            "task": "oogst.tasks.vegen",
            "schedule": settings.LOGBOEK_VEGEN_SECONDEN,
        },
        BEAT_END_DATE: {
            "task": "oogst.tasks.einddatum",
            "schedule": crontab(hour=6, minute=23),
        },
    }


# acks_late and reject_on_worker_lost: a worker killed mid-render gives the message back to
# the broker; the claim in services.render makes a second delivery harmless.
@shared_task(
    name="oogst.tasks.render_logboek",
    base=GemeenteTask,
    acks_late=True,
    reject_on_worker_lost=True,
)
def render_logboek(gemeente_id, versie_id):
    from .models import LogboekVersie
    from .services import render

    return render(LogboekVersie, versie_id, gemeente_id)


@shared_task(
    name="oogst.tasks.render_gecombineerd",
    base=GemeenteTask,
    acks_late=True,
    reject_on_worker_lost=True,
)
def render_combined(gemeente_ids, job_id):
    """``gemeente_ids``: every gemeente of the combined logboek (the scope spans exactly those)."""
    from .models import GecombineerdLogboek
    from .services import render

    return render(GecombineerdLogboek, job_id, gemeente_ids)


@shared_task(name="oogst.tasks.vegen")
def sweep():
    from . import services

    return services.sweep()


@shared_task(name="oogst.tasks.einddatum")
def render_at_end_date():
    from . import services

    return services.render_at_end_dates()
