from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="learning_dashboard"),
    path("profile/", views.edit_profile, name="learning_profile"),
]
