"""Inventarisatie: anonymised casussen, the anonymisation gate, inzichten and knelpunten."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = _("Cases")

    def ready(self):
        from kern import writes

        from . import access, checks, poort, signals, tasks  # noqa: F401

        tasks.register_beat()
        writes.register_text_gate(poort)
