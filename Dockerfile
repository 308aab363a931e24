# syntax=docker/dockerfile:1
# Proeftuin production image: gunicorn serves the app (CMD); the same image runs the Celery
# worker and beat and the migrations (see docker-compose.yml).

ARG PYTHON_IMAGE=python:3.11-slim

# --- build: the locked dependencies (no dev group) into /app/.venv --------------------------
FROM ${PYTHON_IMAGE} AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv

RUN pip install uv==0.13.8

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project --python /usr/local/bin/python3

# --- runtime --------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE}

ENV PYTHONUNBUFFERED=1 \
    PATH=/app/.venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=proeftuin.settings \
    MEDIA_ROOT=/app/var/media

RUN groupadd --system --gid 10001 proeftuin \
    && useradd --system --uid 10001 --gid proeftuin --create-home --home-dir /home/proeftuin \
       --shell /usr/sbin/nologin proeftuin

WORKDIR /app
COPY --from=build /app/.venv /app/.venv
COPY . .

# Static files are collected (hashed and compressed for WhiteNoise) and the anonymisation gate's
# lookup cache is built (var/deduce) at build time; the key is
# only good for this step and never reaches a running container. var/media and var/beat are
# created owned by the app user so that fresh named volumes mounted there inherit the owner.
RUN SECRET_KEY=build-only-collectstatic-key DEBUG=0 python manage.py collectstatic --no-input \
    && SECRET_KEY=build-only-collectstatic-key DEBUG=0 python manage.py anonimisering_cache \
    && python -m compileall -q -x '/\.venv/' /app \
    && mkdir -p var/media var/beat \
    && chown -R proeftuin:proeftuin var

USER proeftuin
EXPOSE 8000

CMD ["gunicorn", "--config", "gunicorn.conf.py", "proeftuin.wsgi"]
