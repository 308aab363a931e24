"""Shared fixtures: two gemeenten, and in gemeente A a facilitator, a professional (member) and a
bestuurder (read-only member); an outsider is a member of gemeente B only.

On PostgreSQL with DATABASE_OWNER_URL the test database is created and migrated as the owner and
every test then runs as the application role of DATABASE_URL, with row-level security on."""

from pathlib import Path

import environ
import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.utils import translation

from gemeenten.models import Proeftuin
from kern.permissions import Rol

from .factories import (
    PASSWORD,
    GemeenteFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    ProeftuinFactory,
    UitnodigingFactory,
)
from .scopes import every_gemeente

CREDENTIALS = ("USER", "PASSWORD", "HOST", "PORT")
BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    """Marks that follow from where a test is or what it is: every browser journey is
    ``browser``, every property-based test ``hypothesis`` (``make test-fast`` leaves out the
    browser and the slow ones)."""
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.hypothesis)


def _owner_credentials():
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql" or not settings.DATABASE_OWNER_URL:
        return None
    owner = environ.Env.db_url_config(settings.DATABASE_OWNER_URL)
    return {key: owner.get(key, "") for key in CREDENTIALS}


def _use_credentials(credentials):
    from django.db import connection

    connection.close()
    connection.settings_dict.update(credentials)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """Create and migrate the test database as the owner (see django_db_setup below)."""
    from django.conf import settings
    from django.db import connection

    owner = _owner_credentials()
    if owner is None:
        return None
    app = {key: connection.settings_dict.get(key, "") for key in CREDENTIALS}
    # The migration grants the application role: the one the tests are going to run as.
    settings.DATABASE_APP_ROLE = app["USER"]
    _use_credentials(owner)
    return app, owner


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_modify_db_settings, django_db_blocker):
    """Then switch to the application role for every test, and back to the owner to drop it."""
    if django_db_modify_db_settings is None:
        yield
        return
    app, owner = django_db_modify_db_settings
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        # Transactional tests empty the tables with TRUNCATE, which row-level security does not
        # cover: the test database allows it, production does not grant it.
        role = connection.ops.quote_name(app["USER"])
        cursor.execute(f"GRANT TRUNCATE ON ALL TABLES IN SCHEMA public TO {role}")
    _use_credentials(app)
    yield
    _use_credentials(owner)


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.MFA_REQUIRED_FOR_FACILITATORS = False
    # Django's PBKDF2 takes most of a second per password by design; every fixture user has
    # one. A fast hasher in tests only (the real one stays second, so its hashes still check).
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request with another Accept-Language leaves
    its language active in the thread (LocaleMiddleware activates, nothing deactivates), and
    the next test of that worker would read English."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


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
    """Rate-limit counters and summaries live in the caches; each test starts with none."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def gemeente_a(db):
    with every_gemeente():
        gemeente = GemeenteFactory(naam="Amersfoort-Test", slug="gemeente-a")
        ProeftuinFactory(gemeente=gemeente, naam="Proeftuin A")
        OrganisatieFactory(gemeente=gemeente, naam="Welzijn A")
    return gemeente


@pytest.fixture
def gemeente_b(db):
    with every_gemeente():
        gemeente = GemeenteFactory(naam="Bergen-Test", slug="gemeente-b")
        ProeftuinFactory(gemeente=gemeente, naam="Geheime proeftuin B")
        OrganisatieFactory(gemeente=gemeente, naam="Geheime organisatie B")
    return gemeente


@pytest.fixture
def proeftuin(gemeente_a):
    """Gemeente A's proeftuin (every test gemeente has one)."""
    with every_gemeente():
        return Proeftuin.objects.get(gemeente=gemeente_a)


@pytest.fixture
def proeftuin_a(proeftuin):
    return proeftuin


def _member(gemeente, role, **kwargs):
    with every_gemeente():
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
        with every_gemeente():
            return UitnodigingFactory(**kwargs)

    return make
