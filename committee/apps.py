from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.pagecache import purge_when_changed


class CommitteeConfig(AppConfig):
    name = "committee"
    verbose_name = _("Committees")

    def ready(self):
        from .models import KPI, Meeting, Membership, Person

        # Committee pages show these rows: a change empties the anonymous page cache.
        purge_when_changed(Person, Membership, Meeting, KPI)
