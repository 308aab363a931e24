"""The conflict screen of a stale save, for casussen and inzichten alike: both versions of
every field that differs, what you wrote next to what is stored now, and who saved last."""

from django import forms
from django.http import Http404
from django.utils.translation import gettext as _

from gemeenten.models import Wijziging


def _comparable(field, value):
    """A value as the form field holds it, in a shape two versions can be compared in."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return frozenset(obj.pk for obj in value)
    if isinstance(field, forms.MultipleChoiceField):
        return frozenset(value or ())
    return value


def _shown(field, value):
    """The value as people read it: choice labels, names of rows, yes or no."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(sorted(field.label_from_instance(obj) for obj in value))
    if isinstance(field, forms.ModelChoiceField):
        return str(value) if value is not None else ""
    choices = dict(getattr(field, "choices", None) or [])
    if isinstance(field, forms.MultipleChoiceField):
        return ", ".join(str(choices.get(v, v)) for v in value or ())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if choices and value in choices:
        return choices[value]
    return value


def _stored_value(field, current, name):
    value = getattr(current, name)
    if isinstance(field, forms.ModelMultipleChoiceField):
        return list(value.all())
    return value


def conflict(form, queryset, pk) -> dict:
    """The rows of the conflict screen (label, mine, theirs) for the fields of ``form`` whose
    posted value differs from the row as stored now, the row's current version (the form
    saves over it when sent again: "keep mine") and its last change in the history."""
    current = queryset.filter(pk=pk).first()
    if current is None:
        raise Http404
    rows = []
    cleaned = getattr(form, "cleaned_data", {})
    for name, field in form.fields.items():
        if name == "version" or name not in cleaned:
            continue
        mine, theirs = cleaned[name], _stored_value(field, current, name)
        if _comparable(field, mine) != _comparable(field, theirs):
            rows.append(
                {
                    "label": field.label,
                    "mine": _shown(field, mine),
                    "theirs": _shown(field, theirs),
                }
            )
    last = Wijziging.objects.of(current).select_related("by").first()
    return {"rows": rows, "version": current.version, "last": last}
