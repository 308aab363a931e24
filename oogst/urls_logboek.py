"""URLs of the oogst app's logboek part (included by oogst.urls)."""

urlpatterns = []
