from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from .health import healthz
from .views import robots_txt

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    import posixpath

    from django.conf.urls.static import static
    from django.http import Http404
    from django.views.static import serve

    IMAGE_FOLDERS = ("original_images", "images", "avatar_images")

    def development_media(request, path, document_root):
        """Uploaded images (originals, renditions, avatars) only. Documents go through Wagtail's serve
        view above, which checks who may open them (minutes, meeting papers, private collections); job
        results and certificates through their own views."""
        if posixpath.normpath(path).lstrip("/").split("/")[0] not in IMAGE_FOLDERS:
            raise Http404
        return serve(request, path, document_root)

    urlpatterns += static(settings.MEDIA_URL, development_media, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("account/", include("allauth.urls")),
    path("learning/", include("learning.urls")),
    path("", include("home.urls")),
    # Wagtail's front-end login is a plain Django login: it would let an account whose e-mail address
    # was never verified in. Everyone logs in through allauth.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"
