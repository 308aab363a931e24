"""URLs of the bijeenkomsten app, under /g/<gemeente_slug>/bijeenkomsten/."""

from django.urls import path

from .views import agenda, bijeenkomst, cijfers, verslag

app_name = "bijeenkomsten"

urlpatterns = [
    path("", bijeenkomst.bijeenkomsten, name="list"),
    path("nieuw/", bijeenkomst.bijeenkomst_new, name="new"),
    path("cijfers/", cijfers.cijfers_view, name="cijfers"),
    path("<int:pk>/", bijeenkomst.bijeenkomst, name="detail"),
    path("<int:pk>/wijzigen/", bijeenkomst.bijeenkomst_edit, name="edit"),
    path("<int:pk>/annuleren/", bijeenkomst.bijeenkomst_cancel, name="cancel"),
    path("<int:pk>/uitnodigen/", bijeenkomst.bijeenkomst_invite, name="invite"),
    path("<int:pk>/aanmelden/", bijeenkomst.bijeenkomst_aanmelden, name="aanmelden"),
    path("<int:pk>/inbreng/", bijeenkomst.bijeenkomst_inbreng, name="inbreng"),
    path("<int:pk>/bijeenkomst.ics", bijeenkomst.bijeenkomst_ics, name="ics"),
    # The agenda, edited in place (views/agenda.py)
    path("<int:pk>/agenda/", agenda.agendapunt_add, name="agendapunt_add"),
    path("<int:pk>/agenda/casussen/", agenda.agenda_casussen, name="agenda_casussen"),
    path("agenda/<int:pk>/omhoog/", agenda.agendapunt_up, name="agendapunt_up"),
    path("agenda/<int:pk>/omlaag/", agenda.agendapunt_down, name="agendapunt_down"),
    path("agenda/<int:pk>/verwijderen/", agenda.agendapunt_remove, name="agendapunt_remove"),
    # After the meeting (views/verslag.py)
    path("<int:pk>/aanwezigheid/", verslag.aanwezigheid, name="aanwezigheid"),
    path("<int:pk>/gasten/", verslag.gast_add, name="gast_add"),
    path("gasten/<int:pk>/verwijderen/", verslag.gast_remove, name="gast_remove"),
    path("<int:pk>/verslag/", verslag.verslag, name="verslag"),
    path("<int:pk>/verslag/reactie/", verslag.reactie_add, name="reactie_add"),
    path("<int:pk>/verslag/definitief/", verslag.verslag_definitief, name="verslag_definitief"),
    path("reacties/<int:pk>/besluit/", verslag.reactie_decide, name="reactie_decide"),
    path("<int:pk>/actiepunten/", verslag.actiepunten, name="actiepunten"),
    path("actiepunten/<int:pk>/gedaan/", verslag.actiepunt_gedaan, name="actiepunt_gedaan"),
]
