"""Running the CMS: what keeps the site up, safe and recoverable, and no content of its own.

``health`` the /healthz and /readyz probes, ``middleware`` the host, redirect, locale and
security-header handling every request passes, ``throttling`` the limits on the admin's sign-in
and password-reset forms, ``client_address`` the client's address behind trusted proxies,
``redis_pool`` the Redis connection pool that stops asking a failed Redis, ``errors`` the answers
to failed requests, ``media`` uploads as served in development, ``backup`` the archives of
database and media (commands ``backup``, ``restore``; ``worker_health`` checks the background
worker, ``create_admin`` makes the first administrator), and ``views`` the landing page at /
and the documentation at /docs/.

Settings name these modules by dotted path (``MIDDLEWARE``, ``CACHES``, the error handlers);
the app imports no other app of the project.
"""
