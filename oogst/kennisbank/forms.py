"""The publish form of the Kennisbank: the editable copy of a les or verbeteractie."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import KennisbankItem
from .screening import MAX_TEXT


class KennisbankForm(forms.ModelForm):
    """``factoren`` and ``categorieen`` are the labels of the original, each of which the
    facilitator may leave out."""

    samenvatting = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what was learnt, for whom."),
    )
    tekst = forms.CharField(
        label=_("Text"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("How it went, for professionals in other gemeenten."),
    )
    resultaat = forms.CharField(
        label=_("Result"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it brought, and how it lives on."),
    )
    succesfactoren = forms.MultipleChoiceField(
        label=_("Success factors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    knelpunt_categorieen = forms.MultipleChoiceField(
        label=_("Bottleneck categories"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = KennisbankItem
        fields = ["titel", "samenvatting", "tekst", "resultaat", "bron"]

    def __init__(self, *args, factors=(), categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["succesfactoren"].choices = [(f, f) for f in factors]
        self.fields["knelpunt_categorieen"].choices = [(c, c) for c in categories]
