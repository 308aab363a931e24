"""System check: every model with a gemeente key must have a scoped default manager."""

from django.apps import apps
from django.core import checks
from django_scopes import scopes_disabled


def _is_scoped(manager):
    return hasattr(manager, "with_scopes_disabled")


def unscoped_tenant_model_errors(models):
    errors = []
    for model in models:
        field = next((f for f in model._meta.fields if f.name == "gemeente"), None)
        if field is None or not field.is_relation:
            continue
        unscoped = [m.name for m in model._meta.managers if not _is_scoped(m)]
        if unscoped or not _is_scoped(model._default_manager):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has a gemeente key but unscoped managers: {unscoped}.",
                    hint="Derive the model from kern.tenancy.TenantModel.",
                    obj=model,
                    id="proeftuin.E001",
                )
            )
    return errors


@checks.register(checks.Tags.models)
def check_tenant_models_are_scoped(app_configs=None, **kwargs):
    configs = app_configs or apps.get_app_configs()
    return unscoped_tenant_model_errors(m for config in configs for m in config.get_models())


def tenant_model_errors(models):
    """A model with a gemeente key derives from TenantModel (so it gets row-level security),
    and a tenant model's many-to-many runs through a tenant model (a table with gemeente_id)."""
    from .tenancy import TenantModel, TenantQuerySet

    errors = []
    for model in models:
        field = next((f for f in model._meta.fields if f.name == "gemeente"), None)
        if field is not None and field.is_relation and not issubclass(model, TenantModel):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has a gemeente key but does not derive from TenantModel.",
                    hint="Derive it from kern.tenancy.TenantModel: that gives it the scoped "
                    "manager and row-level security.",
                    obj=model,
                    id="proeftuin.E002",
                )
            )
        if not issubclass(model, TenantModel):
            continue
        with scopes_disabled():
            queryset = model._default_manager.get_queryset()
        if not isinstance(queryset, TenantQuerySet):
            errors.append(
                checks.Error(
                    f"{model._meta.label}'s manager does not return a TenantQuerySet: its "
                    "update() and bulk writes would leave the cached pages of its gemeente stale.",
                    hint="Make the manager with kern.tenancy.scoped_manager().",
                    obj=model,
                    id="proeftuin.E004",
                )
            )
        for m2m in model._meta.local_many_to_many:
            through = m2m.remote_field.through
            if not (isinstance(through, type) and issubclass(through, TenantModel)):
                errors.append(
                    checks.Error(
                        f"{model._meta.label}.{m2m.name} has a join table without gemeente_id.",
                        hint="Give it an explicit through model derived from TenantModel.",
                        obj=model,
                        id="proeftuin.E003",
                    )
                )
    return errors


@checks.register(checks.Tags.models)
def check_tenant_models_derive_from_the_base(app_configs=None, **kwargs):
    configs = app_configs or apps.get_app_configs()
    return tenant_model_errors(m for config in configs for m in config.get_models())
