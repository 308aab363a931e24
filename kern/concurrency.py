"""Optimistic concurrency: a version number per row, so a stale form never overwrites."""

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Someone else changed this in the meantime. Your input is still below; check the current "
    "values (reload the page to see them) and save again."
)


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class StaleEdit(Exception):
    """The row was saved by someone else after the form was opened."""


@transaction.atomic
def save_versioned(instance, *, expected_version):
    """Save an existing row only if its version is still ``expected_version``."""
    if instance.pk is None:
        instance.save()
        return instance
    model = type(instance)
    updated = model._base_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not updated:
        raise StaleEdit
    instance.version = expected_version + 1
    instance.save()
    return instance


class VersionedModelForm(forms.ModelForm):
    """A model form that carries the version it was opened at and refuses a stale save."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("version") != self._current_version():
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        return cleaned

    def _current_version(self):
        return (
            type(self.instance)
            ._base_manager.filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )

    def save(self, commit=True):
        instance = super().save(commit=False)
        if commit:
            try:
                save_versioned(instance, expected_version=self.cleaned_data.get("version") or 1)
            except StaleEdit:
                self.add_error(None, forms.ValidationError(STALE_MESSAGE, code="stale"))
                raise
            self._save_m2m()
        return instance
