"""Fixture data across gemeenten: both walls of tenancy down, for test set-up and checks only.

``scopes_disabled()`` lifts django-scopes, but the tests run as the application role, so on
PostgreSQL row-level security would still hide and refuse every tenant row. ``every_gemeente()``
also opens that wall: before each statement it sets the row-level security setting to every
gemeente that exists at that moment (so a gemeente made by a factory a line earlier counts too).
A ``gemeente_scope`` entered inside it takes over until it ends. The application has no such
switch: this module lives under tests/ only.
"""

from contextlib import contextmanager

from django.db import connection
from django_scopes import scopes_disabled
from psycopg.pq import TransactionStatus

from kern.rls import GEMEENTEN_SETTING

_REFRESH = f"""
    SELECT CASE WHEN coalesce(current_setting('{GEMEENTEN_SETTING}', true), '') = %s
        THEN set_config('{GEMEENTEN_SETTING}', (
            SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM gemeenten_gemeente
        ), false)
    END
"""


@contextmanager
def every_gemeente():
    with scopes_disabled():
        if connection.vendor != "postgresql":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT coalesce(current_setting('{GEMEENTEN_SETTING}', true), '')")
            (before,) = cursor.fetchone()
        state = {"set": before, "busy": False}

        def refresh(execute, sql, params, many, context):
            # Only while the setting is still ours: a gemeente_scope inside has its own. Not in
            # a failed transaction either, where only the rollback to a savepoint may run.
            failed = connection.connection.info.transaction_status == TransactionStatus.INERROR
            if not state["busy"] and not failed:
                state["busy"] = True
                try:
                    with connection.connection.cursor() as raw:
                        raw.execute(_REFRESH, [state["set"]])
                        (value,) = raw.fetchone()
                    if value is not None:
                        state["set"] = value
                finally:
                    state["busy"] = False
            return execute(sql, params, many, context)

        try:
            with connection.execute_wrapper(refresh):
                yield
        finally:
            if connection.connection.info.transaction_status != TransactionStatus.INERROR:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config(%s, %s, false)", [GEMEENTEN_SETTING, before])
