# syntax=docker/dockerfile:1
# The production image: gunicorn serving cms.wsgi with cms.settings.production.
#
#   docker build -t ucan-cms .
#   docker run -e SECRET_KEY=… -e ALLOWED_HOSTS=cms.example.org -e DATABASE_URL=postgres://… \
#       -p 8000:8000 ucan-cms
#
# Two stages: the builder installs the locked dependencies with uv into /app/.venv; the runtime
# stage gets that virtual environment and the code, and nothing of uv or pip's caches.

FROM python:3.11.14-slim-bookworm AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
# Dependencies first, in their own layer: a code change does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-project


# The same base image as the builder: the virtual environment's interpreter links point into it.
FROM python:3.11.14-slim-bookworm AS runtime
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    WEB_CONCURRENCY=3
# The app runs unprivileged; gunicorn keeps its control socket in the user's home.
RUN useradd --create-home --uid 10001 --user-group ucan
WORKDIR /app
# Code and dependencies belong to root, read-only to the app; only media/ is writable.
COPY --from=builder /app/.venv /app/.venv
COPY . /app
# collectstatic imports the production settings, which refuse to load without a key and hosts:
# these two values exist for this one command only and are not part of the image's environment.
RUN SECRET_KEY=build-only-collectstatic ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --no-input --verbosity 0 \
 && python -m compileall -q cms operations pages home partners translations webhooks newsletter demo \
 && mkdir -p /app/media \
 && chown ucan:ucan /app/media
USER ucan
EXPOSE 8000
# /readyz: 200 while the database and the cache answer, 503 (an error for urlopen) otherwise.
# It answers any Host and is never redirected to HTTPS, so the probe needs no headers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]
# Workers come from WEB_CONCURRENCY, which gunicorn reads itself (default above: 3).
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-"]
