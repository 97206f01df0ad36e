from django.contrib import admin
from django.urls import path

from tracker import views as tracker_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", tracker_views.healthz, name="healthz"),
]
