"""The Celery application; without REDIS_URL tasks run in-process (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

app = Celery("proeftuin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
