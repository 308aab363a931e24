"""``{% csrf_token %}`` that also gives its form an intent token (``kern.intents``): installed as
a template builtin after Django's own, so every form of the site sends one."""

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import format_html

from ..fragments import CSRF_PLACEHOLDER
from ..intents import FIELD, PLACEHOLDER, new_token

register = template.Library()


class CsrfAndIntentNode(CsrfTokenNode):
    def render(self, context):
        csrf = super().render(context)
        if not csrf:
            return csrf
        # Content rendered to be cached gets a placeholder, filled in per request.
        cached = context.get("csrf_token") == CSRF_PLACEHOLDER
        token = PLACEHOLDER if cached else new_token()
        return csrf + format_html('<input type="hidden" name="{}" value="{}">', FIELD, token)


@register.tag
def csrf_token(parser, token):
    return CsrfAndIntentNode()
