"""`manage.py demo`: load the fictional demo (idempotent) and print the demo accounts."""

from django.core.management.base import BaseCommand

from demo.loader import load_demo
from gemeenten.demo import ACCOUNTS, DEMO_PASSWORD
from programma.demo import PROGRAMMA_ACCOUNT


class Command(BaseCommand):
    help = "Load the fictional demo gemeenten and accounts (safe to run again)."

    def handle(self, *args, **options):
        gemeenten = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {len(gemeenten)} gemeenten."))
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, name, memberships in ACCOUNTS:
            roles = ", ".join(f"{role.label} in {slug}" for slug, role, _, _ in memberships)
            self.stdout.write(f"  {email:38} {name} — {roles}")
        email, name = PROGRAMMA_ACCOUNT
        self.stdout.write(f"  {email:38} {name} — programme team (Agora/Movisie), no gemeente")
