"""The base of every task that works for one gemeente: it takes ids and enters that scope."""

from celery import Task

from .tenancy import gemeente_scope


class GemeenteTask(Task):
    """A task whose first argument is ``gemeente_id``; its body runs inside that gemeente's scope
    (django-scopes and, on PostgreSQL, the row-level security setting, restored afterwards).

    Use as ``@shared_task(base=GemeenteTask)``. Tasks take ids, never model instances.
    """

    def __call__(self, gemeente_id, *args, **kwargs):
        with gemeente_scope(gemeente_id):
            return super().__call__(gemeente_id, *args, **kwargs)
