"""Helpers of the bijeenkomsten tests: addresses and a meeting of gemeente A."""

import pytest
from django.urls import reverse

from gemeenten.models import Proeftuin
from tests.scopes import every_gemeente

from .factories import BijeenkomstFactory


def burl(name, gemeente, **kwargs):
    return reverse(f"bijeenkomsten:{name}", kwargs={"gemeente_slug": gemeente.slug, **kwargs})


@pytest.fixture
def bijeenkomst(gemeente_a, facilitator):
    with every_gemeente():
        return BijeenkomstFactory(
            gemeente=gemeente_a,
            proeftuin=Proeftuin.objects.get(gemeente=gemeente_a),
            titel="Eerste inventarisatie",
        )


@pytest.fixture
def mailbox(settings):
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail.outbox
