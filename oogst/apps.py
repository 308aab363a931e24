from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OogstConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst"
    verbose_name = _("Harvest")

    def ready(self):
        # Register the verankering checklist items (checks_netwerk: the netwerkpeiling's).
        from . import checks, checks_netwerk  # noqa: F401
