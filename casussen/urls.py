"""URLs of the casussen app, under /g/<gemeente_slug>/casussen/."""

from django.urls import path

from .views import casussen, historie, inzichten, overzicht, scan

app_name = "casussen"

urlpatterns = [
    path("", casussen.casussen, name="list"),
    path("nieuw/", casussen.casus_new, name="new"),
    path("controle/", casussen.controle_nieuw, name="controle_nieuw"),
    path("verwijderd/", casussen.casussen_deleted, name="deleted"),
    path("overzicht/", overzicht.overzicht, name="overzicht"),
    path("succesfactoren/", overzicht.succesfactoren, name="succesfactoren"),
    path("teksten-controle/", scan.teksten_scan, name="teksten_scan"),
    path("succesfactoren/<int:pk>/", overzicht.succesfactor_edit, name="succesfactor_edit"),
    path("<int:pk>/", casussen.casus, name="detail"),
    path("<int:pk>/wijzigen/", casussen.casus_edit, name="edit"),
    path("<int:pk>/controle/", casussen.controle, name="controle"),
    path("<int:pk>/indienen/", casussen.casus_submit, name="submit"),
    path("<int:pk>/terugsturen/", casussen.casus_return, name="return"),
    path("<int:pk>/besproken/", casussen.casus_besproken, name="besproken"),
    path("<int:pk>/archiveren/", casussen.casus_archive, name="archive"),
    path("<int:pk>/verwijderen/", casussen.casus_delete, name="delete"),
    path("<int:pk>/terugzetten/", casussen.casus_undelete, name="undelete"),
    path("<int:pk>/historie/", historie.casus_historie, name="historie"),
    path(
        "<int:pk>/historie/<int:wijziging_pk>/herstellen/",
        historie.casus_herstel,
        name="herstel",
    ),
    path("<int:pk>/gelezen/", historie.casus_gelezen, name="gelezen"),
    path("<int:pk>/inzichten/nieuw/", inzichten.inzicht_new, name="inzicht_new"),
    path("inzichten/<int:pk>/", inzichten.inzicht_edit, name="inzicht_edit"),
    path("inzichten/<int:pk>/verwijderen/", inzichten.inzicht_delete, name="inzicht_delete"),
    path("inzichten/<int:pk>/terugzetten/", inzichten.inzicht_undelete, name="inzicht_undelete"),
    path(
        "inzichten/<int:pk>/historie/<int:wijziging_pk>/herstellen/",
        inzichten.inzicht_herstel,
        name="inzicht_herstel",
    ),
]
