from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="learning_dashboard"),
    path("profile/", views.edit_profile, name="learning_profile"),
    path("portfolio/", views.portfolio, name="learning_portfolio"),
    path("my-data/", views.my_data, name="learning_my_data"),
    path("certificates/<str:code>/pdf/", views.download_certificate, name="certificate_download"),
    path("verify/", views.verify, name="certificate_verify"),
    path("verify/<str:code>/", views.verify, name="certificate_verify_code"),
]
