"""A gemeente's data stamp changes with every change of its data, and only of its data."""

import datetime

from django.contrib.auth import get_user_model
from django.test.utils import isolate_apps

from gemeenten.audit import Actie, audit
from gemeenten.models import AuditRegel, Organisatie, Proeftuin
from kern import data_version
from tests.factories import CommitmentFactory, OrganisatieFactory
from tests.scopes import every_gemeente


def stamp(gemeente):
    return data_version.of([gemeente.pk])[gemeente.pk]


def test_a_stamp_is_made_once_and_kept(gemeente_a, gemeente_b):
    stamps = data_version.of([gemeente_a.pk, gemeente_b.pk, gemeente_a.pk])
    assert set(stamps) == {gemeente_a.pk, gemeente_b.pk}
    assert data_version.of([gemeente_a.pk, gemeente_b.pk]) == stamps


def test_saving_deleting_and_linking_a_tenant_row_gives_its_gemeente_a_new_stamp(
    gemeente_a, gemeente_b
):
    other = stamp(gemeente_b)
    with every_gemeente():
        before = stamp(gemeente_a)
        organisatie = OrganisatieFactory(gemeente=gemeente_a)
        created = stamp(gemeente_a)
        assert created != before
        organisatie.naam = "Anders"
        organisatie.save()
        saved = stamp(gemeente_a)
        assert saved != created
        organisatie.delete()
        deleted = stamp(gemeente_a)
        assert deleted != saved
        commitment = CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=Proeftuin.objects.get(gemeente=gemeente_a),
            organisatie=Organisatie.objects.filter(gemeente=gemeente_a).first(),
            toegezegd_op=datetime.date(2026, 1, 1),
            verwacht_op=datetime.date(2026, 2, 1),
        )
        before_link = stamp(gemeente_a)
        commitment.baathebbers.add(
            Organisatie.objects.filter(gemeente=gemeente_a).first(),
            through_defaults={"gemeente": gemeente_a},
        )
        assert stamp(gemeente_a) != before_link
    assert stamp(gemeente_b) == other


def test_rows_outside_the_tenants_leave_the_stamps_alone(gemeente_a):
    before = stamp(gemeente_a)
    get_user_model().objects.create_user(email="los@example.org", password="x")
    assert stamp(gemeente_a) == before


def test_reading_a_row_leaves_the_stamp_alone(gemeente_a):
    """Every read of a casus or an action writes the audit log; that is no change of the data."""
    with every_gemeente():
        organisatie = OrganisatieFactory(gemeente=gemeente_a)
        before = stamp(gemeente_a)
        audit(None, Actie.READ, organisatie)
        assert AuditRegel.objects.filter(object_id=organisatie.pk).exists()
    assert stamp(gemeente_a) == before


def test_a_member_with_a_new_name_renews_the_stamps_of_their_gemeenten(
    member, gemeente_a, gemeente_b
):
    before, other = stamp(gemeente_a), stamp(gemeente_b)
    member.last_login = datetime.datetime(2026, 12, 4, tzinfo=datetime.UTC)
    member.save(update_fields=["last_login"])
    assert stamp(gemeente_a) == before
    member.name = "Anders genoemd"
    member.save()
    assert stamp(gemeente_a) != before
    assert stamp(gemeente_b) == other


def test_the_commit_gives_another_new_stamp(gemeente_a, django_capture_on_commit_callbacks):
    with every_gemeente(), django_capture_on_commit_callbacks(execute=True) as callbacks:
        OrganisatieFactory(gemeente=gemeente_a)
        at_save = stamp(gemeente_a)
    assert callbacks
    assert stamp(gemeente_a) != at_save


def test_update_and_bulk_writes_renew_the_stamps_of_the_gemeenten_they_touched(
    gemeente_a, gemeente_b
):
    other = stamp(gemeente_b)
    with every_gemeente():
        before = stamp(gemeente_a)
        assert Organisatie.objects.filter(gemeente=gemeente_a).update(naam="Bijgewerkt") == 1
        updated = stamp(gemeente_a)
        assert updated != before
        [made] = Organisatie.objects.bulk_create([Organisatie(gemeente=gemeente_a, naam="In bulk")])
        created = stamp(gemeente_a)
        assert created != updated
        made.naam = "In bulk, anders"
        Organisatie.objects.bulk_update([made], ["naam"])
        assert stamp(gemeente_a) != created
        # An update that changes no row renews nothing.
        unchanged = stamp(gemeente_a)
        assert Organisatie.objects.filter(pk=-1).update(naam="Niemand") == 0
        assert stamp(gemeente_a) == unchanged
    assert stamp(gemeente_b) == other


@isolate_apps("kern")
def test_the_system_check_refuses_a_tenant_model_whose_bulk_writes_would_not_renew_stamps():
    from django.db import models

    from kern.checks import tenant_model_errors
    from kern.tenancy import TenantModel

    class Plain(TenantModel):
        objects = models.Manager()

        class Meta:
            app_label = "kern"

    class Scoped(TenantModel):
        class Meta:
            app_label = "kern"

    assert [e.id for e in tenant_model_errors([Plain])] == ["proeftuin.E004"]
    assert tenant_model_errors([Scoped]) == []
