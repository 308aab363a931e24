"""URLs of the verbeteracties app, under /g/<gemeente_slug>/verbeteracties/."""

from django.urls import path

from .views import actie, export, overzicht, voortgang

app_name = "verbeteracties"

urlpatterns = [
    path("", overzicht.board, name="board"),
    path("lijst/", overzicht.lijst, name="lijst"),
    path("tijdlijn/", overzicht.tijdlijn, name="tijdlijn"),
    path("stand/", overzicht.stand, name="stand"),
    path("nieuw/", actie.new, name="new"),
    path("prullenbak/", actie.verwijderd, name="verwijderd"),
    path("<int:pk>/", actie.detail, name="detail"),
    path("<int:pk>/wijzigen/", actie.edit, name="edit"),
    path("<int:pk>/status/", actie.status, name="status"),
    path("<int:pk>/verwijderen/", actie.delete, name="delete"),
    path("<int:pk>/terugzetten/", actie.restore, name="restore"),
    path("<int:pk>/voortgang/", voortgang.voortgang, name="voortgang"),
    path("<int:pk>/indicatoren/nieuw/", voortgang.indicator_new, name="indicator_new"),
    path("<int:pk>/metingen/upload/", voortgang.upload, name="upload"),
    path("indicatoren/<int:pk>/wijzigen/", voortgang.indicator_edit, name="indicator_edit"),
    path("indicatoren/<int:pk>/metingen/", voortgang.meting, name="meting"),
    path("metingen/<int:pk>/verwijderen/", voortgang.meting_delete, name="meting_delete"),
]

for soort in ("acties", "voortgang", "metingen"):
    for formaat in ("csv", "xlsx"):
        urlpatterns.append(
            path(
                f"{soort}.{formaat}",
                export.export,
                {"soort": soort, "formaat": formaat},
                name=f"{soort}_{formaat}",
            )
        )
