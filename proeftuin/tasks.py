"""The base of every task that works for one gemeente: it takes ids and enters that scope."""

from celery import Task
from django_scopes import scope


class GemeenteTask(Task):
    """A task whose first argument is ``gemeente_id``; its body runs inside that gemeente's scope.

    Use as ``@shared_task(base=GemeenteTask)``. Tasks take ids, never model instances.
    """

    def __call__(self, gemeente_id, *args, **kwargs):
        with scope(gemeente=gemeente_id):
            return super().__call__(gemeente_id, *args, **kwargs)
