from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OogstConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst"
    verbose_name = _("Harvest")

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers the verankering checklist items)
            checks_logboek,  # noqa: F401
        )
        from .tasks import register_beat

        register_beat()
