"""Django's PostgreSQL backend, without the health check of a connection that answered a moment ago,
and with prepared statements for the queries of nearly every request.

With persistent connections (CONN_MAX_AGE) and CONN_HEALTH_CHECKS, Django sends ``SELECT 1``
before the first query of every request to find a connection the server has dropped. That
is a round trip per request: on this project's benchmark machine each costs the web process
about 0.6 ms of processor time, a tenth of an uncached page. A connection that served a
request without an error less than ``HEALTH_CHECK_IDLE_SECONDS`` ago (a key of the
database's settings, 1 s unless set) is taken as healthy without asking, as HikariCP
does within its ``aliveBypassWindowMs``; one idle longer is checked as before.

What that trades: a server restart within that second of a connection's last use fails that
connection's next request (Django closes the connection after it, and the request after that
connects anew) instead of only the requests under way at the restart.

Django binds a query's parameters into its text (client-side binding) and so never prepares
a statement: the server parses and plans each query anew. For a page's row (cms/routing.py)
that is 0.4 ms of the server's processor time here against 0.13 ms prepared, and 0.1 ms
more in the web process. ``prepared_cursor()`` gives such queries a cursor that binds on
the server and prepares each statement once per connection. Behind a connection pooler that
cannot keep prepared statements (PgBouncer before 1.21 in transaction mode) set
``DATABASE_PREPARED_STATEMENTS=false``: the same queries then run unprepared.
"""

from time import monotonic

from django.db import DEFAULT_DB_ALIAS
from django.db.backends.postgresql import base, operations

DEFAULT_IDLE_SECONDS = 1.0


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        # Django reads a client-bound cursor's own text; a prepared one's it writes out itself.
        if isinstance(cursor, base.ServerBindingCursor):
            return self.compose_sql(sql, params)
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def __init__(self, settings_dict, alias=DEFAULT_DB_ALIAS):
        super().__init__(settings_dict, alias)
        self.idle_seconds = settings_dict.get("HEALTH_CHECK_IDLE_SECONDS", DEFAULT_IDLE_SECONDS)
        # When this connection last finished a request in which it answered without an error.
        self.healthy_at = None

    def get_connection_params(self):
        params = super().get_connection_params()
        # Django turns preparing off (None) unless OPTIONS say otherwise. Only prepared_cursor()'s
        # queries can be prepared (Django's own cursors bind on the client), each at its first run.
        if "prepare_threshold" not in self.settings_dict["OPTIONS"]:
            params["prepare_threshold"] = 0
        return params

    def prepared_cursor(self):
        """A cursor like ``cursor()`` whose statements are prepared: for queries sent again and
        again with other parameters, whose parameters PostgreSQL can type by themselves."""
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            cursor = base.ServerBindingCursor(self.connection)
            # The time zone as Django's create_cursor() sets it.
            tzloader = self.connection.adapters.get_loader(base.TIMESTAMPTZ_OID, base.Format.TEXT)
            if self.timezone != tzloader.timezone:
                base.register_tzloader(self.timezone, cursor)
            return self._prepare_cursor(cursor)

    def connect(self):
        self.healthy_at = None
        super().connect()

    def close_if_unusable_or_obsolete(self):
        # Called as a request starts and as it ends: health_check_done says the request used the
        # connection, errors_occurred that something went wrong on it.
        if self.connection is not None and self.health_check_done and not self.errors_occurred:
            self.healthy_at = monotonic()
        super().close_if_unusable_or_obsolete()

    def close_if_health_check_failed(self):
        recent = self.healthy_at is not None and monotonic() - self.healthy_at < self.idle_seconds
        if self.connection is not None and not self.health_check_done and recent:
            self.health_check_done = True
            return
        super().close_if_health_check_failed()
