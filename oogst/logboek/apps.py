"""The Logboek Oogst: rendered in the background (Celery, WeasyPrint), kept as versions, one
published as definitief; and the combined logboek across gemeenten."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LogboekConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst.logboek"
    label = "logboek"
    verbose_name = _("Logboek Oogst")

    def ready(self):
        from .tasks import register_beat

        register_beat()
