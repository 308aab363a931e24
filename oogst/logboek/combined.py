"""The combined Logboek Oogst of a facilitator across gemeenten: a shared introduction, a
comparison of key figures side by side, and a shorter part per gemeente made of the same
chapters. Each part is read in its own gemeente's scope."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from gemeenten.models import Proeftuin
from kern.tenancy import gemeente_scope

from . import content as logboek_data

# The comparison: (key in Logboek.cijfers, label), in print order.
VERGELIJKING = [
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


def verzamel(job, *, now=None):
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
    delen = []
    for proeftuin in sorted(proeftuinen, key=lambda p: (p.gemeente.naam, p.start)):
        with gemeente_scope(proeftuin.gemeente_id):
            deel = logboek_data.verzamel(proeftuin, now=now)
        prefix = f"p{proeftuin.pk}-"
        delen.append(
            {
                "logboek": deel,
                "id": f"{prefix}deel",
                "hoofdstukken": logboek_data.hoofdstukken(deel, prefix=prefix, kort=True),
            }
        )
    return delen


def comparison(delen):
    return [
        {"label": str(label), "waarden": [deel["logboek"].cijfers[key] for deel in delen]}
        for key, label in VERGELIJKING
    ]


def html(job) -> str:
    delen = verzamel(job)
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "oogst/logboek/pdf/gecombineerd.html",
            {
                "job": job,
                "delen": delen,
                "vergelijking": comparison(delen),
                "gemaakt_op": timezone.now(),
                "kort": True,
            },
        )
