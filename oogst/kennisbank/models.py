"""The Kennisbank: lessons and verbeteracties that facilitators publish for every gemeente to read.

An entry is a copy, detached from the tenant's data: it holds its own texts (reviewed and
passed through the anonymisation gate at publication) and no key into any gemeente's rows, so
it is not a tenant model and every logged-in user may read it.

Each table keeps the name it got when these models were the oogst app's (``oogst_<model>``,
``Meta.db_table``): they moved to this app without touching the database
(migrations/0001_initial.py)."""

import re
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Weergave(NamedTuple):
    lead: str
    tekst: str


def _words(text: str) -> str:
    return " ".join(text.split())


class KennisbankItem(models.Model):
    class Soort(models.TextChoices):
        LES = "les", _("Lesson learnt")
        VERBETERACTIE = "verbeteractie", _("Improvement action")

    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    titel = models.CharField(_("title"), max_length=200)
    samenvatting = models.TextField(_("summary"))
    tekst = models.TextField(_("text"), blank=True)
    resultaat = models.TextField(_("result"), blank=True)
    succesfactoren = models.JSONField(_("success factors"), default=list, blank=True)
    knelpunt_categorieen = models.JSONField(_("bottleneck categories"), default=list, blank=True)
    bron = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("As shown to readers, e.g. 'Proeftuin Oude IJsselstreek, 2026'."),
    )
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    gepubliceerd_op = models.DateTimeField(_("published at"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        db_table = "oogst_kennisbankitem"
        verbose_name = _("knowledge base entry")
        verbose_name_plural = _("knowledge base entries")
        ordering = ["-gepubliceerd_op", "pk"]

    def __str__(self):
        return self.titel

    @property
    def weergave(self) -> Weergave:
        """The lead and the text below it, with the summary said once. A les's summary starts
        as the first paragraph of its text (``services.draft_from_les``): when the text opens
        with the summary, those paragraphs are not shown again; when the summary is only the
        cut-off start of a paragraph, the text alone says it in full."""
        summary = _words(self.samenvatting)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", self.tekst.strip()) if p.strip()]
        opening = ""
        for i, paragraph in enumerate(paragraphs):
            opening = _words(f"{opening} {paragraph}")
            if opening == summary:
                return Weergave(self.samenvatting, "\n\n".join(paragraphs[i + 1 :]))
            if not summary.startswith(opening):
                break
        if summary and _words(self.tekst).startswith(summary):
            return Weergave("", "\n\n".join(paragraphs))
        return Weergave(self.samenvatting, "\n\n".join(paragraphs))
