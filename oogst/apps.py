"""Verankering, the oogst of a proeftuin: the app above its four parts (oogst.inhoud,
oogst.netwerk, oogst.kennisbank, oogst.logboek, each an app of its own). It joins their URLs in
the one ``oogst`` namespace, exports everything of a proeftuin, registers the phase checklist of
all four, and keeps the migration history of the tables the parts took over."""

from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The verankering checklist items, registered in this order (the order the checklist shows).
CHECKLIST = ["oogst.inhoud.checks", "oogst.logboek.checks", "oogst.netwerk.checks"]


class OogstConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst"
    verbose_name = _("Harvest")

    def ready(self):
        for module in CHECKLIST:
            import_module(module)
