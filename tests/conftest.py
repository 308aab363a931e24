"""Shared fixtures: two gemeenten, and in gemeente A a facilitator, a professional (member) and a
bestuurder (read-only member); an outsider is a member of gemeente B only."""

import pytest
from django.core.cache import cache
from django_scopes import scopes_disabled

from proeftuin.permissions import Rol

from .factories import (
    PASSWORD,
    GemeenteFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    ProeftuinFactory,
    UitnodigingFactory,
)


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.MFA_REQUIRED_FOR_FACILITATORS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _eager_tasks():
    """Tasks run in-process unless a test starts a real worker (see test_celery_worker)."""
    from proeftuin.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def gemeente_a(db):
    with scopes_disabled():
        gemeente = GemeenteFactory(naam="Amersfoort-Test", slug="gemeente-a")
        ProeftuinFactory(gemeente=gemeente, naam="Proeftuin A")
        OrganisatieFactory(gemeente=gemeente, naam="Welzijn A")
    return gemeente


@pytest.fixture
def gemeente_b(db):
    with scopes_disabled():
        gemeente = GemeenteFactory(naam="Bergen-Test", slug="gemeente-b")
        ProeftuinFactory(gemeente=gemeente, naam="Geheime proeftuin B")
        OrganisatieFactory(gemeente=gemeente, naam="Geheime organisatie B")
    return gemeente


def _member(gemeente, role, **kwargs):
    with scopes_disabled():
        return LidmaatschapFactory(gemeente=gemeente, role=role, **kwargs).user


@pytest.fixture
def facilitator(gemeente_a):
    return _member(gemeente_a, Rol.FACILITATOR, user__email="facilitator@example.org")


@pytest.fixture
def member(gemeente_a):
    return _member(gemeente_a, Rol.PROFESSIONAL, user__email="professional@example.org")


@pytest.fixture
def readonly_member(gemeente_a):
    return _member(gemeente_a, Rol.BESTUURDER, user__email="bestuurder@example.org")


@pytest.fixture
def beleidsadviseur(gemeente_a):
    return _member(gemeente_a, Rol.BELEIDSADVISEUR, user__email="beleid@example.org")


@pytest.fixture
def outsider(gemeente_b):
    return _member(gemeente_b, Rol.FACILITATOR, user__email="outsider@example.org")


@pytest.fixture
def uitnodiging_factory():
    def make(**kwargs):
        with scopes_disabled():
            return UitnodigingFactory(**kwargs)

    return make
