"""Row-level security, the second wall: on PostgreSQL, as the application role, the database
itself shows and accepts only the rows of the gemeenten set for the request or task.

Skipped on SQLite. On PostgreSQL they need the application role (DATABASE_OWNER_URL set, see
tests/conftest.py); connected as a role that bypasses row-level security they skip locally and
fail in CI.
"""

import json
import os

import pytest
from celery import shared_task
from django.apps import apps
from django.db import DataError, ProgrammingError, close_old_connections, connection, transaction
from django.test import Client

from gemeenten.models import Organisatie
from kern.policies import tenant_models as rls_tenant_models
from kern.rls import OWN_ROWS_POLICY, TENANT_POLICY, current_settings, database_scope
from kern.tasks import GemeenteTask
from kern.tenancy import gemeente_scope
from tests import factories
from tests.kern.rls_urls import gemeenten_seen
from tests.scopes import every_gemeente
from tests.urlwalk import factory_for

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row-level security is PostgreSQL's"
)


def tenant_models():
    """Every model with a gemeente key, found by looking, not by the base class."""
    return [
        m
        for m in apps.get_models()
        if any(f.name == "gemeente" and f.is_relation for f in m._meta.fields)
    ]


def tenant_tables():
    return sorted(m._meta.db_table for m in tenant_models())


def query(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _as_the_application_role(db):
    """The tests mean nothing for a role that bypasses row-level security."""
    ((superuser, bypassrls),) = query(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
    )
    owns = query(
        "SELECT 1 FROM pg_class WHERE relname = ANY (%s) "
        "AND pg_has_role(current_user, relowner, 'USAGE')",
        [tenant_tables()],
    )
    if superuser or bypassrls or owns:
        message = (
            "connected as a role that bypasses row-level security: set DATABASE_URL to the "
            "application role and DATABASE_OWNER_URL to the owner"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def rows(gemeente_a, gemeente_b):
    """A row of every tenant model in A and in B."""
    with every_gemeente():
        for model in tenant_models():
            factory = factory_for(model)
            assert factory, f"{model._meta.label} needs a factory (urlwalk.FACTORY_MODULES)"
            for gemeente in (gemeente_a, gemeente_b):
                if not model.objects.filter(gemeente=gemeente).exists():
                    factory(gemeente=gemeente)


def test_the_application_role_is_not_owner_superuser_or_bypassrls():
    ((superuser, bypassrls, createrole),) = query(
        "SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = current_user"
    )
    assert (superuser, bypassrls, createrole) == (False, False, False)
    owners = query(
        "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relname = ANY (%s)",
        [tenant_tables()],
    )
    assert len(owners) == 1
    ((owner,),) = owners
    assert owner != query("SELECT current_user")[0][0]
    ((member_of_owner,),) = query("SELECT pg_has_role(current_user, %s, 'MEMBER')", [owner])
    assert not member_of_owner


def test_every_tenant_table_has_forced_row_level_security_and_a_policy():
    tables = tenant_tables()
    assert "gemeenten_lidmaatschap" in tables and len(tables) >= 11
    # The same tables seen from the database: every table with a gemeente_id column.
    in_database = sorted(
        row[0]
        for row in query(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND column_name = 'gemeente_id'"
        )
    )
    assert in_database == tables
    assert sorted(m._meta.db_table for m in rls_tenant_models()) == tables
    for table in tables:
        ((enabled, forced),) = query(
            "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = %s::regclass",
            [table],
        )
        assert (enabled, forced) == (True, True), table
        policies = {
            name: (command, using, check)
            for name, command, using, check in query(
                "SELECT polname, polcmd, pg_get_expr(polqual, polrelid), "
                "pg_get_expr(polwithcheck, polrelid) FROM pg_policy WHERE polrelid = %s::regclass",
                [table],
            )
        }
        command, using, check = policies.pop(TENANT_POLICY)
        assert command == "*", table  # reads and writes
        assert "gemeente_id" in using and "proeftuin.gemeenten" in using, table
        assert check == using, table
        if table == "gemeenten_lidmaatschap":
            command, using, check = policies.pop(OWN_ROWS_POLICY)
            assert (command, check) == ("r", None)  # reads only
            assert "user_id" in using and "proeftuin.user_id" in using
        assert not policies, f"{table}: unexpected policies {policies}"


def test_a_raw_count_with_no_gemeente_set_sees_no_tenant_rows(rows):
    assert current_settings() == ("", "")
    for table in tenant_tables():
        assert query(f'SELECT count(*) FROM "{table}"') == [(0,)], table  # noqa: S608


def test_a_raw_count_with_a_set_sees_only_as_rows(rows, gemeente_a):
    with every_gemeente():
        in_a = {
            t: query(f'SELECT count(*) FROM "{t}" WHERE gemeente_id = %s', [gemeente_a.pk])[0][0]  # noqa: S608
            for t in tenant_tables()
        }
    with database_scope([gemeente_a.pk]):
        for table in tenant_tables():
            assert in_a[table] > 0, table
            assert query(f'SELECT count(*) FROM "{table}"') == [(in_a[table],)], table  # noqa: S608
            assert query(
                f'SELECT count(*) FROM "{table}" WHERE gemeente_id <> %s',  # noqa: S608
                [gemeente_a.pk],
            ) == [(0,)]


@pytest.mark.parametrize("model", tenant_models(), ids=lambda m: m.__name__)
def test_an_insert_with_bs_id_while_a_is_set_fails(model, rows, gemeente_a, gemeente_b):
    factory = factory_for(model)
    with (
        gemeente_scope(gemeente_a),
        pytest.raises(ProgrammingError, match="row-level security"),
        transaction.atomic(),
    ):
        factory(gemeente=gemeente_b)


def test_a_row_of_a_cannot_be_moved_to_b_nor_bs_rows_changed(rows, gemeente_a, gemeente_b):
    with gemeente_scope(gemeente_a):
        with pytest.raises(ProgrammingError, match="row-level security"), transaction.atomic():
            Organisatie.objects.update(gemeente=gemeente_b)
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE gemeenten_organisatie SET naam = 'weg' WHERE gemeente_id = %s",
                [gemeente_b.pk],
            )
            assert cursor.rowcount == 0
            cursor.execute(
                "DELETE FROM gemeenten_proeftuin WHERE gemeente_id = %s", [gemeente_b.pk]
            )
            assert cursor.rowcount == 0


def test_a_user_reads_their_own_memberships_in_every_gemeente_and_nothing_more(
    rows, facilitator, outsider, gemeente_b
):
    with every_gemeente():
        factories.LidmaatschapFactory(gemeente=gemeente_b, user=facilitator)
    with database_scope(user_id=facilitator.pk):
        assert sorted(query("SELECT gemeente_id, user_id FROM gemeenten_lidmaatschap")) == sorted(
            query_memberships_of(facilitator)
        )
        assert query("SELECT count(*) FROM gemeenten_organisatie") == [(0,)]


def query_memberships_of(user):
    with every_gemeente():
        return query(
            "SELECT gemeente_id, user_id FROM gemeenten_lidmaatschap WHERE user_id = %s", [user.pk]
        )


def test_scopes_nest_and_restore_the_setting(gemeente_a, gemeente_b):
    with gemeente_scope(gemeente_a):
        assert current_settings() == (str(gemeente_a.pk), "")
        with gemeente_scope([gemeente_a, gemeente_b]):
            assert current_settings() == (f"{gemeente_a.pk},{gemeente_b.pk}", "")
        assert current_settings() == (str(gemeente_a.pk), "")
    assert current_settings() == ("", "")


def test_a_database_error_inside_a_scope_is_not_hidden_and_the_setting_comes_back(
    gemeente_a, gemeente_b
):
    with gemeente_scope(gemeente_a):
        with (
            pytest.raises(DataError, match="division by zero"),
            transaction.atomic(),
            gemeente_scope(gemeente_b),  # its restore meets an aborted transaction
        ):
            query("SELECT 1 / 0")
        assert current_settings() == (str(gemeente_a.pk), "")
    assert current_settings() == ("", "")


@pytest.mark.urls("tests.kern.rls_urls")
def test_request_a_then_request_b_on_one_persistent_connection_leaves_nothing_of_a(
    transactional_db, rows, facilitator, gemeente_a, gemeente_b, monkeypatch
):
    with every_gemeente():
        factories.LidmaatschapFactory(gemeente=gemeente_b, user=facilitator)
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 600)
    connection.close()  # reopened with the long lifetime, as a web worker's connection is
    client = Client(raise_request_exception=False)
    client.force_login(facilitator)
    (pid,) = query("SELECT pg_backend_pid()")[0]

    def visit(gemeente, **params):
        response = client.get(f"/g/{gemeente.slug}/rls-probe/", params)
        close_old_connections()  # what the server does when the request has finished
        assert query("SELECT pg_backend_pid()") == [(pid,)]  # still the same connection
        assert current_settings() == ("", "")
        return response

    a = json.loads(visit(gemeente_a).content)
    assert a["setting"] == str(gemeente_a.pk)
    assert all(seen == [gemeente_a.pk] for seen in a["seen"].values()), a
    assert visit(gemeente_a, fail=1).status_code == 500  # an exception clears it too

    b = json.loads(visit(gemeente_b).content)
    assert b["setting"] == str(gemeente_b.pk)
    assert all(seen == [gemeente_b.pk] for seen in b["seen"].values()), b

    client.logout()
    assert visit(gemeente_b).status_code == 302  # anonymous: to the login page
    assert all(seen == [] for seen in gemeenten_seen().values())


@shared_task(base=GemeenteTask)
def gemeenten_seen_by_task(gemeente_id):
    return gemeenten_seen()


def test_a_celery_task_for_a_cannot_read_b(rows, gemeente_a):
    seen = gemeenten_seen_by_task.delay(gemeente_a.pk).get()
    assert seen and all(ids == [gemeente_a.pk] for ids in seen.values()), seen
    assert current_settings() == ("", "")


def test_the_audit_log_is_append_only_for_the_application_role(gemeente_a, facilitator):
    from gemeenten.models import AuditRegel

    with gemeente_scope(gemeente_a):
        entry = factories.AuditRegelFactory(gemeente=gemeente_a, user=facilitator)  # INSERT works
        assert AuditRegel.objects.filter(pk=entry.pk).exists()  # and SELECT
        for sql in (
            "UPDATE gemeenten_auditregel SET actie = 'read' WHERE id = %s",
            "DELETE FROM gemeenten_auditregel WHERE id = %s",
        ):
            with pytest.raises(ProgrammingError, match="permission denied"), transaction.atomic():
                query(sql, [entry.pk])
        with pytest.raises(ProgrammingError, match="permission denied"), transaction.atomic():
            AuditRegel.objects.filter(pk=entry.pk).update(user=None)
        with pytest.raises(ProgrammingError, match="permission denied"), transaction.atomic():
            AuditRegel.objects.filter(pk=entry.pk).delete()
    ((update, delete, insert, select),) = query(
        "SELECT has_table_privilege('gemeenten_auditregel', 'UPDATE'), "
        "has_table_privilege('gemeenten_auditregel', 'DELETE'), "
        "has_table_privilege('gemeenten_auditregel', 'INSERT'), "
        "has_table_privilege('gemeenten_auditregel', 'SELECT')"
    )
    assert (update, delete, insert, select) == (False, False, True, True)
