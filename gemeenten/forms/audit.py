"""The filters of the audit log: who, what, from and until which day."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.models import User

from ..models import AuditRegel, Lidmaatschap
from .commitments import DateInput


class AuditFilterForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("User"), queryset=User.objects.none(), required=False, empty_label=_("Everyone")
    )
    actie = forms.ChoiceField(
        label=_("Action"),
        choices=[("", _("Every action")), *AuditRegel.Actie.choices],
        required=False,
    )
    van = forms.DateField(label=_("From"), required=False, widget=DateInput)
    tot = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The members of this gemeente (the scope): past members' rows show under "Everyone".
        self.fields["user"].queryset = User.objects.filter(
            pk__in=Lidmaatschap.objects.values("user_id")
        ).order_by("name", "email")

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("The end date lies before the start date."))
        return cleaned

    def filter(self, queryset):
        """The rows that match; none while the filters are not valid (the errors are shown)."""
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["user"]:
            queryset = queryset.filter(user=data["user"])
        if data["actie"]:
            queryset = queryset.filter(actie=data["actie"])
        tz = timezone.get_current_timezone()
        if data["van"]:
            start = datetime.datetime.combine(data["van"], datetime.time.min, tzinfo=tz)
            queryset = queryset.filter(at__gte=start)
        if data["tot"]:
            end = datetime.datetime.combine(
                data["tot"] + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
            )
            queryset = queryset.filter(at__lt=end)
        return queryset
