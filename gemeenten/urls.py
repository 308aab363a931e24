"""URLs of one gemeente, under /g/<gemeente_slug>/."""

from django.urls import path

from .views import dashboard, leden

app_name = "gemeenten"

urlpatterns = [
    path("", dashboard.detail, name="detail"),
    path("leden/", leden.leden, name="leden"),
    path("leden/<int:pk>/rol/", leden.lid_rol, name="lid_rol"),
    path("leden/<int:pk>/beeindigen/", leden.lid_beeindigen, name="lid_beeindigen"),
    path(
        "uitnodigingen/<int:pk>/intrekken/",
        leden.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    # Partners, commitments, kosten en baten, exports (views/partners.py, views/commitments.py)
    # Proeftuin, phases, gemeenteprofiel, readiness (views/proeftuin.py)
]
