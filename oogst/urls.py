"""URLs of the oogst app under /g/<gemeente_slug>/oogst/: one list per part, each in its own
module so the parts can grow side by side."""

from . import urls_inhoud, urls_logboek, urls_netwerk

app_name = "oogst"

urlpatterns = [
    *urls_inhoud.urlpatterns,
    *urls_netwerk.urlpatterns,
    *urls_logboek.urlpatterns,
]
