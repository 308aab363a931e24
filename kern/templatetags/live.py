"""``{% live "name" arg … %}``: a per-person part of a page whose content is cached
(``kern.fragments``). A template builtin, like ``{% csrf_token %}``."""

from django import template
from django.utils.safestring import mark_safe

from .. import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def live(context, name, *args):
    if context.get(fragments.FOR_CACHE):
        return mark_safe(fragments.placeholder(name, args))  # noqa: S308 (ids and codes only)
    return fragments.render_live(context["request"], name, args)
