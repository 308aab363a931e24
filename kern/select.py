"""Choice fields and a select widget that stay cheap with a hundred options (issue 9): Django
renders every option through a template of its own and builds a model instance (with its
relations) per option of a model choice."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django_scopes.forms import SafeModelChoiceField


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


class Select(forms.Select):
    """A select written out in Python, with the markup of Django's select templates."""

    def render(self, name, value, attrs=None, renderer=None):
        if self.allow_multiple_selected:
            return super().render(name, value, attrs, renderer)
        chosen = self.format_value(value)
        attrs = self.build_attrs(self.attrs, attrs)
        parts = [format_html('<select name="{}"{}>', name, _attrs(attrs))]
        has_selected = False
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):  # groups: Django renders those
                return super().render(name, value, attrs, renderer)
            option_value = "" if option_value is None else str(option_value)
            # As ChoiceWidget.optgroups: only the first matching option is selected.
            selected = not has_selected and option_value in chosen
            has_selected |= selected
            parts.append(
                f'\n  <option value="{conditional_escape(option_value)}"'
                f"{' selected' if selected else ''}>{conditional_escape(label)}</option>\n"
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value and label is escaped


class ValuesChoiceIterator(ModelChoiceIterator):
    """The options from one list of values instead of model instances."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        columns = self.field.label_columns
        for pk, *values in self.queryset.values_list("pk", *columns):
            yield (pk, self.field.label_from_values(*values))


class ValuesModelChoiceField(SafeModelChoiceField):
    """A model choice (scoped) whose options are labelled from ``label_columns`` by
    ``label_from_values(*values)``, which must say what ``label_from_instance`` would.
    Validating a chosen value still loads that one instance."""

    iterator = ValuesChoiceIterator
    widget = Select
    label_columns = ("naam",)

    def __init__(self, *args, label_columns=None, label_from_values=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label_columns is not None:
            self.label_columns = label_columns
        if label_from_values is not None:
            self.label_from_values = label_from_values

    @staticmethod
    def label_from_values(*values):
        return str(values[0])
