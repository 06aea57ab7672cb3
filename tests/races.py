"""Requests that race for one row, made to overlap for certain (PostgreSQL only).

Starting racers at one barrier is not enough to prove a row lock: on a busy machine the
first request may be done before the second begins, and a test without the lock passes by
luck. Here the test itself holds the contested row with ``FOR UPDATE`` from a connection
of its own while the racers start, and lets go only once every racer waits for a lock (or
has already answered). Whatever the scheduling, they all stand before the row together:
with the application's lock they then go one at a time; without it they all go through.
"""

import threading
import time
from contextlib import contextmanager

import requests
from django.db import connection, connections

TIMEOUT = 60


class Browser:
    """A browser of its own against a live server: its cookies, its connection (kept alive, as Django's
    test server keeps it and a browser does), and forms posted with the CSRF token the way a page's form
    posts them."""

    def __init__(self, base_url, cookies=None):
        self.base_url = base_url
        self.http = requests.Session()
        self.http.cookies.update(cookies or {})

    def get(self, path):
        return self.http.get(self.base_url + path, timeout=TIMEOUT)

    def post(self, path, data, follow=False):
        data = {"csrfmiddlewaretoken": self.http.cookies.get("csrftoken", ""), **data}
        return self.http.post(self.base_url + path, data=data, timeout=TIMEOUT, allow_redirects=follow)

    def tab(self):
        """Another tab of this browser: the same cookies, so the same session."""
        return Browser(self.base_url, self.http.cookies)

    def close(self):
        self.http.close()


@contextmanager
def row_locked(model, pk):
    """Holds ``FOR UPDATE`` on the row ``pk`` of ``model``'s own table until the block ends, from a
    connection of its own (as another request would)."""
    holder = connections.create_connection("default")
    try:
        holder.set_autocommit(False)
        table, column = model._meta.db_table, model._meta.pk.column
        quote = holder.ops.quote_name
        with holder.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {quote(table)} WHERE {quote(column)} = %s FOR UPDATE", [pk])
            assert cursor.fetchone() == (1,), f"no row {pk} in {table} to hold"
        yield
    finally:
        try:
            holder.rollback()
        finally:
            holder.close()


def waiting_for_a_lock():
    """How many other sessions on the test database wait for a lock right now."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # a fresh look, even inside a transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def race(calls, held):
    """Runs every call in a thread of its own, all let go at one barrier while ``held`` (a context
    manager such as ``row_locked``) is held; ends ``held`` once each call waits for a lock or has
    returned. Returns what the calls returned (an exception a call raised, in its place)."""
    results = [None] * len(calls)
    returned = []
    barrier = threading.Barrier(len(calls) + 1)

    def run(index, call):
        try:
            barrier.wait(timeout=TIMEOUT)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test reports what each racer met
            results[index] = error
        finally:
            returned.append(index)

    threads = [threading.Thread(target=run, args=(n, call), daemon=True) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + TIMEOUT
    with held:
        barrier.wait(timeout=TIMEOUT)
        while waiting_for_a_lock() + len(returned) < len(calls):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        lined_up = waiting_for_a_lock(), len(returned)
    for thread in threads:
        thread.join(timeout=3 * TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a racer was still running after its timeout"
    assert sum(lined_up) >= len(calls), (
        f"the racers never all stood before the held row: {lined_up[0]} waited for a lock, "
        f"{lined_up[1]} had returned, of {len(calls)}"
    )
    return results
