"""URLs of the bijeenkomsten app, under /g/<gemeente_slug>/bijeenkomsten/."""

app_name = "bijeenkomsten"

urlpatterns = []
