"""Proeftuin: the working tool for the proeftuinen 'Léven tot het Einde'."""

from .celery import app as celery_app

__all__ = ["celery_app"]
