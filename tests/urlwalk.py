"""The URL walker of the isolation harness and the bad-input test: every URL pattern below the
/g/<slug>/ include, every tenant model, and one row of each made with the factories."""

import importlib

import factory
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse


def tenant_models():
    return [
        m
        for m in apps.get_models()
        if any(f.name == "gemeente" and f.is_relation for f in m._meta.fields)
    ]


# Where the factories live: the foundation's in tests/factories.py, each later app's in
# tests/<app>/factories.py (so apps built side by side never edit the same file).
FACTORY_MODULES = [
    "tests.factories",
    "tests.casussen.factories",
    "tests.bijeenkomsten.factories",
    "tests.verbeteracties.factories",
    "tests.oogst.factories",
]


def _factory_modules():
    for name in FACTORY_MODULES:
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


def factory_for(model):
    """The factory of a model. Only factories count: the models imported into the factories
    modules have a ``_meta.model`` of their own, and calling one only builds an unsaved row."""
    for module in _factory_modules():
        for value in vars(module).values():
            is_factory = isinstance(value, type) and issubclass(value, factory.base.Factory)
            if is_factory and getattr(value._meta, "model", None) is model:
                return value
    return None


def gemeente_urls():
    """(url name with namespace, converters) for every pattern below the /g/<slug>/ include."""
    found = []

    def walk(patterns, namespace, converters):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else p.namespace
                walk(p.url_patterns, ns or namespace, {**converters, **p.pattern.converters})
            elif isinstance(p, URLPattern):
                assert p.name, f"URL pattern {p.pattern} has no name"
                found.append((f"{namespace}:{p.name}", {**converters, **p.pattern.converters}))

    for p in get_resolver().url_patterns:
        if isinstance(p, URLResolver) and "gemeente_slug" in p.pattern.converters:
            walk(p.url_patterns, p.namespace, dict(p.pattern.converters))
    return found


def int_params(name, converters):
    """The parameters besides the slug; the harness knows how to fill whole numbers only."""
    params = [k for k in converters if k != "gemeente_slug"]
    for k in params:
        assert type(converters[k]).__name__ == "IntConverter", (
            f"{name}: teach the URL walker to fill the <{k}> parameter"
        )
    return params


def urls_for(slug, ids):
    """(name, url, names_an_object) for every gemeente URL, int parameters filled with ids."""
    for name, converters in gemeente_urls():
        params = int_params(name, converters)
        if not params:
            yield name, reverse(name, kwargs={"gemeente_slug": slug}), False
            continue
        for object_id in ids:
            kwargs = {"gemeente_slug": slug, **dict.fromkeys(params, object_id)}
            yield name, reverse(name, kwargs=kwargs), True


def make_rows(gemeente, id_base, text=None):
    """One row of every tenant model in the gemeente, with ids id_base + n (call it inside
    every_gemeente()); text, if given, goes into every free CharField. Returns the ids."""
    ids = []
    for n, model in enumerate(tenant_models()):
        model_factory = factory_for(model)
        assert model_factory, f"{model._meta.label} needs a factory (FACTORY_MODULES)"
        kwargs = {"gemeente": gemeente, "id": id_base + n}
        if text is not None:
            for field in model._meta.fields:
                if field.get_internal_type() == "CharField" and not field.choices:
                    kwargs.setdefault(field.name, f"{text} {model.__name__}")
        row = model_factory(**kwargs)
        assert model.objects.filter(pk=row.pk).exists(), f"{model._meta.label} was not saved"
        ids.append(id_base + n)
    return ids
