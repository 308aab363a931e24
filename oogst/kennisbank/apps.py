"""The Kennisbank: lessen and verbeteracties published for every gemeente to read."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst.kennisbank"
    label = "kennisbank"
    verbose_name = _("Kennisbank")
