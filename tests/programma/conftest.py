"""The programme team: a person above the gemeenten, member of none of them."""

import pytest

from kern.models import ProgrammaRol
from tests.factories import UserFactory


@pytest.fixture
def programmateam(db):
    return UserFactory(email="programma@example.org", programma_rol=ProgrammaRol.PROGRAMMATEAM)


@pytest.fixture
def team_client(client, programmateam):
    client.force_login(programmateam)
    return client
