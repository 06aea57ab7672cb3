"""Reading responses the way a visitor sees them, and data built once for many tests."""

from contextlib import contextmanager

from django.db import transaction


def main_content(response):
    """The page's <main> element, without header and footer."""
    return response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]


def empty(cache):
    """Empty this test process's cache, every version of every key (Wagtail keeps the sites' root paths
    under a version of its own); in Redis, clear() would empty other workers' keys too."""
    if not hasattr(cache, "delete_pattern"):
        cache.clear()
        return
    client = cache.client.get_client()
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@contextmanager
def rolled_back(django_db_blocker):
    """For a module- or class-scoped fixture: the database open to what it builds, in a transaction
    rolled back when the fixture ends. Each test runs in a transaction of its own inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


class Clock:
    """``module.monotonic`` as ``module`` sees it, moved on by the test alone."""

    def __init__(self, monkeypatch, module, now=1000.0):
        self.now = now
        monkeypatch.setattr(module, "monotonic", lambda: self.now)
