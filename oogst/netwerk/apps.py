"""The netwerkpeiling "elkaar kennen": the network of the partners before and after."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetwerkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst.netwerk"
    label = "netwerk"
    verbose_name = _("Network survey")
