"""Bijeenkomsten of every phase: planning, agenda, invitations, attendance, verslag."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BijeenkomstenConfig(AppConfig):
    name = "bijeenkomsten"
    verbose_name = _("Meetings")
