"""The programme team (Agora/Movisie): a role above the gemeenten (``kern.permissions``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammaConfig(AppConfig):
    name = "programma"
    verbose_name = _("Programme")

    def ready(self):
        from gemeenten.services.proeftuin import register_begin
        from kern.slots import fill_slot

        from .sjabloon import on_begin

        # Every new proeftuin gets its copy of the template.
        register_begin(on_begin)

        # The programme team finds its pages from the home page it lands on.
        fill_slot("gemeenten.home", "programma/home_slot.html")
