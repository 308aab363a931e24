"""App config of the project core (users, tenancy, roles)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProeftuinConfig(AppConfig):
    name = "proeftuin"
    verbose_name = _("Proeftuin")

    def ready(self):
        from . import checks, permissions  # noqa: F401  (registers checks and rules)
