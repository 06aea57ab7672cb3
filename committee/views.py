"""A committee's meeting calendar (.ics), its members-only area, and applications for its vacancies."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.calendars import ics_response, new_calendar
from cms.exports import spreadsheet_response
from cms.pagecache import allow_page_cache
from cms.security import limit_posts
from home.models import Competency, CompetencyDomain, StakeholderGroup
from learning.reach import reach


def meetings_ics(request, committee):
    """The committee's meetings from a month ago on, as an iCalendar feed (no links or minutes: public)."""
    from icalendar import Event, vText

    calendar = new_calendar("Committees", committee.title)
    since = timezone.now() - timezone.timedelta(days=31)
    for meeting in committee.meetings().filter(starts_at__gte=since).order_by("starts_at"):
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@nuclear-medicine-education")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("summary", f"{committee.title}: {meeting.get_kind_display()}")
        if meeting.location:
            event.add("location", vText(meeting.location))
        event.add("url", committee.get_full_url(request))
        calendar.add_component(event)
    return allow_page_cache(ics_response(calendar, committee.slug, "meetings"), 3600)


def members_area(request, committee):
    """Meetings with minutes, online links and action items: for the committee's members (and staff)."""
    from .forms import CloseActionForm

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not committee.has_member(request.user):
        raise PermissionDenied  # the site's 403 page: this area is for the committee's members
    meetings = (
        committee.meetings()
        .select_related("minutes")
        .prefetch_related("decisions", "action_items__owner", "papers__document")
    )
    now = timezone.now()
    context = {
        "page": committee,
        "upcoming": [m for m in meetings.order_by("starts_at") if m.starts_at >= now],
        "past": [m for m in meetings if m.starts_at < now],
        "today": timezone.localdate(),
        "curriculum_actions": [
            (action, CloseActionForm(action)) for action in committee.curriculum_actions()
        ],
        "may_move_actions": may_move_actions(request.user, committee),
        # Applicants' names and motivations are for the secretary and the chair, not for every member.
        "applications": committee.applications() if committee.may_read_applications(request.user) else None,
    }
    return TemplateResponse(request, "committee/members_area.html", context)


@limit_posts
def apply_for_vacancy(request, vacancy):
    """The vacancy and its application form; closed after the deadline. One application per address."""
    from .forms import ApplicationForm

    is_open = vacancy.is_open()
    form = ApplicationForm(request.POST or None) if is_open else None
    if request.method == "POST" and not is_open:
        return render(request, "committee/vacancy_page.html", {"page": vacancy, "closed": True}, status=410)
    if request.method == "POST" and form.is_valid():
        application, created = form.store(vacancy, translation.get_language() or "nl")
        send_application_confirmation(request, application, again=not created)
        if created:
            tell_the_secretary(request, application)
        messages.success(
            request, _("Thank you: your application is received. We sent you a confirmation by e-mail.")
        )
        return redirect(vacancy.url)
    response = render(
        request, "committee/vacancy_page.html", {"page": vacancy, "form": form, "closed": not is_open}
    )
    return response if form else allow_page_cache(response, vacancy.fresh_for())


def tell_the_secretary(request, application):
    """A short note to the vacancy's secretary that an application came in; what it says is read in
    the members' area, where only the secretary and the chair see it (no personal data in the mail)."""
    vacancy = application.vacancy
    if not vacancy.contact_email:
        return
    committee = vacancy.get_parent().specific
    with translation.override(application.language):
        area = committee.get_full_url(request) + committee.reverse_subpage("members")
        context = {"vacancy": vacancy, "members_area": area}
        subject = str(_("New application: %(title)s") % {"title": vacancy.title})
        body = render_to_string("committee/email/application_received.txt", context)
    EmailMultiAlternatives(subject, body, to=[vacancy.contact_email]).send()


def send_application_confirmation(request, application, again=False):
    vacancy = application.vacancy
    with translation.override(application.language):
        context = {
            "application": application,
            "vacancy": vacancy,
            "again": again,
            "vacancy_url": vacancy.get_full_url(request),
        }
        subject = str(_("Your application: %(title)s") % {"title": vacancy.title})
        body = render_to_string("committee/email/application_confirmation.txt", context)
    EmailMultiAlternatives(
        subject,
        body,
        to=[application.email],
        reply_to=[vacancy.contact_email] if vacancy.contact_email else None,
    ).send()


def coverage_matrix(request, index):
    """Gaps against courses, for editors and committee members; filter, sort, export."""
    from . import coverage

    refusal = coverage_refusal(request)
    if refusal:
        return refusal
    domains = list(CompetencyDomain.objects.all())
    domain = request.GET.get("domain", "")
    domain = domain if domain in {d.code for d in domains} else ""
    group = request.GET.get("group", "")
    group = group if group in StakeholderGroup.values else ""
    sort = request.GET.get("sort", "gap")
    sort = sort if sort in coverage.SORTS else "gap"
    thresholds = coverage_thresholds(request)
    survey = coverage.latest_survey()
    rows = coverage.sorted_rows(coverage.coverage(survey, group, domain, thresholds), sort)
    labels = coverage.STATUS_LABELS
    if request.GET.get("export") in ("xlsx", "csv"):
        return coverage_export(rows, labels, request.GET["export"])
    context = {
        "page": index,
        "rows": rows,
        "survey": survey,
        "domains": domains,
        "groups": StakeholderGroup.choices,
        "chosen": {"domain": domain, "group": group, "sort": sort},
        "labels": labels,
        "thresholds": thresholds,
        "per_group": not group,  # one group chosen: the gap columns are that group's already
        "min_cell_size": settings.SURVEY_MIN_CELL_SIZE,
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "committee/coverage.html", context)


def coverage_thresholds(request):
    from . import coverage
    from .models import CoverageSettings

    chosen = CoverageSettings.for_request(request)
    return coverage.Thresholds(chosen.min_courses, chosen.min_completions)


def coverage_export(rows, labels, file_format):
    header = [
        _("Domain"),
        _("Competency"),
        _("Gap now"),
        _("Gap in five years"),
        _("Respondents"),
        _("Courses"),
        _("Enrolments"),
        _("Completions"),
        _("Status"),
        _("Curriculum priority"),
        *(_("Gap now: %(group)s") % {"group": label} for _value, label in StakeholderGroup.choices),
    ]
    data = [
        [
            str(r.competency.domain.name),
            str(r.competency.name),
            rounded(r.gap_now),
            rounded(r.gap_future),
            r.respondents,
            "; ".join(c.title for c in r.courses),
            r.enrolments,
            r.completions,
            str(labels[r.status]),
            _("yes") if r.priority else "",
            *(exported_group_gap(cell) for cell in r.group_columns()),
        ]
        for r in rows
    ]
    return spreadsheet_response("coverage-matrix", [str(h) for h in header], data, file_format)


def rounded(gap):
    return None if gap is None else round(gap, 2)


def exported_group_gap(cell):
    """A group's gap in the export: empty when nobody of the group answered, "withheld" when too few did."""
    if cell is None:
        return None
    return _("withheld") if cell.withheld else rounded(cell.gap)


def coverage_refusal(request):
    """The coverage matrix and its actions are for editors (a permission) and committee members."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_open_coverage(request.user):
        raise PermissionDenied
    return None


def may_open_coverage(user):
    from .models import is_committee_member

    return user.has_perm("committee.view_coverage") or is_committee_member(user)


def new_curriculum_action(request, index, competency_id):
    """From the matrix: make a competency that no course covers enough an action for an action group.
    Refused (with the reason) for a covered competency and for one whose action is not done yet."""
    from django.shortcuts import get_object_or_404

    from . import coverage
    from .forms import CurriculumActionForm

    refusal = coverage_refusal(request)
    if refusal:
        return refusal
    competency = get_object_or_404(Competency, pk=competency_id)
    thresholds = coverage_thresholds(request)
    initial = {"description": _("Develop a course on %(competency)s") % {"competency": competency.name}}
    form = CurriculumActionForm(request.POST or None, initial=initial)
    refused = coverage.action_refusal(competency, thresholds)
    if request.method == "POST" and not refused and form.is_valid():
        action, refused = make_curriculum_action(form, competency, request.user, thresholds)
        if action is not None:
            messages.success(
                request, _("The action is on %(group)s's list.") % {"group": action.committee.title}
            )
            return redirect(index.url + index.reverse_subpage("coverage"))
    context = {
        "page": index,
        "competency": competency,
        "form": form,
        "refused": refused,
        "reach": reach([competency.pk])[competency.pk],
    }
    failed = request.method == "POST" and (refused or form.errors)
    return render(request, "committee/curriculum_action.html", context, status=400 if failed else 200)


@transaction.atomic
def make_curriculum_action(form, competency, user, thresholds):
    """(the new action, None), or (None, why not) when another member made one meanwhile."""
    from . import coverage

    # Two members at once: the competency's row is locked, so the second sees the first one's action.
    Competency.objects.select_for_update().filter(pk=competency.pk).first()
    refused = coverage.action_refusal(competency, thresholds)
    if refused:
        return None, refused
    action = form.save(commit=False)
    action.competency, action.created_by = competency, user
    action.save()
    return action, None


def close_curriculum_action(request, committee, action_id):
    """A member of the action group moves its action on: "in progress" (``status``), or done with the
    published course that now covers its competency (``course``)."""
    from django.shortcuts import get_object_or_404

    from .forms import CloseActionForm
    from .models import ActionStatus

    if not request.user.is_authenticated:
        return redirect_to_login(committee.url)
    if request.method != "POST" or not may_move_actions(request.user, committee):
        raise PermissionDenied
    action = get_object_or_404(committee.curriculum_actions(), pk=action_id)
    if request.POST.get("status") == ActionStatus.IN_PROGRESS:
        if action.start():
            messages.success(request, _("The action is in progress."))
        return redirect(committee.url + committee.reverse_subpage("members"))
    form = CloseActionForm(action, request.POST)
    if form.is_valid():
        action.close_with(form.cleaned_data["course"])
        messages.success(request, _("The action is closed."))
    else:
        messages.error(request, _("Choose a published course that covers this competency."))
    return redirect(committee.url + committee.reverse_subpage("members"))


def may_move_actions(user, committee):
    """Who may move a committee's curriculum actions on: its members who may open the matrix."""
    return committee.has_member(user) and may_open_coverage(user)
