"""Row-level security on PostgreSQL: the session setting, the policies, the application role.

The second wall behind django-scopes. Every table of a ``TenantModel`` gets, after every
``migrate`` (so a new model needs no extra step):

- ``ENABLE`` and ``FORCE ROW LEVEL SECURITY`` (``FORCE`` so the owner is held to it too);
- the policy ``tenant_isolation``: a row is read and written only while its ``gemeente_id`` is in
  the session setting ``proeftuin.gemeenten`` (``USING`` and the same ``WITH CHECK``);
- for a model with ``rls_user_field`` (the memberships), the read-only policy ``own_rows``: the
  rows of the user in ``proeftuin.user_id``, so a user's gemeenten can be found before any scope;
- for a model with ``rls_append_only`` (the audit log), no ``UPDATE``, ``DELETE`` or ``TRUNCATE``
  for the application role: it may add rows and read them, never change or remove them.

The application connects as a role that is not the owner, not a superuser and has no
``BYPASSRLS``; migrations run as the owner, which grants that role plain DML here. The backup
role (``DATABASE_BACKUP_ROLE``, with ``BYPASSRLS``, for ``make backup``) gets ``SELECT`` only.
Everything is a no-op on SQLite.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection, connections

logger = logging.getLogger(__name__)

GEMEENTEN_SETTING = "proeftuin.gemeenten"
USER_SETTING = "proeftuin.user_id"

# An unset or empty setting is NULL here, and `= ANY (NULL)` is never true: nothing is visible.
CURRENT_GEMEENTEN = (
    f"string_to_array(nullif(current_setting('{GEMEENTEN_SETTING}', true), ''), ',')::bigint[]"
)
CURRENT_USER_ID = f"nullif(current_setting('{USER_SETTING}', true), '')::bigint"

TENANT_POLICY = "tenant_isolation"
OWN_ROWS_POLICY = "own_rows"


def _is_postgresql(conn):
    return conn.vendor == "postgresql"


# --- the session setting ----------------------------------------------------------------------


@contextmanager
def database_scope(gemeente_ids=(), *, user_id=None):
    """Set ``proeftuin.gemeenten`` (and ``proeftuin.user_id``) on the connection for the block.

    The previous values come back on exit, so scopes nest. Session-level (not ``SET LOCAL``):
    the setting must hold outside transactions too, which is why it is always restored, and
    why a connection whose restore failed is reset or closed before it serves anyone else.
    """
    if not _is_postgresql(connection):
        yield
        return
    gemeenten = ",".join(str(int(pk)) for pk in gemeente_ids)
    user = "" if user_id is None else str(int(user_id))
    if connection.connection is None and not gemeenten and not user:
        # A new connection starts without the settings: nothing to set, nothing to restore.
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(  # only the constant setting names are formatted in
            f"""
            WITH previous AS MATERIALIZED (
                SELECT current_setting('{GEMEENTEN_SETTING}', true) AS gemeenten,
                       current_setting('{USER_SETTING}', true) AS user_id
            )
            SELECT gemeenten, user_id,
                   set_config('{GEMEENTEN_SETTING}', %s, false),
                   set_config('{USER_SETTING}', %s, false)
            FROM previous
            """,  # noqa: S608
            [gemeenten, user],
        )
        previous_gemeenten, previous_user = cursor.fetchone()[:2]
    try:
        yield
    finally:
        _restore(previous_gemeenten or "", previous_user or "")


def _restore(gemeenten, user):
    if connection.connection is None:
        return  # closed meanwhile; a new connection starts without the settings
    if _in_failed_transaction():
        # The rollback that follows undoes what was set inside the transaction; anything set
        # before it is cleared by the hooks at the end of the request or task.
        connection.rls_settings_unknown = True
        return
    try:
        _set(gemeenten, user)
    except DatabaseError:
        connection.rls_settings_unknown = True
        raise


def _set(gemeenten, user):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT set_config('{GEMEENTEN_SETTING}', %s, false), "
            f"set_config('{USER_SETTING}', %s, false)",
            [gemeenten, user],
        )


def _in_failed_transaction():
    from psycopg.pq import TransactionStatus

    return connection.connection.info.transaction_status == TransactionStatus.INERROR


def current_settings():
    """The connection's (gemeenten, user id) settings as strings; for tests and debugging."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT coalesce(current_setting('{GEMEENTEN_SETTING}', true), ''), "
            f"coalesce(current_setting('{USER_SETTING}', true), '')"
        )
        return cursor.fetchone()


def clear_if_unknown(**kwargs):
    """Between requests and tasks: clear settings whose restore failed, or drop the connection."""
    if not getattr(connection, "rls_settings_unknown", False) or connection.in_atomic_block:
        return
    try:
        if connection.connection is not None:
            _set("", "")
    except DatabaseError:
        connection.close()
    connection.rls_settings_unknown = False


# --- policies and grants ----------------------------------------------------------------------


def tenant_models():
    """Every concrete model derived from ``TenantModel``."""
    from django.apps import apps

    from .tenancy import TenantModel

    return [
        m
        for m in apps.get_models()
        if issubclass(m, TenantModel) and not m._meta.proxy and m._meta.managed
    ]


def _policy_statements(model, qn):
    table = qn(model._meta.db_table)
    column = qn(model._meta.get_field("gemeente").column)
    rule = f"{column} = ANY ({CURRENT_GEMEENTEN})"
    statements = [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS {TENANT_POLICY} ON {table}",
        f"CREATE POLICY {TENANT_POLICY} ON {table} USING ({rule}) WITH CHECK ({rule})",
        f"DROP POLICY IF EXISTS {OWN_ROWS_POLICY} ON {table}",
    ]
    if model.rls_user_field:
        user_column = qn(model._meta.get_field(model.rls_user_field).column)
        statements.append(
            f"CREATE POLICY {OWN_ROWS_POLICY} ON {table} FOR SELECT "
            f"USING ({user_column} = {CURRENT_USER_ID})"
        )
    return statements


def _grant_statements(role, qn, models=()):
    role = qn(role)
    dml = "SELECT, INSERT, UPDATE, DELETE"
    statements = [
        f"GRANT {dml} ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        # The application reads the migration history but never writes it.
        f"REVOKE INSERT, UPDATE, DELETE ON django_migrations FROM {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {dml} ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role}",
    ]
    # Append-only tables (the audit log): what is written stays, whatever the application does.
    statements += [
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {qn(m._meta.db_table)} FROM {role}"
        for m in models
        if m.rls_append_only
    ]
    return statements


def _backup_grant_statements(role, qn):
    """Read-only, everything: pg_dump as this role (which has BYPASSRLS) sees every gemeente."""
    role = qn(role)
    return [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON SEQUENCES TO {role}",
    ]


def _role_exists(cursor, role):
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
    return cursor.fetchone() is not None


def tables_without_rls(using="default"):
    """Tenant tables lacking ENABLE, FORCE or the tenant policy (empty when all is in place)."""
    conn = connections[using]
    tables = [m._meta.db_table for m in tenant_models()]
    with conn.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname FROM pg_class c
            WHERE c.relname = ANY (%s) AND c.relkind = 'r'
              AND c.relnamespace = 'public'::regnamespace
              AND c.relrowsecurity AND c.relforcerowsecurity
              AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = %s)
            """,
            [tables, TENANT_POLICY],
        )
        protected = {row[0] for row in cursor.fetchall()}
    return sorted(set(tables) - protected)


def apply_row_level_security(using="default", app_role=None, verbosity=1, backup_role=None):
    """Policies on every tenant table, grants to the application role and to the backup role
    (read-only; skipped when that role does not exist); idempotent.

    Runs as the owner of the tables. Connected as anyone else (the application role flushing a
    test database emits post_migrate too) it only checks that everything is in place.
    """
    conn = connections[using]
    if not _is_postgresql(conn):
        return
    app_role = app_role or settings.DATABASE_APP_ROLE
    backup_role = backup_role or settings.DATABASE_BACKUP_ROLE
    existing = set(conn.introspection.table_names())
    models = [m for m in tenant_models() if m._meta.db_table in existing]
    qn = conn.ops.quote_name
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE')) FROM pg_class c "
            "WHERE c.relname = ANY (%s) AND c.relnamespace = 'public'::regnamespace",
            [[m._meta.db_table for m in models]],
        )
        (is_owner,) = cursor.fetchone()
        if not is_owner:
            missing = [t for t in tables_without_rls(using) if t in existing]
            if missing:
                raise RuntimeError(
                    f"Row-level security is missing on {missing}: run migrate as the owner."
                )
            return
        for model in models:
            for statement in _policy_statements(model, qn):
                cursor.execute(statement)
        if _role_exists(cursor, backup_role):
            for statement in _backup_grant_statements(backup_role, qn):
                cursor.execute(statement)
        else:
            backup_role = None
        if not _role_exists(cursor, app_role):
            logger.warning("Role %s does not exist: no grants for the application role.", app_role)
            return
        cursor.execute("SELECT current_user")
        if cursor.fetchone()[0] != app_role:
            for statement in _grant_statements(app_role, qn, models):
                cursor.execute(statement)
    if verbosity >= 1:
        print(f"  Row-level security on {len(models)} tenant tables, DML granted to {app_role}")
        if backup_role:
            print(f"  SELECT on every table granted to {backup_role} (backups)")


def on_post_migrate(sender, using="default", verbosity=1, **kwargs):
    apply_row_level_security(using=using, verbosity=verbosity)
