"""A copy in each process's memory in front of the shared cache, for values that never change
under their key.

Every uncached page reads a dozen kept values: its route, the menus, the footer, the parts
of its body. In Redis each read is a round trip (about 0.2 ms of two processes' CPU on
loopback here), more than the rest of the page's work together on a busy machine. Those
values are keyed on the page-cache generation (``cms.pagecache``), so a value is never
replaced under its key: publishing starts a new generation and new keys. Such a value
can be kept in the process that read it, until it expires.

``LocalFirstCache`` answers from its process's copy and otherwise from the shared cache
named by its LOCATION (``default``: Redis in production), keeping what it read. The
expiry travels with the value, so a copy read in another process expires when the
shared one does. Django's ``{% cache %}`` and Wagtail's ``{% wagtailcache %}`` use it as
``template_fragments``: every cached fragment of this site varies on
``page_cache_generation`` (tests/test_localcache.py checks the templates). ``clear()``
forgets this process's copies only; the shared copies go stale with their generation.
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

# One store per process and cache (its shared cache and key prefix), shared by its threads
# (Django makes a backend per thread).
_stores = {}
_stores_lock = threading.Lock()


class LocalStore:
    """The process's copies, least recently used first, each with the wall-clock time it expires."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        """The copy kept under ``key``, or None when there is none or it has expired."""
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] is not None and entry[0] <= time.time():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
        return thaw(entry[1])

    def put(self, key, expires, value):
        with self.lock:
            self.entries[key] = (expires, freeze(value))
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def forget(self, key=None):
        with self.lock:
            if key is None:
                self.entries.clear()
            else:
                self.entries.pop(key, None)


def freeze(value):
    """Text is kept as it is; anything else pickled, so that no request changes another's copy."""
    return value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def thaw(frozen):
    return frozen if isinstance(frozen, str) else pickle.loads(frozen)


class LocalFirstCache(BaseCache):
    """This process's copy first, then the shared cache (LOCATION, an alias in CACHES)."""

    def __init__(self, location, params):
        super().__init__(params)
        self.shared_alias = location or "default"
        with _stores_lock:
            store = LocalStore(self._max_entries)
            self.store = _stores.setdefault((self.shared_alias, self.key_prefix), store)

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        value = self.store.get(key)
        if value is not None:
            return value
        return self.kept(key, self.shared.get(key), default)

    def local(self, key, version=None):
        """This process's copy, or None: never asks the shared cache."""
        return self.store.get(self.make_and_validate_key(key, version=version))

    def get_many(self, keys, version=None):
        """All in one request to the shared cache, for the keys this process holds no copy of."""
        found, missing = {}, {}
        for key in keys:
            made = self.make_and_validate_key(key, version=version)
            value = self.store.get(made)
            if value is None:
                missing[made] = key
            else:
                found[key] = value
        for made, stored in (self.shared.get_many(list(missing)) if missing else {}).items():
            value = self.kept(made, stored, None)
            if value is not None:
                found[missing[made]] = value
        return found

    def kept(self, key, stored, default):
        """The value of a ``(expires, value)`` pair from the shared cache, copied here until it expires."""
        if stored is None:
            return default
        expires, value = stored
        if expires is not None and expires <= time.time():
            return default
        self.store.put(key, expires, value)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        seconds, expires = self.lifetime(timeout)
        self.shared.set(key, (expires, value), seconds)
        self.keep(key, seconds, expires, value)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        seconds, expires = self.lifetime(timeout)
        added = self.shared.add(key, (expires, value), seconds)
        if added:
            self.keep(key, seconds, expires, value)
        return added

    def lifetime(self, timeout):
        """Seconds for the shared cache (None: for ever) and the wall-clock time the value expires."""
        seconds = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        return seconds, self.get_backend_timeout(timeout)

    def keep(self, key, seconds, expires, value):
        if seconds is None or seconds > 0:  # a timeout of 0 keeps nothing
            self.store.put(key, expires, value)

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        self.store.forget(key)
        return self.shared.delete(key)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        """Not offered: an expiry travels inside the value, so it cannot be changed without it."""
        raise NotImplementedError("LocalFirstCache keeps each expiry with its value; set() it again.")

    def clear(self):
        """Forget this process's copies (the shared ones go stale with their generation)."""
        self.store.forget()
