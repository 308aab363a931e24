"""Verbeteren: verbeteracties, their progress, indicators and monitoring."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Every Monday morning: remind owners of running actions without recent progress.
BEAT_ENTRY = "verbeteracties-herinneringen"


class VerbeteractiesConfig(AppConfig):
    name = "verbeteracties"
    verbose_name = _("Improvement actions")

    def ready(self):
        from celery.schedules import crontab

        from proeftuin.celery import app

        from . import checks  # noqa: F401 - registers the checklist items

        app.conf.beat_schedule[BEAT_ENTRY] = {
            "task": "verbeteracties.tasks.herinneringen_alle_gemeenten",
            "schedule": crontab(minute=0, hour=7, day_of_week=1),
        }
