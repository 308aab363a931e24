"""URLs of the verbeteracties app, under /g/<gemeente_slug>/verbeteracties/."""

app_name = "verbeteracties"

urlpatterns = []
