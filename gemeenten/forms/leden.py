"""Forms for inviting people, accepting an invitation and changing a membership."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from kern.permissions import Rol

from ..models import Organisatie, Uitnodiging


class UitnodigingForm(forms.ModelForm):
    class Meta:
        model = Uitnodiging
        fields = ["email", "role", "organisatie", "discipline"]
        field_classes = {"organisatie": SafeModelChoiceField}
        help_texts = {"email": _("The person receives a personal link by e-mail.")}

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in roles]
        self.fields["role"].initial = Rol.PROFESSIONAL
        self.fields["organisatie"].queryset = Organisatie.objects.all()
        self.fields["organisatie"].empty_label = _("(none)")
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class RolForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Rol.choices)


class AccountForm(forms.Form):
    """A new person sets their name and password while accepting an invitation."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            from kern.models import User

            try:
                password_validation.validate_password(
                    password1, User(email=self.email, name=cleaned.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
