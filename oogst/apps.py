from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OogstConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst"
    verbose_name = _("Harvest")

    def ready(self):
        # Register the verankering checklist items of each part, and the logboek's beat entries.
        from .inhoud import checks  # noqa: F401
        from .logboek import checks as logboek_checks  # noqa: F401
        from .logboek.tasks import register_beat
        from .netwerk import checks as netwerk_checks  # noqa: F401

        register_beat()
