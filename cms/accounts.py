"""django-allauth's adapter for the platform's accounts (``ACCOUNT_ADAPTER``)."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site


class AccountAdapter(DefaultAccountAdapter):
    """allauth's own behaviour, with the programme's name in the account e-mails."""

    def send_mail(self, template_prefix, email, context_data):
        # Runs for every account e-mail (sign-up, reset, notices). Without django.contrib.sites allauth
        # names the site by the request's host and port ("Hello from 127.0.0.1:8000!"); the mails greet
        # from the programme and keep the host as the address to visit.
        site = programme_site(context.request)
        return super().send_mail(template_prefix, email, {**context_data, "current_site": site})


def programme_site(request):
    """What allauth's templates read as ``current_site``: the programme's name, the visitor's host."""
    return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=get_current_site(request).domain)
