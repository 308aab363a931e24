"""URLs of the casussen app, under /g/<gemeente_slug>/casussen/."""

app_name = "casussen"

urlpatterns = []
