"""The tenant and who takes part in it: gemeenten, memberships, invitations, partners."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = _("Gemeenten")

    def ready(self):
        from kern import writes

        # The checklist items and readiness proposals this app can answer itself.
        from . import startbijeenkomst  # noqa: F401
        from .archief import refuse_archived
        from .audit import audit_write
        from .models import Wijziging

        # The write path of the core keeps every change in this app's history table, and
        # the changes of audited rows in its audit log.
        writes.register_history(Wijziging.record)
        writes.register_audit(audit_write)
        # An archived proeftuin and what hangs off it are read-only.
        writes.register_guard(refuse_archived)
