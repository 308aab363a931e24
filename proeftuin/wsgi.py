"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

application = get_wsgi_application()

# The anonymisation gate's deduce object (seconds to build, ~1 GB) is built here, once per serving
# process and before any request: gunicorn imports this module in the master before forking
# (preload_app, then gc.freeze in pre_fork), so its workers share it; runserver imports it in
# the serving process only, not in the autoreloader's parent. Nothing else builds it eagerly.
from casussen.anonimisering import warm_up  # noqa: E402

warm_up()
