"""The combined Logboek Oogst of a facilitator across gemeenten: a shared introduction, a
comparison of key figures side by side, and a shorter part per gemeente made of the same
chapters. Each part is read in its own gemeente's scope."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from gemeenten.models import Proeftuin
from kern.tenancy import gemeente_scope

from . import content, document

# The comparison: (key in Logboek.cijfers, label), in print order.
COMPARISON = [
    ("partners", gettext_lazy("Partner organisations")),
    ("kerngroep", gettext_lazy("Core group members")),
    ("bijeenkomsten", gettext_lazy("Meetings held")),
    ("aanwezigheid", gettext_lazy("Attendances at meetings")),
    ("casussen", gettext_lazy("Casussen brought in")),
    ("inzichten", gettext_lazy("Insights recorded")),
    ("verbeteracties", gettext_lazy("Improvement actions")),
    ("bereikt", gettext_lazy("Actions completed or embedded")),
    ("geborgd", gettext_lazy("Actions embedded in a work process")),
    ("indicatoren", gettext_lazy("Indicators measured")),
    ("lessen", gettext_lazy("Lessons learnt")),
    ("verhalen", gettext_lazy("Stories")),
]


def collect(job, *, now=None):
    """The parts of the combined logboek, by gemeente name: [{logboek, hoofdstukken, id}]."""
    now = now or timezone.now()
    ids = [pair[1] for pair in job.proeftuinen]
    gemeente_ids = sorted({pair[0] for pair in job.proeftuinen})
    with gemeente_scope(gemeente_ids):
        proeftuinen = list(
            Proeftuin.objects.filter(pk__in=ids, gemeente_id__in=gemeente_ids).select_related(
                "gemeente"
            )
        )
    parts = []
    for proeftuin in sorted(proeftuinen, key=lambda p: (p.gemeente.naam, p.start)):
        with gemeente_scope(proeftuin.gemeente_id):
            part = content.collect(proeftuin, now=now)
        prefix = f"p{proeftuin.pk}-"
        parts.append(
            {
                "logboek": part,
                "id": f"{prefix}deel",
                "hoofdstukken": document.chapters(part, prefix=prefix),
            }
        )
    return parts


def comparison(parts):
    return [
        {"label": str(label), "waarden": [part["logboek"].cijfers[key] for part in parts]}
        for key, label in COMPARISON
    ]


def html(job) -> str:
    parts = collect(job)
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "oogst/logboek/pdf/gecombineerd.html",
            {
                "job": job,
                "delen": parts,
                "vergelijking": comparison(parts),
                "gemaakt_op": timezone.now(),
                "kort": True,
            },
        )
