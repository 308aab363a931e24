"""The inhoud of the oogst: the foreword and outlook, lessen, verhalen, the borging of each
verbeteractie and the vervolgafspraken."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InhoudConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oogst.inhoud"
    label = "inhoud"
    verbose_name = _("Contents")
