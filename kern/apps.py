"""App config of the project core (users, tenancy, roles)."""

from celery.signals import task_postrun, task_prerun
from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KernConfig(AppConfig):
    name = "kern"
    # The label the users, their table and their migrations had before the core left the project
    # package: kept, so no table, migration or permission is renamed.
    label = "proeftuin"
    verbose_name = _("Proeftuin")

    def ready(self):
        from . import checks, data_version, fragments, permissions, policies, rls, sessions  # noqa: F401
        from . import tasks as kern_tasks

        # Hourly: the intent tokens of forms sent more than a day ago.
        kern_tasks.register_beat()

        # Any change of a gemeente's data gives it a new stamp (the key of cached summaries).
        data_version.connect()
        # The live fragments of cached pages (kern.fragments), from every app's live.py.
        fragments.discover()

        # After every migrate: row-level security on every tenant table, new ones included.
        post_migrate.connect(policies.on_post_migrate, sender=self, dispatch_uid="kern.policies")
        # A connection whose setting could not be restored is cleared before it serves again.
        for signal in (request_started, request_finished, task_prerun, task_postrun):
            signal.connect(rls.clear_if_unknown, dispatch_uid="kern.rls.clear")
