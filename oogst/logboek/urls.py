"""URLs of the Logboek Oogst under /g/<gemeente_slug>/oogst/ (named in the oogst namespace:
included by oogst.urls). The combined logboeken across gemeenten: urls_combined."""

from django.urls import path

from .views import versions

urlpatterns = [
    path("logboek/", versions.logboek, name="logboek"),
    path("logboek/<int:pk>/", versions.version, name="logboek_versie"),
    path("logboek/<int:pk>/pdf/", versions.download, name="logboek_pdf"),
    path("logboek/<int:pk>/definitief/", versions.publish, name="logboek_publiceren"),
]
