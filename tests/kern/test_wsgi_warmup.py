"""What gunicorn's master loads before forking (proeftuin.wsgi.load_what_requests_load): the
reverse lookups of every namespace in every language, the modules settings name, and nothing
that opens a database connection (a forked worker must not inherit one)."""

import sys
from unittest import mock

import pytest
from django.conf import settings
from django.urls import clear_url_caches, reverse
from django.urls.resolvers import URLResolver
from django.utils import translation

from proeftuin.wsgi import load_what_requests_load

NAMESPACED = [
    ("casussen:list", {"gemeente_slug": "oude-ijsselstreek"}),
    ("bijeenkomsten:list", {"gemeente_slug": "oude-ijsselstreek"}),
    ("verbeteracties:board", {"gemeente_slug": "oude-ijsselstreek"}),
    ("gemeenten:detail", {"gemeente_slug": "oude-ijsselstreek"}),
]


@pytest.fixture
def fresh_resolvers():
    clear_url_caches()
    yield
    clear_url_caches()


def test_after_the_warm_up_no_reverse_builds_a_lookup(fresh_resolvers):
    load_what_requests_load()
    with mock.patch.object(URLResolver, "_populate", autospec=True) as populate:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for name, kwargs in NAMESPACED:
                    assert reverse(name, kwargs=kwargs).startswith("/g/oude-ijsselstreek/")
    assert populate.call_count == 0


def test_without_the_warm_up_the_first_reverse_builds_lookups(fresh_resolvers):
    """The counterpart: the test above would notice a warm-up that fills nothing."""
    with mock.patch.object(
        URLResolver, "_populate", autospec=True, side_effect=URLResolver._populate
    ) as populate:
        reverse(*NAMESPACED[0][:1], kwargs=NAMESPACED[0][1])
    assert populate.call_count > 0


def test_the_warm_up_imports_the_modules_settings_name_and_needs_no_database():
    # No database fixture: pytest-django refuses any query or connection made here.
    load_what_requests_load()
    backends = [cache["BACKEND"].rsplit(".", 1)[0] for cache in settings.CACHES.values()]
    for module in [*backends, settings.SESSION_ENGINE, "django.conf.locale.nl.formats"]:
        assert module in sys.modules
    if any(backend.endswith(".redis") for backend in backends):
        assert "redis" in sys.modules
