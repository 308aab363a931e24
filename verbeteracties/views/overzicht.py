"""The overview pages: the board by status, lists by organisation and success factor, the
timeline, and what needs attention with the roll-ups. One filter form serves them all."""

from django import forms
from django.shortcuts import render
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from casussen.models import KnelpuntCategorie, Succesfactor
from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin

from .. import overzicht
from ..access import can_edit, can_propose
from ..models import Status, verbeterperiode


def _attrs(attrs):
    """HTML attributes as Django's widgets/attrs.html writes them."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(' {}="{}"', name, value) if value is not True else f" {name}",)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class _Select(forms.Select):
    """A select written out in Python, with the markup of Django's select templates. Django
    renders every option through a template of its own, which for the filter's ~150 options
    (partners, members) was half of the board's rendering time at landelijk scale (issue 9)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:  # no filter has groups; keep Django's own rendering for them
                return super().render(name, value, attrs, renderer)
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    _attrs(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part went through format_html


class FilterForm(forms.Form):
    proeftuin = SafeModelChoiceField(
        Proeftuin.objects.none(),
        required=False,
        label=_("Proeftuin"),
        empty_label=_("All"),
        widget=_Select,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + Status.choices,
        widget=_Select,
    )
    succesfactor = SafeModelChoiceField(
        Succesfactor.objects.none(),
        required=False,
        label=_("Success factor"),
        empty_label=_("All"),
        widget=_Select,
    )
    categorie = forms.ChoiceField(
        label=_("Bottleneck category"),
        required=False,
        choices=[("", _("All"))] + KnelpuntCategorie.choices,
        widget=_Select,
    )
    organisatie = SafeModelChoiceField(
        Organisatie.objects.none(),
        required=False,
        label=_("Organisation"),
        empty_label=_("All"),
        widget=_Select,
    )
    eigenaar = SafeModelChoiceField(
        Lidmaatschap.objects.none(),
        required=False,
        label=_("Owner"),
        empty_label=_("All"),
        widget=_Select,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)
        self.fields["proeftuin"].queryset = Proeftuin.objects.order_by("-start")
        self.fields["succesfactor"].queryset = Succesfactor.objects.all()
        self.fields["organisatie"].queryset = Organisatie.objects.order_by("naam")
        self.fields["eigenaar"].queryset = Lidmaatschap.objects.select_related("user").order_by(
            "user__name"
        )


def _rows(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, overzicht.acties(filters)


def _context(request, form, rows, **extra):
    return {
        "filter_form": form,
        "acties": rows,
        "can_propose": can_propose(request),
        "query": request.GET.urlencode(),
        **extra,
    }


def board(request, gemeente_slug):
    form, rows = _rows(request)
    # Each card says whether the user may move it; the template writes the status control out
    # (see board_kaart.html) rather than rendering a StatusForm per card.
    kolommen = [
        (status, label, [(a, can_edit(request, a)) for a in acties])
        for status, label, acties in overzicht.board(rows)
    ]
    context = _context(
        request, form, rows, kolommen=kolommen, statussen=Status.choices, tab="board"
    )
    return render(request, "verbeteracties/board.html", context)


def lijst(request, gemeente_slug):
    form, rows = _rows(request)
    context = _context(
        request,
        form,
        rows,
        per_organisatie=overzicht.per_organisatie(rows),
        per_succesfactor=overzicht.per_succesfactor(rows),
        tab="lijst",
    )
    return render(request, "verbeteracties/lijst.html", context)


def tijdlijn(request, gemeente_slug):
    form, rows = _rows(request)
    proeftuin = form.cleaned_data.get("proeftuin") if form.is_bound and form.is_valid() else None
    proeftuin = (
        proeftuin or Proeftuin.objects.prefetch_related("overgangen").order_by("-start").first()
    )
    if proeftuin is not None and not hasattr(proeftuin, "_prefetched_objects_cache"):
        proeftuin = Proeftuin.objects.prefetch_related("overgangen").get(pk=proeftuin.pk)
    periode = verbeterperiode(proeftuin) if proeftuin else None
    lijn = overzicht.tijdlijn(rows, periode) if periode else None
    context = _context(request, form, rows, tijdlijn=lijn, periode=periode, tab="tijdlijn")
    return render(request, "verbeteracties/tijdlijn.html", context)


def stand(request, gemeente_slug):
    form, rows = _rows(request)
    context = _context(
        request,
        form,
        rows,
        aandacht=overzicht.aandacht(rows),
        per_succesfactor=overzicht.rollup_succesfactor(rows),
        per_categorie=overzicht.rollup_categorie(rows),
        statussen=list(Status),
        tab="stand",
    )
    return render(request, "verbeteracties/stand.html", context)
