from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteeConfig(AppConfig):
    name = "committee"
    verbose_name = _("Committees")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from cms.pagecache import purge

        from .models import KPI, Meeting, Membership, Person

        # Committee pages show these rows: a change empties the anonymous page cache.
        for model in (Person, Membership, Meeting, KPI):
            post_save.connect(purge, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
            post_delete.connect(purge, sender=model, dispatch_uid=f"pagecache-del-{model.__name__}")
