"""Fixtures of the gemeenten tests: gemeente A's proeftuin and its partner Welzijn A."""

import pytest

from gemeenten.models import Organisatie
from kern.tenancy import gemeente_scope


@pytest.fixture
def welzijn(gemeente_a):
    with gemeente_scope(gemeente_a):
        return Organisatie.objects.get(naam="Welzijn A")
