"""`manage.py generate --scale demo|landelijk`: synthetic gemeenten for the benchmarks."""

import random
import time

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_scopes import scopes_disabled

from demo.generator import SCALES, Context, generators
from gemeenten.models import Gemeente
from kern import data_version
from kern.models import User
from kern.tenancy import gemeente_scope

PASSWORD = "bench-proeftuin"  # noqa: S105 - synthetic accounts in a benchmark database


class Command(BaseCommand):
    help = "Generate synthetic gemeenten with all their data (deterministic per seed)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale, seed, **options):
        scale = SCALES[scale]
        with scopes_disabled():
            if Gemeente.objects.filter(slug__startswith="gen-").exists():
                raise CommandError("This database already has generated gemeenten; use a new one.")
        rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
        password_hash = make_password(PASSWORD)
        started = time.monotonic()
        steps = generators()
        facilitator = None
        for number in range(1, scale.gemeenten + 1):
            if (number - 1) % scale.gemeenten_per_facilitator == 0:
                index = (number - 1) // scale.gemeenten_per_facilitator + 1
                facilitator = User.objects.create(
                    email=f"facilitator{index}@gen.bench",
                    name=f"Facilitator {index}",
                    password=password_hash,
                )
                EmailAddress.objects.create(
                    user=facilitator, email=facilitator.email, verified=True, primary=True
                )
            with transaction.atomic():
                gemeente = Gemeente.objects.create(
                    naam=f"Gemeente {number:04d}", slug=f"gen-{number:04d}"
                )
                ctx = Context(scale, rng, gemeente, number, password_hash, facilitator)
                with gemeente_scope(gemeente):
                    for generate in steps:
                        generate(ctx)
                # Bulk inserts send no signals: a new stamp, so no summary cached for an
                # earlier database with the same ids is served for this one.
                data_version.bump(gemeente.pk)
            if number % 25 == 0 or number == scale.gemeenten:
                elapsed = time.monotonic() - started
                self.stdout.write(f"  {number}/{scale.gemeenten} gemeenten ({elapsed:.0f} s)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {scale.gemeenten} gemeenten at scale {scale.name} (seed {seed}) in "
                f"{time.monotonic() - started:.0f} s; password of every account: {PASSWORD}"
            )
        )
