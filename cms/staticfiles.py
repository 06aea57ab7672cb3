"""Static files in production: whitenoise's compressed, hashed files, with each file's URL looked up once
per process.

``{% static %}`` asks the storage for a file's URL on every render; the manifest of hashed names is
read when the process starts and does not change while it runs (a new release starts new
processes), so a URL once found is the answer until then. Unknown names still raise, as before.
"""

import functools

from whitenoise.storage import CompressedManifestStaticFilesStorage

# Far more than the files the site's own templates name (the admin's included).
KEPT_URLS = 2048


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_url = functools.lru_cache(maxsize=KEPT_URLS)(super().url)

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        return self.kept_url(name)
