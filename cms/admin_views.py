"""Admin views: a superuser answers a data-subject request."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import audit, privacy


class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("The person's e-mail address"), max_length=254)
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked who asked, and this person's data is to be erased."),
        required=False,
    )


def personal_data(request):
    """Superusers answer a data-subject request: export the person's data, or erase it after a preview."""
    if not request.user.is_superuser:
        raise PermissionDenied
    form = PersonForm(request.POST or None)
    context = {"form": form, "preview": None}
    if request.method == "POST" and form.is_valid():
        subject = privacy.Subject.for_email(form.cleaned_data["email"])
        action = request.POST.get("action")
        # The audit log needs the user itself, not the lazy object the middleware hands out.
        actor = get_user_model().objects.get(pk=request.user.pk)
        if action in ("json", "html"):
            audit.record(actor, "nmep.personal_data_export", {"account": account_id(subject)}, user=actor)
            return privacy.export_response(subject, action)
        if action == "erase" and form.cleaned_data["confirm"]:
            account = account_id(subject)  # before the account is gone
            report = privacy.erase(subject)
            data = {"account": account, "sections": list(report)}
            audit.record(actor, "nmep.personal_data_erase", data, user=actor)
            messages.success(request, _("The person's data is erased."))
            return redirect("personal_data")
        if action == "erase":
            form.add_error("confirm", _("Tick the box to confirm the erasure."))
        context["preview"] = privacy.erase(subject, dry_run=True)
    return TemplateResponse(request, "cms/admin/personal_data.html", context)


def account_id(subject):
    # The audit trail names the account by its number only: it must not keep what was erased.
    return subject.user.pk if subject.user else None
