"""Bijeenkomsten of every phase: planning, agenda, invitations, attendance, verslag."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BijeenkomstenConfig(AppConfig):
    name = "bijeenkomsten"
    verbose_name = _("Meetings")

    def ready(self):
        from celery import current_app as app
        from celery.schedules import crontab

        from . import checks, rules  # noqa: F401  (checklist items, permissions)

        # Reminders once an hour; each is sent once (VerzondenHerinnering), so a missed or
        # repeated run changes nothing.
        app.conf.beat_schedule["bijeenkomsten-herinneringen"] = {
            "task": "bijeenkomsten.tasks.herinneringen",
            "schedule": crontab(minute=7),
        }
