"""The tenant and who takes part in it: gemeenten, memberships, invitations, partners."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = _("Gemeenten")

    def ready(self):
        # The checklist items and readiness proposals this app can answer itself.
        from . import startbijeenkomst  # noqa: F401
