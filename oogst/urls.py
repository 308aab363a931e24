"""URLs of the oogst under /g/<gemeente_slug>/oogst/, all in the one ``oogst`` namespace: each
part's own list, and the export of everything."""

from django.urls import path

from . import views
from .inhoud import urls as inhoud
from .kennisbank import urls as kennisbank
from .logboek import urls as logboek
from .netwerk import urls as netwerk

app_name = "oogst"

urlpatterns = [
    *inhoud.urlpatterns,
    *netwerk.urlpatterns,
    *kennisbank.urlpatterns,
    path("export/", views.export_page, name="export"),
    path("export.zip", views.export_zip, name="export_zip"),
    *logboek.urlpatterns,
]
