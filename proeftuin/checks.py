"""System check: every model with a gemeente key must have a scoped default manager."""

from django.apps import apps
from django.core import checks


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
                    hint="Derive the model from proeftuin.tenancy.TenantModel.",
                    obj=model,
                    id="proeftuin.E001",
                )
            )
    return errors


@checks.register(checks.Tags.models)
def check_tenant_models_are_scoped(app_configs=None, **kwargs):
    configs = app_configs or apps.get_app_configs()
    return unscoped_tenant_model_errors(m for config in configs for m in config.get_models())
