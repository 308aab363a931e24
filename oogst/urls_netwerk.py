"""URLs of the oogst app's netwerk part, the Kennisbank publication and the export (included
by oogst.urls)."""

from django.urls import path

from .views import export, kennisbank, netwerk

urlpatterns = [
    path("netwerk/", netwerk.netwerk_overzicht, name="netwerk"),
    path("netwerk/invullen/", netwerk.netwerk_invullen, name="netwerk_invullen"),
    path("kennisbank/", kennisbank.kiezen, name="kennisbank_kiezen"),
    path("kennisbank/les/<int:pk>/", kennisbank.publiceer_les, name="kennisbank_les"),
    path("kennisbank/actie/<int:pk>/", kennisbank.publiceer_actie, name="kennisbank_actie"),
    path("export/", export.export_pagina, name="export"),
    path("export.zip", export.export_zip, name="export_zip"),
]
