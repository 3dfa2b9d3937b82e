# syntax=docker/dockerfile:1
# Multi-stage build: dependencies are installed with uv from uv.lock in a builder stage, and
# only the virtual environment and the code reach the runtime image.

FROM python:3.11.14-slim-bookworm AS builder
ENV UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-install-project
COPY . .
RUN uv sync --locked --no-dev

FROM python:3.11.14-slim-bookworm AS runtime
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    GUNICORN_WORKERS=3
RUN useradd --system --create-home --uid 1000 ucan
WORKDIR /app
COPY --from=builder --chown=ucan:ucan /app /app
# Static files are collected at build time; the key and host below exist only for this step.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --no-input \
 && mkdir -p /app/media && chown ucan:ucan /app/media
USER ucan
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/', timeout=4)"
CMD ["sh", "-c", "exec gunicorn cms.wsgi:application --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS} --access-logfile -"]
