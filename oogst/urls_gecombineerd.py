"""Combined logboeken of a facilitator across gemeenten, under /logboeken/."""

app_name = "logboeken"

urlpatterns = []
