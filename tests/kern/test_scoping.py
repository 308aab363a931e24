"""Tenant queries need a scope, and a model with a gemeente key cannot forget its scoped manager."""

import pytest
from django.db import models
from django.test.utils import isolate_apps
from django_scopes import ScopeError

from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin
from kern.checks import (
    check_tenant_models_are_scoped,
    check_tenant_models_derive_from_the_base,
    tenant_model_errors,
    unscoped_tenant_model_errors,
)
from kern.tenancy import TenantModel, gemeente_scope, scoped_manager


@pytest.mark.parametrize("model", [Organisatie, Proeftuin, Lidmaatschap])
def test_a_tenant_query_outside_a_scope_raises(model, gemeente_a):
    with pytest.raises(ScopeError):
        list(model.objects.all())


def test_a_scope_shows_only_its_own_gemeente(gemeente_a, gemeente_b):
    with gemeente_scope(gemeente_a):
        assert [p.naam for p in Proeftuin.objects.all()] == ["Proeftuin A"]
    with gemeente_scope([gemeente_a.pk, gemeente_b.pk]):
        assert Proeftuin.objects.count() == 2


def test_the_app_models_pass_the_scoping_check():
    assert check_tenant_models_are_scoped() == []


@isolate_apps("gemeenten")
def test_the_check_flags_a_model_with_a_plain_manager():
    class Vergeten(models.Model):  # noqa: DJ008
        gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.CASCADE)

        class Meta:
            app_label = "gemeenten"

    errors = unscoped_tenant_model_errors([Vergeten, Proeftuin])
    assert [e.id for e in errors] == ["proeftuin.E001"]
    assert "Vergeten" in errors[0].msg


def test_the_app_models_derive_from_the_tenant_base():
    assert check_tenant_models_derive_from_the_base() == []


@isolate_apps("gemeenten")
def test_the_check_flags_a_gemeente_key_outside_the_base_and_a_join_table_without_one():
    class Los(models.Model):  # noqa: DJ008
        gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.CASCADE)
        objects = scoped_manager()

        class Meta:
            app_label = "gemeenten"

    class MetKoppeltabel(TenantModel):  # noqa: DJ008
        partners = models.ManyToManyField("gemeenten.Organisatie")

        class Meta:
            app_label = "gemeenten"

    errors = tenant_model_errors([Los, MetKoppeltabel, Proeftuin])
    assert [(e.id, e.obj) for e in errors] == [
        ("proeftuin.E002", Los),
        ("proeftuin.E003", MetKoppeltabel),
    ]
