"""``{% may "app.perm" user as var %}``: the rules of ``kern.permissions`` alone. Django's
``user.has_perm`` asks its ModelBackend after a refusal, which reads the user's permission
tables: two queries on every page for a menu item most people may not see."""

import rules
from django import template

register = template.Library()


@register.simple_tag
def may(perm, user, obj=None):
    return rules.has_perm(perm, user, obj)
