"""`manage.py programma_start --email …`: the first programme-team account of an installation,
and a one-time link to log in with. Non-interactive, for deployment scripts; run again, it
prints a fresh link (the account is not made twice)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from programma.accounts import login_link, programmateam_account


class Command(BaseCommand):
    help = (
        "Make a programme-team account (Agora/Movisie) and print a one-time link with which "
        "its holder chooses a password. Safe to run again: it prints a new link."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The e-mail address of the account.")
        parser.add_argument("--name", default="", help="The person's name (optional).")
        parser.add_argument(
            "--link-only",
            action="store_true",
            help="Print only the link, for a script that passes it on.",
        )

    def handle(self, *args, email, name, link_only, **options):
        try:
            user, created = programmateam_account(email=email, name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        link = login_link(user)
        if link_only:
            self.stdout.write(link)
            return
        what = "Made" if created else "Found"
        self.stdout.write(self.style.SUCCESS(f"{what} the programme-team account {user.email}."))
        valid = timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
        self.stdout.write(
            f"Open this link to choose a password and log in (valid {_days(valid)}, once):"
        )
        self.stdout.write(link)
        if settings.MFA_REQUIRED_FOR_FACILITATORS:
            self.stdout.write("After logging in, set up two-factor authentication (asked at once).")


def _days(delta):
    days = delta.total_seconds() / 86400
    return f"{days:g} days" if days >= 1 else f"{delta.total_seconds() / 3600:g} hours"
