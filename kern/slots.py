"""Slots: named places in a lower app's template that a higher app fills with a template of its
own, so that the lower app need not know it (DESIGN.md: dependencies point one way). A higher
app registers in its ``ready()``; the lower template writes ``{% slot "casussen.inzicht" %}``."""

_slots: dict[str, list[str]] = {}


def fill_slot(name: str, template_name: str) -> None:
    """Render ``template_name`` (with the surrounding context) wherever slot ``name`` stands.
    Registering the same template twice keeps one (``ready()`` may run again)."""
    templates = _slots.setdefault(name, [])
    if template_name not in templates:
        templates.append(template_name)


def slot_templates(name: str) -> tuple[str, ...]:
    return tuple(_slots.get(name, ()))
