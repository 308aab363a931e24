"""App config of the demo and the benchmark data (the `demo` and `generate` commands)."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo"
