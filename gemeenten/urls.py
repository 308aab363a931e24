"""URLs of one gemeente, under /g/<gemeente_slug>/."""

from django.urls import path

from .views import audit as audit_views
from .views import commitments as commitment_views
from .views import dashboard, leden, profiel
from .views import partners as partner_views
from .views import proeftuin as proeftuin_views

app_name = "gemeenten"

urlpatterns = [
    path("", dashboard.detail, name="detail"),
    path("leden/", leden.leden, name="leden"),
    path("leden/<int:pk>/rol/", leden.lid_rol, name="lid_rol"),
    path("leden/<int:pk>/beeindigen/", leden.lid_beeindigen, name="lid_beeindigen"),
    path("leden/<int:pk>/wissen/", leden.lid_wissen, name="lid_wissen"),
    path(
        "uitnodigingen/<int:pk>/intrekken/",
        leden.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    # Partners, commitments, kosten en baten, exports (views/partners.py, views/commitments.py)
    path("partners/", partner_views.partners, name="partners"),
    path("partners/nieuw/", partner_views.partner_new, name="partner_new"),
    path("partners/<int:pk>/", partner_views.partner, name="partner"),
    path("partners/<int:pk>/wijzigen/", partner_views.partner_edit, name="partner_edit"),
    path("partners/<int:pk>/verwijderen/", partner_views.partner_delete, name="partner_delete"),
    path("partners/<int:pk>/kerngroep/", partner_views.kerngroeplid_add, name="kerngroeplid_add"),
    path(
        "kerngroep/<int:pk>/verwijderen/",
        partner_views.kerngroeplid_remove,
        name="kerngroeplid_remove",
    ),
    path("partners.csv", partner_views.partners_export, {"formaat": "csv"}, name="partners_csv"),
    path(
        "partners.xlsx",
        partner_views.partners_export,
        {"formaat": "xlsx"},
        name="partners_xlsx",
    ),
    path("toezeggingen/", commitment_views.commitments, name="commitments"),
    path("toezeggingen/nieuw/", commitment_views.commitment_new, name="commitment_new"),
    path("toezeggingen/<int:pk>/", commitment_views.commitment, name="commitment"),
    path(
        "toezeggingen/<int:pk>/wijzigen/", commitment_views.commitment_edit, name="commitment_edit"
    ),
    path(
        "toezeggingen/<int:pk>/status/",
        commitment_views.commitment_status,
        name="commitment_status",
    ),
    path(
        "toezeggingen/<int:pk>/verwijderen/",
        commitment_views.commitment_delete,
        name="commitment_delete",
    ),
    path(
        "toezeggingen/<int:pk>/verklaring.pdf",
        commitment_views.commitment_document,
        name="commitment_document",
    ),
    path(
        "toezeggingen.csv",
        commitment_views.commitments_export,
        {"formaat": "csv"},
        name="commitments_csv",
    ),
    path(
        "toezeggingen.xlsx",
        commitment_views.commitments_export,
        {"formaat": "xlsx"},
        name="commitments_xlsx",
    ),
    path("kosten-en-baten/", commitment_views.kosten_en_baten, name="kostenbaten"),
    # Proeftuin, phases, gemeenteprofiel, readiness (views/proeftuin.py)
    path("proeftuinen/", proeftuin_views.proeftuinen, name="proeftuinen"),
    path("proeftuinen/nieuw/", proeftuin_views.proeftuin_create, name="proeftuin_create"),
    path("proeftuinen/<int:pk>/", proeftuin_views.proeftuin, name="proeftuin"),
    path("proeftuinen/<int:pk>/wijzigen/", proeftuin_views.proeftuin_edit, name="proeftuin_edit"),
    path("proeftuinen/<int:pk>/fase/", proeftuin_views.proeftuin_fase, name="proeftuin_fase"),
    path(
        "proeftuinen/<int:pk>/fase/terug/",
        proeftuin_views.proeftuin_fase_terug,
        name="proeftuin_fase_terug",
    ),
    path(
        "proeftuinen/<int:pk>/ingredienten/",
        proeftuin_views.proeftuin_ingredienten,
        name="proeftuin_ingredienten",
    ),
    path("profiel/", profiel.profiel, name="profiel"),
    # The audit log, for facilitators (views/audit.py)
    path("audit/", audit_views.audit_log, name="audit"),
    path("audit.csv", audit_views.audit_export, name="audit_csv"),
]
