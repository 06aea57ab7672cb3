"""Admin views: send a newsletter mailing after the editor confirmed it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .models import NewsletterMailing


def send_mailing(request, pk):
    if not request.user.has_perm("home.send_newslettermailing"):
        raise PermissionDenied
    mailing = get_object_or_404(NewsletterMailing, pk=pk)
    if request.method == "POST":
        if mailing.send():
            message = _("The mailing went to %(count)d subscribers.") % {"count": mailing.recipients}
            messages.success(request, message)
        return redirect("wagtailsnippets_home_newslettermailing:list")
    context = {"mailing": mailing, "audience": mailing.audience().count()}
    return TemplateResponse(request, "home/admin/send_mailing.html", context)
