"""Verbeteren: verbeteracties, their progress, indicators and monitoring."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerbeteractiesConfig(AppConfig):
    name = "verbeteracties"
    verbose_name = _("Improvement actions")
