"""The learner's own pages: dashboard and profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .models import LearnerProfile


def profile_of(user):
    """The learner profile of an account, made on first use (e.g. for accounts made in the admin)."""
    profile, _created = LearnerProfile.objects.get_or_create(
        user=user, defaults={"certificate_name": user.get_full_name() or user.email}
    )
    return profile


@login_required
def dashboard(request):
    return render(request, "learning/dashboard.html", {"profile": profile_of(request.user)})


@login_required
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=profile_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("learning_dashboard")
    return render(request, "learning/profile.html", {"form": form})
