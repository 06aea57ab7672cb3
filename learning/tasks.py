"""Background jobs of the learning platform (see cms.jobs for how they report and keep files)."""

from celery import shared_task

from cms.jobs import report

from .certificates import issue_owed


@shared_task(bind=True)
def issue_certificates(self, started_by=None):
    """Issue and render every owed certificate in one batch, reporting progress to the admin."""
    issued, owed = issue_owed(render=True, report=lambda done, total: report(self, done, total))
    return {"issued": len(issued), "owed": owed}
