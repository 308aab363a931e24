from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OogstConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst"
    verbose_name = _("Harvest")

    def ready(self):
        # Register the verankering checklist items of each part, and the logboek's beat entries.
        from . import checks, checks_logboek, checks_netwerk  # noqa: F401
        from .tasks import register_beat

        register_beat()
