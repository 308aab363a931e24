"""The base of every task that works for one gemeente: it takes ids and enters that scope."""

import logging

from celery import Task, shared_task
from celery.schedules import crontab
from kombu.exceptions import OperationalError

from .tenancy import gemeente_scope

logger = logging.getLogger(__name__)


class GemeenteTask(Task):
    """A task whose first argument is ``gemeente_id``; its body runs inside that gemeente's scope
    (django-scopes and, on PostgreSQL, the row-level security setting, restored afterwards).

    Use as ``@shared_task(base=GemeenteTask)``. Tasks take ids, never model instances.
    """

    def delay(self, *args, **kwargs):
        """Queue the task; when the broker cannot be reached, run it in this process now (the
        mail still goes out, the request still succeeds) and say so in the log."""
        try:
            return self.apply_async(args, kwargs, retry=False)
        except OperationalError as error:
            logger.warning(
                "The broker cannot be reached (%s): %s runs in this process.",
                type(error).__name__,
                self.name,
            )
            return self.apply(args, kwargs)

    def __call__(self, gemeente_id, *args, **kwargs):
        with gemeente_scope(gemeente_id):
            return super().__call__(gemeente_id, *args, **kwargs)


BEAT_FORGET_INTENTS = "kern-intents-vergeten"


def register_beat():
    """Our entries in the beat schedule, from ready()."""
    from celery import current_app as app

    app.conf.beat_schedule = {
        **(app.conf.beat_schedule or {}),
        BEAT_FORGET_INTENTS: {"task": "kern.tasks.forget_intents", "schedule": crontab(minute=41)},
    }


@shared_task
def forget_intents():
    """The intent tokens of forms sent more than a day ago (``kern.intents``)."""
    from .intents import forget_old

    return forget_old()
