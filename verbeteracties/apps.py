"""Verbeteren: verbeteracties, their progress, indicators and monitoring."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Every Monday morning: remind owners of running actions without recent progress.
BEAT_ENTRY = "verbeteracties-herinneringen"


class VerbeteractiesConfig(AppConfig):
    name = "verbeteracties"
    verbose_name = _("Improvement actions")

    def ready(self):
        from celery import current_app as app
        from celery.schedules import crontab

        from bijeenkomsten.hooks import register_actiepunt_vervolg
        from kern.slots import fill_slot

        from . import checks  # noqa: F401 - registers the checklist items
        from .uit_actiepunten import VERVOLG

        # Beside each actiepunt of a meeting: the verbeteractie it became; under each inzicht of
        # a casus: a verbeteractie proposed from it; under the casus: the actions that came of it.
        register_actiepunt_vervolg(VERVOLG)
        fill_slot("casussen.inzicht", "verbeteracties/voorstel_uit_inzicht.html")
        fill_slot("casussen.vervolg", "verbeteracties/vervolg_van_casus.html")

        app.conf.beat_schedule[BEAT_ENTRY] = {
            "task": "verbeteracties.tasks.herinneringen_alle_gemeenten",
            "schedule": crontab(minute=0, hour=7, day_of_week=1),
        }
