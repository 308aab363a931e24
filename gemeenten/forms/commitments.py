"""Forms for commitments: recording one (the mandate with its signed PDF too) and its status."""

import io
import re

from django import forms
from django.conf import settings
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from pypdf import PdfReader

from kern.concurrency import VersionedModelForm

from ..models import Commitment, Organisatie, Proeftuin

# A PDF starts with this header; its trailer ends with %%EOF, within the last kilobyte in
# practice (readers tolerate a little garbage after it).
PDF_HEADER = b"%PDF-"
PDF_EOF = b"%%EOF"
PDF_TAIL_BYTES = 2048
# What makes a PDF a polyglot: a file that a browser would also render as a web page (HTML
# after the PDF header). A signed statement never holds these, compressed streams practically
# never spell them, and text in a PDF's content is written in other ways.
WEB_MARKERS = re.compile(rb"<\s*(?:!doctype|html|script|body|iframe)\b", re.IGNORECASE)


def _pages(content: bytes) -> int:
    """The number of pages as a real PDF parser reads them; raises on a file it cannot read."""
    reader = PdfReader(io.BytesIO(content), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")  # permissions only; a document that needs a password fails below
    return len(reader.pages)


def validate_pdf(upload):
    """Refuse an upload that is too large or whose content is not a PDF (whatever its name):
    it must start as a PDF, hold nothing a browser would show as a web page, be read by a PDF
    parser (pypdf) and have at least one page."""
    limit = settings.MANDAAT_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise forms.ValidationError(
            _("This file is %(size)s; the limit is %(limit)s MB."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": settings.MANDAAT_MAX_UPLOAD_MB},
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if not content.startswith(PDF_HEADER):
        raise forms.ValidationError(
            _("This file is not a PDF. Upload the signed statement as a PDF file."),
            code="not_pdf",
        )
    if WEB_MARKERS.search(content):
        raise forms.ValidationError(
            _(
                "This PDF also contains web page code (HTML or script), so it is refused. Save "
                "the document as a PDF again (for example with Print to PDF) and upload that."
            ),
            code="polyglot_pdf",
        )
    damaged = forms.ValidationError(
        _("This PDF is incomplete or damaged. Save it again as a PDF and upload it once more."),
        code="damaged_pdf",
    )
    if PDF_EOF not in content[-PDF_TAIL_BYTES:]:
        raise damaged
    try:
        pages = _pages(content)
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        raise damaged from error
    if pages < 1:
        raise forms.ValidationError(
            _("This PDF has no pages. Upload the signed statement itself."), code="empty_pdf"
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class OrganisatiesField(SafeModelMultipleChoiceField):
    """Several partners by id; an id beyond the database's integers is as unknown as any other
    (SQLite raises OverflowError on such a value in ``IN``, a server error)."""

    def _check_values(self, value):
        pk_type = self.queryset.model._meta.pk.get_internal_type()
        low, high = connection.ops.integer_field_range(pk_type)
        for pk in value:
            try:
                number = int(pk)
            except (TypeError, ValueError):
                continue  # the parent says it is not a valid id
            if (low is not None and number < low) or (high is not None and number > high):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class CommitmentForm(VersionedModelForm):
    # Baat is an explicit through table (it carries the gemeente): the service sets it.
    baathebbers = OrganisatiesField(
        Organisatie.objects.none(),
        required=False,
        label=_("Who benefits"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The partners that gain from this commitment."),
    )

    class Meta:
        model = Commitment
        fields = [
            "proeftuin",
            "soort",
            "organisatie",
            "omschrijving",
            "uren_per_jaar",
            "bedrag",
            "toegezegd_op",
            "verwacht_op",
            "mandaat_door",
            "mandaat_functie",
            "document",
            "baat_omschrijving",
        ]
        field_classes = {"proeftuin": SafeModelChoiceField, "organisatie": SafeModelChoiceField}
        widgets = {
            "toegezegd_op": DateInput,
            "verwacht_op": DateInput,
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "baat_omschrijving": forms.Textarea(attrs={"rows": 2}),
            "document": forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        }

    def __init__(self, *args, proeftuin=None, **kwargs):
        super().__init__(*args, **kwargs)
        proeftuinen = Proeftuin.objects.all()
        self.fields["proeftuin"].queryset = proeftuinen
        if not self.instance.pk and proeftuin is not None:
            self.initial["proeftuin"] = proeftuin.pk
        if len(proeftuinen) == 1:
            # Nothing to choose: the one proeftuin goes along unseen.
            self.fields["proeftuin"].widget = forms.HiddenInput()
        self.fields["organisatie"].queryset = Organisatie.objects.all()
        self.fields["organisatie"].empty_label = _("(the gemeente as a whole)")
        self.fields["baathebbers"].queryset = Organisatie.objects.all()
        if self.instance.pk:
            self.initial["baathebbers"] = list(self.instance.baathebbers.all())
        self.fields["document"].help_text = _(
            "Only for the mandate. A PDF of at most %(limit)s MB."
        ) % {"limit": settings.MANDAAT_MAX_UPLOAD_MB}
        for name in ("uren_per_jaar", "bedrag"):
            self.fields[name].widget.attrs.update({"min": "0", "inputmode": "decimal"})

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document and hasattr(document, "content_type"):  # a new upload, not the stored file
            validate_pdf(document)
        return document

    def clean(self):
        cleaned = super().clean()
        document = cleaned.get("document")
        soort = cleaned.get("soort")
        is_new_upload = "document" in self.changed_data
        if document and is_new_upload and soort and soort != Commitment.Soort.MANDAAT:
            self.add_error("document", _("Only the mandate has a signed statement."))
        return cleaned


class StatusForm(forms.Form):
    """Mark a commitment as delivered, withdrawn (with a reason) or promised again."""

    status = forms.ChoiceField(label=_("Status"), choices=Commitment.Status.choices)
    geleverd_op = forms.DateField(
        label=_("Delivered on"),
        required=False,
        widget=DateInput,
        help_text=_("Today when left empty."),
    )
    reden_ingetrokken = forms.CharField(
        label=_("Reason for withdrawal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, commitment, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": commitment.status,
                "geleverd_op": commitment.geleverd_op,
                "reden_ingetrokken": commitment.reden_ingetrokken,
                "version": commitment.version,
            },
        )
        kwargs.setdefault("auto_id", f"status-{commitment.pk}-%s")
        super().__init__(*args, **kwargs)
