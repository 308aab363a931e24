"""The programme's part of the demo: a programme-team account, and the template's copy on each
demo proeftuin that has none (their meetings and succesfactoren the other parts made)."""

from allauth.account.models import EmailAddress
from django.db import transaction

from gemeenten.demo import DEMO_PASSWORD
from gemeenten.models import Proeftuin
from kern.models import ProgrammaRol, User
from kern.tenancy import gemeente_scope

from . import sjabloon

PROGRAMMA_ACCOUNT = ("programma@demo.nl", "Petra Programmateam")


@transaction.atomic
def load_programma_demo(gemeenten):
    email, name = PROGRAMMA_ACCOUNT
    user = User.objects.filter(email=email).first() or User(email=email)
    user.name = name
    user.programma_rol = ProgrammaRol.PROGRAMMATEAM
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    content = sjabloon.current().content()
    for gemeente in gemeenten.values():
        with gemeente_scope(gemeente):
            Proeftuin.objects.filter(gemeente=gemeente, sjabloon={}).update(sjabloon=content)
