"""Two-factor authentication for the admin: a code from an authenticator app (TOTP, django-otp).

After the password, an account that can open the admin (staff, editors, moderators) and has no
confirmed device sets one up (a QR code to scan, then a code to prove it works); one that has a
device gives its current code. Until then every admin page leads here. Learners, respondents and
committee members log in with their password only.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.shortcuts import redirect, resolve_url
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm

OPEN_PATHS = ("/admin/two-factor/", "/admin/login/", "/admin/logout/", "/admin/jsi18n/")


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_second_factor(request):
            return redirect(f"{resolve_url('two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)


def needs_second_factor(request):
    if not settings.STAFF_TWO_FACTOR or not request.path_info.startswith(("/admin/", "/django-admin/")):
        return False
    if request.path_info.startswith(OPEN_PATHS):
        return False
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    # Whoever can open the admin: staff, and editors and moderators through their groups.
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


class AdminLoginForm(LoginForm):
    """Wagtail's admin login, the first factor. Wagtail gives its password field no label, so it was
    named after the field, untranslated: "Password" on the Dutch login page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(_("That code is not right, or no longer valid. Try the current one."))
        return code


def two_factor(request):
    """Set up an authenticator app (first time) or give its current code."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    setting_up = not user_has_device(user, confirmed=True)
    device = (
        TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "authenticator"})[0]
        if setting_up
        else TOTPDevice.objects.filter(user=user, confirmed=True).first()
    )
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if setting_up:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        target = request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
        return redirect(target if safe and target else "wagtailadmin_home")
    context = {"form": form, "setting_up": setting_up}
    if setting_up:
        context["qr_code"] = segno.make_qr(device.config_url, error="m").svg_data_uri(scale=5)
        context["secret"] = base64.b32encode(device.bin_key).decode().rstrip("=")
    return TemplateResponse(request, "two_factor.html", context)
