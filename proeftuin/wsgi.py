"""WSGI entry point for gunicorn."""

import logging
import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

application = get_wsgi_application()

logger = logging.getLogger(__name__)


def load_what_requests_load():
    """Load now what a worker's first requests would each load on their own: the whole URLconf
    with every view module it imports, the reverse lookups, translation catalogue and formats of
    each language, the modules that settings name, and our templates and the form widgets'
    compiled by the cached loaders.

    gunicorn imports this module in the master before forking (preload_app, then gc.freeze in
    pre_fork), so the workers share these objects instead of each building a private copy at
    its first request: measured, ~55 MB of each worker's ~105 MB private memory (issue 4,
    bench/README.md). Nothing here opens a database or cache connection, which a forked worker
    must not inherit.
    """
    from importlib import import_module

    from django.conf import settings
    from django.core.cache import caches
    from django.forms.renderers import get_default_renderer
    from django.template import TemplateSyntaxError, engines
    from django.urls import get_resolver
    from django.urls.resolvers import get_ns_resolver
    from django.utils import formats, translation
    from django.utils.module_loading import import_string

    def fill_reverse_lookups(resolver, ns_pattern="", converters=None):
        """The lookups reverse() builds at its first use of each (nested) namespace, as it does:
        a resolver per namespace's prefix (get_ns_resolver), filled per language."""
        converters = converters or {}
        own = (
            get_ns_resolver(ns_pattern, resolver, tuple(converters.items()))
            if ns_pattern
            else resolver
        )
        own.reverse_dict  # noqa: B018 - imports the URLconf and its views, fills the lookup
        for extra, namespaced in resolver.namespace_dict.values():
            fill_reverse_lookups(
                namespaced, ns_pattern + extra, {**converters, **namespaced.pattern.converters}
            )

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            fill_reverse_lookups(get_resolver())
            translation.gettext("Proeftuin")  # reads the language's catalogue
            formats.get_format("DATE_INPUT_FORMATS")  # imports the language's format module

    # What settings name by dotted path is imported at its first use: the cache backends with
    # their client libraries (the redis package alone took ~250 ms to import, at the first
    # request of every worker, every GUNICORN_MAX_REQUESTS requests), the session engine, the
    # message storage, the authentication backends and the context processors. A cache built
    # here opens no connection and is dropped again.
    for alias in settings.CACHES:
        cache = caches.create_connection(alias)
        getattr(cache, "_cache", None)  # RedisCache imports redis when it makes its client
    import_module(settings.SESSION_ENGINE)
    for path in (
        settings.MESSAGE_STORAGE,
        settings.SESSION_SERIALIZER,
        *settings.AUTHENTICATION_BACKENDS,
        *(
            processor
            for template_engine in settings.TEMPLATES
            for processor in template_engine.get("OPTIONS", {}).get("context_processors", ())
        ),
    ):
        import_string(path)

    def compile_all(engine, directory):
        for path in sorted(Path(directory).rglob("*")):
            if path.suffix not in (".html", ".txt") or not path.is_file():
                continue
            name = path.relative_to(directory).as_posix()
            try:
                engine.get_template(name)
            except TemplateSyntaxError:  # the page itself will say so; serving must not stop
                logger.warning("Template %s does not compile", name)

    django_engine = engines["django"]
    for directory in django_engine.engine.dirs:
        compile_all(django_engine, directory)
    # The form renderer has an engine of its own, which reads Django's widget templates.
    renderer = get_default_renderer()
    if hasattr(renderer, "engine"):
        import django.forms

        compile_all(renderer.engine, Path(django.forms.__file__).parent / "templates")


load_what_requests_load()

# The anonymisation gate's deduce object (seconds to build, ~1 GB) is built here, once per serving
# process and before any request: gunicorn imports this module in the master before forking
# (preload_app, then gc.freeze in pre_fork), so its workers share it; runserver imports it in
# the serving process only, not in the autoreloader's parent. Nothing else builds it eagerly.
from casussen.anonimisering import warm_up  # noqa: E402

warm_up()
