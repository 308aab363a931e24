"""Background work of the gemeenten app: sending invitations."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kern.tasks import GemeenteTask


@shared_task(base=GemeenteTask)
def send_uitnodiging(gemeente_id: int, uitnodiging_id: int) -> None:
    from .models import Uitnodiging

    uitnodiging = (
        Uitnodiging.objects.select_related("gemeente", "invited_by")
        .filter(pk=uitnodiging_id, accepted_at__isnull=True)
        .first()
    )
    if uitnodiging is None:  # withdrawn or accepted in the meantime
        return
    uitnodiging.sent_at = timezone.now()
    context = {
        "uitnodiging": uitnodiging,
        "accept_url": settings.SITE_URL.rstrip("/") + uitnodiging.get_accept_url(),
        "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("gemeenten/email/uitnodiging_subject.txt", context).strip()
        body = render_to_string("gemeenten/email/uitnodiging.txt", context)
    send_mail(subject, body, None, [uitnodiging.email])
    uitnodiging.save(update_fields=["sent_at"])
