"""Writing the audit log. Changes of the rows that matter (models with ``audited = True``) are
logged by the write path itself (``kern.writes`` calls ``audit_write``); views log what only
they see with ``audit(request, action, obj)``: a read, a download, an export. See
``models/audit.py``."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from kern import current_request
from kern.models import User

from .models import AuditRegel, Gemeente

Actie = AuditRegel.Actie


def _session_hash(request: HttpRequest | None) -> str:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if not key:
        return ""
    return salted_hmac("proeftuin.audit.session", key).hexdigest()[:32]


def audit(
    request_or_user: HttpRequest | User | None,
    action: str,
    obj: models.Model | type[models.Model],
    *,
    gemeente=None,
) -> AuditRegel:
    """Record that the user of the request did ``action`` to ``obj``.

    ``obj`` is a row (its gemeente is taken from it) or, for an export of many rows, the model
    class (the gemeente is then the request's, or ``gemeente``). Only the kind and the id of
    the object are kept, never its text. Record a delete before deleting, in the same
    transaction.
    """
    if isinstance(request_or_user, HttpRequest):
        request, user = request_or_user, request_or_user.user
        gemeente = gemeente or getattr(request, "gemeente", None)
    else:
        request, user = None, request_or_user
    if isinstance(obj, Gemeente):  # the tenant itself: the programme team made or changed it
        object_id = gemeente_id = obj.pk
        content_type = ContentType.objects.get_for_model(obj)
    elif isinstance(obj, models.Model):
        object_id = obj.pk
        gemeente_id = obj.gemeente_id
        content_type = ContentType.objects.get_for_model(obj)
    else:
        object_id = None
        gemeente_id = gemeente.pk
        content_type = ContentType.objects.get_for_model(obj)
    return AuditRegel.objects.create(
        gemeente_id=gemeente_id,
        user=user if user is not None and user.is_authenticated else None,
        actie=Actie(action),
        content_type=content_type,
        object_id=object_id,
        session_hash=_session_hash(request),
    )


def audit_write(by: User | None, action: str, obj: models.Model) -> AuditRegel:
    """The write path's audit row (``kern.writes.register_audit``): with the session of the
    request being served when it is the writer's own."""
    request = current_request.get()
    same = request is not None and getattr(request.user, "pk", None) == getattr(by, "pk", None)
    return audit(request if same else by, action, obj)
