"""The public site's views outside the page tree, under each language's prefix (cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("newsletter/", views.newsletter_signup, name="newsletter_signup"),
    path("newsletter/sent/", views.newsletter_sent, name="newsletter_sent"),
    path(
        "newsletter/confirm/<str:token>/",
        views.newsletter_confirm,
        name="newsletter_confirm",
    ),
    path(
        "newsletter/unsubscribe/<str:token>/",
        views.newsletter_unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
