"""Row-level security on PostgreSQL: the policies and the grants of the application role.

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

from django.conf import settings
from django.db import connections

from .rls import CURRENT_GEMEENTEN, CURRENT_USER_ID, OWN_ROWS_POLICY, TENANT_POLICY
from .tenancy import TenantModel

logger = logging.getLogger(__name__)


def tenant_models():
    """Every concrete model derived from ``TenantModel``."""
    from django.apps import apps

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
    if conn.vendor != "postgresql":
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
