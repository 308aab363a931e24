"""`manage.py anonimisering_cache`: build deduce's lookup cache once, during set-up.

Run by `make migrate` and `make test` (and the Docker image build), so that no casus ever waits
for the minute this takes. Quick when the cache is already there; `--rebuild` forces it.
"""

import time

from django.core.management.base import BaseCommand

from casussen.anonimisering import engine


class Command(BaseCommand):
    help = "Build the anonymisation gate's lookup cache (deduce) if it is not there yet."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Build it even if present.")

    def handle(self, *args, rebuild=False, **options):
        if engine.cache_exists() and not rebuild:
            self.stdout.write(f"Anonymisation lookup cache present in {engine.cache_dir()}.")
            return
        self.stdout.write(
            f"Building the anonymisation lookup cache (deduce) in {engine.cache_dir()}: "
            "this takes one to three minutes, once…"
        )
        self.stdout.flush()
        started = time.monotonic()
        engine.build_cache()
        self.stdout.write(
            self.style.SUCCESS(
                f"Anonymisation lookup cache built in {time.monotonic() - started:.0f} s."
            )
        )
