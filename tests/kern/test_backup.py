"""Backups: `make backup` dumps every gemeente as the backup role (BYPASSRLS, read-only) and
`make restore` brings it back as the owner into another database, row for row, with its
row-level security and grants.

PostgreSQL only. Needs DATABASE_OWNER_URL, the backup role (DATABASE_BACKUP_ROLE, with
BACKUP_URL for its password if it has one) and pg_dump; without them it skips locally and fails
in CI.
"""

import os
import shutil
import subprocess
import uuid

import environ
import psycopg
import pytest
from django.conf import settings
from django.db import connection
from psycopg.conninfo import make_conninfo

from kern.policies import tenant_models
from tests.scopes import every_gemeente
from tests.urlwalk import factory_for

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are PostgreSQL's"),
    pytest.mark.django_db(transaction=True),  # pg_dump sees committed rows only
]


def conninfo(url, dbname):
    """The credentials of a database URL, pointed at another database."""
    config = environ.Env.db_url_config(url)
    parts = {
        "host": config.get("HOST") or None,
        "port": str(config.get("PORT") or "") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
    }
    return make_conninfo(dbname=dbname, **{k: v for k, v in parts.items() if v})


def missing_prerequisite():
    if not settings.DATABASE_OWNER_URL:
        return "DATABASE_OWNER_URL is not set"
    if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("make")):
        return "pg_dump, pg_restore or make is missing"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolbypassrls AND NOT rolsuper FROM pg_roles WHERE rolname = %s",
            [settings.DATABASE_BACKUP_ROLE],
        )
        row = cursor.fetchone()
    if row is None:
        return f"the backup role {settings.DATABASE_BACKUP_ROLE} does not exist"
    assert row[0], "the backup role must have BYPASSRLS and must not be a superuser"
    return None


@pytest.fixture
def prerequisites():
    reason = missing_prerequisite()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture
def rows(gemeente_a, gemeente_b, facilitator, outsider):
    """A row of every tenant model in A and in B, committed."""
    with every_gemeente():
        for model in tenant_models():
            factory = factory_for(model)
            for gemeente in (gemeente_a, gemeente_b):
                if not model.objects.filter(gemeente=gemeente).exists():
                    factory(gemeente=gemeente)


def counts(dsn):
    """Rows per table in the public schema, read past row-level security."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # noqa: S608
            for t in tables
        }


def make(target, **env):
    return subprocess.run(  # noqa: S603
        ["make", "--no-print-directory", target],  # noqa: S607
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_backup_restores_into_a_new_database_row_for_row(prerequisites, rows, tmp_path):
    source = connection.settings_dict["NAME"]
    scratch = f"proeftuin_restore_{uuid.uuid4().hex[:12]}"
    backup_url = os.environ.get("BACKUP_URL") or (
        f"postgres://{settings.DATABASE_BACKUP_ROLE}@{connection.settings_dict['HOST']}:"
        f"{connection.settings_dict['PORT'] or 5432}/{source}"
    )
    backup = conninfo(backup_url, source)
    owner_admin = conninfo(settings.DATABASE_OWNER_URL, "postgres")

    dumped = make("backup", BACKUP_URL=backup, BACKUP_DIR=str(tmp_path))
    assert dumped.returncode == 0, dumped.stderr
    (dump,) = tmp_path.glob("*.dump")
    assert oct(dump.stat().st_mode & 0o777) == "0o600"  # every gemeente's data: owner only

    with psycopg.connect(owner_admin, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{scratch}"')
    try:
        restored = make(
            "restore", RESTORE_URL=conninfo(settings.DATABASE_OWNER_URL, scratch), DUMP=str(dump)
        )
        assert restored.returncode == 0, restored.stderr

        before, after = counts(backup), counts(conninfo(backup_url, scratch))
        assert after == before
        for model in tenant_models():
            assert before[model._meta.db_table] >= 2, model._meta.db_table  # A's and B's

        # The walls come back with the rows: forced row-level security, the append-only log.
        with psycopg.connect(conninfo(backup_url, scratch), autocommit=True) as conn:
            unprotected = conn.execute(
                "SELECT relname FROM pg_class WHERE relname = ANY (%s) "
                "AND NOT (relrowsecurity AND relforcerowsecurity)",
                [[m._meta.db_table for m in tenant_models()]],
            ).fetchall()
            assert unprotected == []
            app_role = connection.settings_dict["USER"]
            (may_update,) = conn.execute(
                "SELECT has_table_privilege(%s, 'gemeenten_auditregel', 'UPDATE')", [app_role]
            ).fetchone()
            assert may_update is False
    finally:
        with psycopg.connect(owner_admin, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


def test_make_backup_refuses_without_a_url(tmp_path):
    result = make("backup", BACKUP_URL="", BACKUP_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "BACKUP_URL" in result.stderr
    assert not list(tmp_path.iterdir())
