"""Views of the public site that are not pages: search, newsletter, event registration."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Locale, Page

from cms.pagecache import allow_page_cache
from cms.security import limit_posts

from .forms import EventRegistrationForm, NewsletterSignupForm
from .models import NewsletterSubscriber


def bounded_query(request):
    """The visitor's query, cut to the longest we look up, and whether it was cut."""
    text = request.GET.get("q", "").strip()
    limit = settings.SEARCH_QUERY_MAX_LENGTH
    return text[:limit], len(text) > limit


def searchable(query):
    """The words of a query as the search backend can take them: a double quote breaks SQLite's
    full-text syntax and PostgreSQL refuses NUL bytes, and neither is part of a word."""
    return " ".join(query.replace('"', " ").replace("\x00", " ").split())


@require_GET
def search(request):
    query, shortened = bounded_query(request)
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        for hidden in hooks.get_hooks("exclude_from_site_search"):  # e.g. closed vacancies
            pages = pages.exclude(pk__in=list(hidden()))
        words = searchable(query)
        found = pages.search(words) if words else pages.none()
        paginator = Paginator(found, settings.SEARCH_RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    context = {
        "query": query,
        "shortened": shortened,
        "results": results,
        "search_query_string": urlencode({"q": query}),
    }
    return allow_page_cache(render(request, "home/search.html", context))


@limit_posts
def event_registration(request, event):
    """The registration form of an event; ``event`` is the EventPage it was reached through."""
    form = EventRegistrationForm(request.POST or None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        registration, created, refusal = event.register(form)
        if not refusal:
            registration.send_confirmation(request, already_registered=not created)
            return redirect(event.url + event.reverse_subpage("registered"))
    context = {
        "page": event,
        "form": form,
        "status": refusal or event.registration_status(),
        "places_left": event.places_left(),
    }
    return render(request, "home/event_registration.html", context, status=409 if refusal else 200)


@limit_posts
def newsletter_signup(request):
    form = NewsletterSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        language = translation.get_language() or settings.LANGUAGE_CODE
        subscriber = NewsletterSubscriber.sign_up(form.cleaned_data["email"], language)
        if subscriber:
            subscriber.send_confirmation(request)
        # The same answer whether or not the address was known: the list stays private.
        return redirect("newsletter_sent")
    return render(request, "home/newsletter_signup.html", {"form": form})


def newsletter_sent(request):
    return allow_page_cache(render(request, "home/newsletter_sent.html"))


def newsletter_confirm(request, token):
    subscriber = get_object_or_404(NewsletterSubscriber, token=token)
    state = "ask"
    if subscriber.status == NewsletterSubscriber.Status.CONFIRMED:
        state = "confirmed"
    elif subscriber.status == NewsletterSubscriber.Status.UNSUBSCRIBED:
        state = "invalid"
    elif subscriber.confirmation_expired():
        state = "expired"
    elif request.method == "POST":
        subscriber.confirm()
        state = "confirmed"
    return render(request, "home/newsletter_confirm.html", {"state": state})


@csrf_exempt  # mail programs post the one-click unsubscribe (RFC 8058); the token is the secret
def newsletter_unsubscribe(request, token):
    subscriber = get_object_or_404(NewsletterSubscriber, token=token)
    if request.method == "POST" and subscriber.status != NewsletterSubscriber.Status.UNSUBSCRIBED:
        subscriber.unsubscribe()
    done = subscriber.status == NewsletterSubscriber.Status.UNSUBSCRIBED
    return render(request, "home/newsletter_unsubscribe.html", {"done": done})
