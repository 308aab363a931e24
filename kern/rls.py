"""Row-level security on PostgreSQL, the connection's side: the session setting that says which
gemeenten (and which user's own rows) the database shows and accepts. The policies that read it
are made by ``kern.policies``. Everything is a no-op on SQLite.
"""

import logging
from contextlib import contextmanager

from django.db import DatabaseError, connection

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
