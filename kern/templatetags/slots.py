"""``{% slot "name" %}``: the templates that higher apps put in this place (``kern.slots``)."""

from django import template
from django.utils.safestring import mark_safe

from ..slots import slot_templates

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name):
    rendered = [
        context.template.engine.get_template(each).render(context) for each in slot_templates(name)
    ]
    return mark_safe("".join(rendered))  # noqa: S308 - rendered templates, escaped as usual
