"""The questionnaire wizard (django-formtools, session storage) with drafts kept in the database."""

import copy

from django.contrib import messages
from django.core.mail import EmailMessage
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from formtools.wizard.views import SessionWizardView

from cms.security import limit_posts
from home.models import StakeholderGroup

from .forms import ConsentForm, ProfileForm, ResumeLinkForm, ReviewForm, StepForm
from .models import GapSurveyPage, Invitation, Response
from .profile import SHOWN, gap_profile, to_session

PROFILE_FIELDS = ["stakeholder_group", "profession", "organisation_type", "experience", "region"]


def wizard_prefix(page):
    return f"survey-{page.pk}"


def wizard_steps(page):
    """The wizard's form list and the conditions of the steps shown to some groups only."""
    form_list = [("consent", ConsentForm)]
    if page.include_profile:
        form_list.append(("profile", ProfileForm))
    conditions = {}
    for name, block in page.step_blocks():
        form_list.append((name, StepForm))
        if block.value["show_to"] and page.include_profile:
            conditions[name] = shown_to(block.value["show_to"])
    form_list.append(("review", ReviewForm))
    return form_list, conditions


def shown_to(groups):
    def condition(wizard):
        profile = wizard.get_cleaned_data_for_step("profile") or {}
        return profile.get("stakeholder_group") in groups

    condition.groups = groups
    return condition


def progress(step, fewest, most):
    """What the progress bar says: "Step 3 of 6", or "Step 1 of 5 to 6" while the steps a respondent
    goes through are not known yet."""
    if fewest == most:
        label = _("Step %(step)s of %(count)s") % {"step": step, "count": most}
    else:
        label = _("Step %(step)s of %(fewest)s to %(most)s") % {"step": step, "fewest": fewest, "most": most}
    return {"step": step, "most": most, "label": label}


class SurveyWizard(SessionWizardView):
    """Answers a GapSurveyPage step by step; ``page`` is the questionnaire."""

    page = None
    template_name = "surveys/survey_step.html"

    def get_prefix(self, request, *args, **kwargs):
        return wizard_prefix(self.page)

    def get_form_kwargs(self, step=None):
        if step == "consent":
            return {"offer_wave_link": offers_wave_link(self.request, self.page)}
        blocks = dict(self.page.step_blocks())
        if step not in blocks:
            return {}
        return {"step": blocks[step], "competencies": self.page.matrix_competencies}

    def get_cleaned_data_for_step(self, step):
        # Asked by the conditions of the steps shown to some groups, each time formtools lists the
        # steps (several times a request), and each time it builds and validates that step's form
        # anew: keep the answer while the step's data stays the same.
        data = self.storage.get_step_data(step)
        kept = self.__dict__.setdefault("_cleaned_steps", {})
        if step not in kept or kept[step][0] != data:
            kept[step] = (copy.deepcopy(data), super().get_cleaned_data_for_step(step))
        return kept[step][1]

    def get(self, request, *args, **kwargs):
        # formtools starts over on every GET; a respondent who reloads the page or
        # follows a resume link continues at the step they were on instead.
        if self.storage.current_step and self.draft():
            step = self.steps.current
            return self.render(self.get_form(step=step, data=self.storage.get_step_data(step)))
        return super().get(request, *args, **kwargs)

    def post(self, *args, **kwargs):
        # A step name that is not one of this questionnaire's was typed by hand:
        # refuse it plainly rather than fail on it.
        posted_step = self.request.POST.get(f"{self.get_prefix(self.request)}-current_step")
        if posted_step is not None and posted_step not in self.get_form_list():
            return HttpResponseBadRequest(_("This step does not exist."))
        return super().post(*args, **kwargs)

    def get_form_step_data(self, form):
        # formtools keeps the whole post; keep only the step's own fields, as the form read them,
        # so that nothing else a browser sends (NUL bytes, which PostgreSQL refuses in the draft's
        # JSON, or a megabyte of junk) reaches the session and the draft.
        fields = ((form.add_prefix(name), form[name].data) for name in form.fields)
        return {
            key: value if isinstance(value, list) else [value] for key, value in fields if value is not None
        }

    def process_step(self, form):
        # Runs for every valid step: consent starts the draft, later steps keep it current,
        # so a respondent can leave at any point and come back from another browser.
        data = super().process_step(form)
        if self.steps.current == "consent" and not self.draft():
            language = translation.get_language()
            self.storage.extra_data = {
                "response": Response.start(self.page, language).pk,
                "invitation": invitation_pk(self.request, self.page),
            }
        return data

    def render_next_step(self, form, **kwargs):
        response = super().render_next_step(form, **kwargs)
        self.keep_draft()
        return response

    def render_goto_step(self, goto_step, **kwargs):
        response = super().render_goto_step(goto_step, **kwargs)
        self.keep_draft()
        return response

    def draft(self):
        """This browser's draft response (looked up once per request)."""
        pk = (self.storage.extra_data or {}).get("response")
        if getattr(self, "_draft_pk", "unset") != pk:
            self._draft_pk = pk
            self._draft = Response.objects.filter(pk=pk, status=Response.Status.DRAFT).first() if pk else None
        return self._draft

    def keep_draft(self):
        draft = self.draft()
        if draft:
            draft.save_progress(self.storage.data)

    def step_counts(self):
        """(fewest, most) steps this respondent goes through. One number once the profile step has an
        answer, or when no step is for some groups only: the steps the respondent will see. Before
        that, the fewest and most any stakeholder group sees, so the count never claims a number it
        must take back."""
        if not self.condition_dict or self.get_cleaned_data_for_step("profile") is not None:
            return self.steps.count, self.steps.count
        conditions = self.condition_dict.values()
        counts = [
            len(self.form_list) - sum(group not in condition.groups for condition in conditions)
            for group in StakeholderGroup.values
        ]
        return min(counts), max(counts)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        draft = self.draft()
        context.update(page=self.page, draft=draft, progress=progress(self.steps.step1, *self.step_counts()))
        if draft and self.steps.current != "consent":
            context["resume_url"] = resume_url(self.request, self.page, draft)
            context["resume_form"] = ResumeLinkForm()
        if self.steps.current == "review":
            context["summary"] = self.summary()
        return context

    def summary(self):
        """Every answered step with its questions and answers, for the review page."""
        steps = []
        for name in self.get_form_list():
            if name in ("consent", "review"):
                continue
            form = self.get_form(step=name, data=self.storage.get_step_data(name))
            if form.is_valid():
                steps.append({"name": name, "form": form})
        return steps

    def done(self, form_list, form_dict=None, **kwargs):
        # formtools has re-validated every step before calling this (render_done),
        # so a respondent who jumped ahead never gets here with missing answers.
        draft = self.draft()
        if draft is None:
            messages.error(self.request, _("Your answers had expired. Please start again."))
            return self.page.start_over(self.request)
        profile = (
            {name: form_dict["profile"].cleaned_data[name] for name in PROFILE_FIELDS}
            if ("profile" in form_dict)
            else {}
        )
        answers, ratings = [], []
        for form in form_dict.values():
            if isinstance(form, StepForm):
                step_answers, step_ratings = form.answers()
                answers += step_answers
                ratings += step_ratings
        invitation = Invitation.objects.filter(pk=self.storage.extra_data.get("invitation")).first()
        submitted = draft.submit(
            profile,
            answers,
            ratings,
            invitation=invitation,
            respondent=self.request.user,
            link_waves=form_dict["consent"].links_waves(),
        )
        if not submitted:
            messages.error(self.request, _("This invitation has already been used."))
            return redirect(self.page.get_url(self.request))
        self.request.session.pop(invitation_key(self.page), None)  # used: of no further use
        self.keep_gaps_for_thanks(ratings)
        return redirect(self.page.get_url(self.request) + self.page.reverse_subpage("thanks"))

    def keep_gaps_for_thanks(self, ratings):
        """The thank-you page recommends from this browser's own gaps; nothing else keeps them. For an
        anonymous questionnaire only the gaps the page shows are kept, and only until it shows them: the
        session belongs to an account when the respondent is logged in, and lasts for hours."""
        levels = ("current", "required_now", "required_future")
        rows = [(r["competency"].pk, *(int(r[level]) for level in levels)) for r in ratings]
        gaps = gap_profile(rows)
        self.request.session[self.page.gaps_session_key()] = to_session(
            gaps[:SHOWN] if self.page.anonymous else gaps
        )


def invitation_key(page):
    return f"survey-invitation-{page.translation_key}"


def invitation_pk(request, page):
    return request.session.get(invitation_key(page))


def offers_wave_link(request, page):
    """Whether the consent step asks to link this response to the respondent's others in the series:
    only a questionnaire that is not anonymous, answered through an invitation with an address."""
    pk = invitation_pk(request, page)
    if not page.series or page.anonymous or pk is None:
        return False
    return Invitation.objects.filter(pk=pk).exclude(email="").exists()


def invited(request, page):
    """Whether this browser may answer: open questionnaires always, others with an unused
    invitation (or a draft that was started with one)."""
    if page.access != GapSurveyPage.Access.INVITATION:
        return True
    if Invitation.objects.filter(pk=invitation_pk(request, page), used=False).exists():
        return True
    stored = request.session.get(f"wizard_{wizard_prefix(page)}") or {}
    return bool((stored.get("extra_data") or {}).get("invitation"))


def accept_invitation(request, page, token):
    invitation = Invitation.objects.filter(token=token, survey__translation_key=page.translation_key).first()
    if invitation is None or invitation.used:
        state = "used" if invitation else "unknown"
        return render(request, "surveys/closed.html", {"page": page, "state": state}, status=403)
    request.session[invitation_key(page)] = invitation.pk
    return page.start_over(request)


def answer_survey(request, page):
    if page.state() != "open":
        return page.closed_response(request)
    if not invited(request, page):
        return render(request, "surveys/closed.html", {"page": page, "state": "invitation"}, status=403)
    form_list, conditions = wizard_steps(page)
    view = SurveyWizard.as_view(form_list=form_list, condition_dict=conditions, page=page)
    return view(request)


def resume_survey(request, page, key):
    """Load a saved draft into this browser's session and continue where it was left."""
    draft = page.responses().filter(resume_key=key, status=Response.Status.DRAFT).first()
    if draft is None or draft.expires_at < timezone.now():
        messages.error(request, _("This resume link is not valid (any more). Please start again."))
        return page.start_over(request)
    if page.state() != "open":
        return page.closed_response(request)
    # formtools' session storage keeps a wizard's data under "wizard_<prefix>".
    request.session[f"wizard_{wizard_prefix(page)}"] = {
        **draft.progress,
        "extra_data": {"response": draft.pk},
    }
    return page.start_over(request)


def resume_url(request, page, draft):
    return request.build_absolute_uri(
        page.get_url(request) + page.reverse_subpage("resume", args=[draft.resume_key])
    )


@require_POST
@limit_posts
def email_resume_link(request, page):
    """Mail this browser's own resume link to an address that is used once and not stored."""
    stored = request.session.get(f"wizard_{wizard_prefix(page)}") or {}
    pk = (stored.get("extra_data") or {}).get("response")
    draft = Response.objects.filter(pk=pk, status=Response.Status.DRAFT).first() if pk else None
    form = ResumeLinkForm(request.POST)
    if draft is None:
        messages.error(request, _("There are no saved answers to continue with."))
    elif not form.is_valid():
        messages.error(request, _("Please give a valid e-mail address."))
    else:
        context = {"page": page, "link": resume_url(request, page, draft)}
        body = render_to_string("surveys/email/resume_link.txt", context)
        EmailMessage(_("Continue your questionnaire later"), body, to=[form.cleaned_data["email"]]).send()
        messages.success(request, _("We have sent the link. Your e-mail address has not been stored."))
    return page.start_over(request)
