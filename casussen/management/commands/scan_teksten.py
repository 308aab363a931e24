"""List what the anonymisation gate finds in the stored texts of a gemeente (or all), per
object, so old text can be fixed: model, object, field and kind, with a masked excerpt. The found
text itself is never printed or logged."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import capfirst
from django.utils.translation import override

from casussen import scan
from gemeenten.models import Gemeente
from kern.tenancy import gemeente_scope


class Command(BaseCommand):
    help = "Scan the stored shared texts of a gemeente for identifying details."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="gemeente-slug")
        parser.add_argument("--all", action="store_true", help="every gemeente")

    def handle(self, *args, slugs, all, **options):
        if all == bool(slugs):
            raise CommandError("Give one or more gemeente slugs, or --all.")
        gemeenten = Gemeente.objects.order_by("slug")
        if not all:
            gemeenten = gemeenten.filter(slug__in=slugs)
            unknown = set(slugs) - set(gemeenten.values_list("slug", flat=True))
            if unknown:
                raise CommandError(f"No gemeente {', '.join(sorted(unknown))}.")
        total = 0
        with override("en"):
            for gemeente in gemeenten:
                total += self._scan(gemeente)
        self.stdout.write(f"{total} finding(s) in all.")

    def _scan(self, gemeente) -> int:
        with gemeente_scope(gemeente):
            found = scan.rows(scan.scan_rows(gemeente))
            count = sum(len(row.hits) for row in found)
            self.stdout.write(f"{gemeente.slug}: {count} finding(s) in {len(found)} object(s)")
            for row in found:
                self.stdout.write(f"  {row.model_label} #{row.obj.pk}")
                for field, kind, excerpt in row.findings():
                    self.stdout.write(f"    {capfirst(field)}: {kind} — “{excerpt}”")
        return count
