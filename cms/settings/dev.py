"""Local development: debug on, a throw-away secret, the site on 127.0.0.1."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# The demo logins work without an authenticator app; set STAFF_TWO_FACTOR=true to try it.
STAFF_TWO_FACTOR = env.bool("STAFF_TWO_FACTOR", default=False)
