"""The address of a gemeente page in tests: url("leden", gemeente) or url("partner", g, pk=1)."""

from django.urls import reverse


def url(name, gemeente, **kwargs):
    return reverse(f"gemeenten:{name}", kwargs={"gemeente_slug": gemeente.slug, **kwargs})
