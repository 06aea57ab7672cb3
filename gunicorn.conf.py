"""gunicorn's settings for production: ``gunicorn cms.wsgi -c gunicorn.conf.py``.

Every value can be changed through the environment, so the same file serves a
small machine, a container and a platform that hands out a ``PORT``. See
docs/deployment.md.
"""

import os

env = os.environ.get

# Address to listen on; platforms that assign a port set PORT instead.
bind = env("GUNICORN_BIND", f"0.0.0.0:{env('PORT', '8000')}")
# Worker processes: two per core plus one, so a core has work while a worker waits on the database.
workers = int(env("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
# Threads per worker; above 1 gunicorn switches to its threaded worker (gthread).
threads = int(env("GUNICORN_THREADS", "1"))
# Workers' heartbeat files in memory: a container's disk can stall a worker into a timeout.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Seconds a request may take before its worker is killed and replaced.
timeout = int(env("GUNICORN_TIMEOUT", "30"))
# Seconds a worker has to finish its requests after a restart or shutdown signal.
graceful_timeout = int(env("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Seconds an idle keep-alive connection stays open (threaded worker only).
keepalive = int(env("GUNICORN_KEEPALIVE", "5"))
# Requests after which a worker is replaced, so a slow leak never grows.
max_requests = 1000
# Up to this many extra requests, so workers are not all replaced at once.
max_requests_jitter = 100
# Access log to stdout, where the platform collects it.
accesslog = "-"
# Error log to stderr.
errorlog = "-"
# Addresses whose X-Forwarded-Proto gunicorn believes: the load balancer's, or "*" on a private network.
forwarded_allow_ips = env("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Each worker loads the application itself: a code reload restarts cleanly, memory is not shared.
preload_app = False
