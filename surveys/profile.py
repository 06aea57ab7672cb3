"""A respondent's own gaps, for the thank-you page and the learner's dashboard to recommend from.

A gap is how far a required level lies above the respondent's current level,
now and in five years; the largest of the two ranks it. Only positive gaps
count. In the session a profile is a list of [competency id, gap now, gap in
five years], so that an anonymous respondent's thank-you page can use it
without anything linking the answers to them.
"""

from dataclasses import dataclass

SESSION_LIMIT = 40  # the whole framework fits
# The largest gaps a respondent is shown, with courses for each; all an anonymous questionnaire keeps.
SHOWN = 5


@dataclass(frozen=True)
class Gap:
    competency_id: int
    now: int
    future: int

    @property
    def largest(self):
        return max(self.now, self.future)


def gap_profile(ratings):
    """``ratings``: (competency id, current, required now, required in five years); largest gaps first."""
    gaps = [Gap(cid, now - current, future - current) for cid, current, now, future in ratings]
    return sorted((g for g in gaps if g.largest > 0), key=lambda g: (-g.largest, -g.now, g.competency_id))


def profile_of(response):
    rows = response.ratings.values_list("competency_id", "current", "required_now", "required_future")
    return gap_profile(rows)


def latest_profile(user):
    """The gap profile of the user's latest submitted response (anonymous ones are never linked)."""
    from .models import Response

    if not user.is_authenticated:
        return []
    response = Response.objects.submitted().filter(respondent=user).order_by("-submitted_at").first()
    return profile_of(response) if response else []


def to_session(profile):
    return [[g.competency_id, g.now, g.future] for g in profile[:SESSION_LIMIT]]


def from_session(value):
    try:
        return [Gap(int(cid), int(now), int(future)) for cid, now, future in (value or [])[:SESSION_LIMIT]]
    except (TypeError, ValueError):
        return []
