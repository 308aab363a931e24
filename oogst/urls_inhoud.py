"""URLs of the oogst app's inhoud part (included by oogst.urls)."""

urlpatterns = []
