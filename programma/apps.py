"""The programme team (Agora/Movisie): a role above the gemeenten (``kern.permissions``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammaConfig(AppConfig):
    name = "programma"
    verbose_name = _("Programme")

    def ready(self):
        from kern.slots import fill_slot

        # The programme team finds its pages from the home page it lands on.
        fill_slot("gemeenten.home", "programma/home_slot.html")
