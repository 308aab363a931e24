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
    with every view module it imports, the reverse lookups and translation catalogue of each
    language, and our templates and the form widgets' compiled by the cached loaders.

    gunicorn imports this module in the master before forking (preload_app, then gc.freeze in
    pre_fork), so the workers share these objects instead of each building a private copy at
    its first request: measured, ~55 MB of each worker's ~105 MB private memory (issue 4,
    bench/README.md). Nothing here opens a database or cache connection, which a forked worker
    must not inherit.
    """
    from django.conf import settings
    from django.forms.renderers import get_default_renderer
    from django.template import TemplateSyntaxError, engines
    from django.urls import get_resolver
    from django.utils import translation

    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            resolver.reverse_dict  # noqa: B018 - imports every URLconf and view, fills the lookup
            translation.gettext("Proeftuin")  # reads the language's catalogue

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
