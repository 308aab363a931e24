"""Nothing lost, nothing unseen: the history of a casus (with restore) and who read it."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.audit import Actie, audit
from gemeenten.models import AuditRegel, Wijziging

from .. import services
from ..access import can_edit, get_casus_for_user, is_moderator
from ..models import Casus, Inzicht


def _casus_for_history(request, pk):
    casus = get_casus_for_user(request, pk, action="read", deleted=True)
    if not (is_moderator(request) or casus.auteur_id == request.user.pk):
        raise PermissionDenied
    return casus


def _history(casus, inzicht_ids):
    casus_type = ContentType.objects.get_for_model(Casus)
    inzicht_type = ContentType.objects.get_for_model(Inzicht)
    return (
        Wijziging.objects.filter(content_type=casus_type, object_id=casus.pk)
        | Wijziging.objects.filter(content_type=inzicht_type, object_id__in=inzicht_ids)
    ).select_related("by", "content_type")


def casus_historie(request, gemeente_slug, pk):
    casus = _casus_for_history(request, pk)
    audit(request, Actie.READ, casus)
    inzichten = dict(Inzicht.objects.filter(casus=casus).values_list("pk", "deleted_at"))
    moderator = is_moderator(request)
    context = {
        "casus": casus,
        "wijzigingen": _history(casus, list(inzichten)),
        "casus_type_id": ContentType.objects.get_for_model(Casus).pk,
        "can_edit_casus": can_edit(request, casus),
        "can_restore": can_edit(request, casus) or moderator,
        # The facilitator restores an inzicht that is not in the bin (undelete it first).
        "herstelbare_inzichten": (
            {i for i, weg in inzichten.items() if weg is None}
            if moderator and not casus.is_verwijderd
            else set()
        ),
        "gemarkeerd": casus.gemarkeerde_vondsten.select_related("by"),
    }
    return render(request, "casussen/historie.html", context)


@require_POST
def casus_herstel(request, gemeente_slug, pk, wijziging_pk):
    """Undo one change: its fields get their earlier values back (itself a new change)."""
    casus = get_casus_for_user(request, pk, action="edit")
    wijziging = get_object_or_404(
        Wijziging.objects.of(casus).exclude(actie=Wijziging.Actie.VERWIJDERD), pk=wijziging_pk
    )
    try:
        services.casus_restore(casus=casus, wijziging=wijziging, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The earlier values are back."))
    return redirect("casussen:historie", gemeente_slug=gemeente_slug, pk=casus.pk)


def casus_gelezen(request, gemeente_slug, pk):
    """Who read this casus, when: for the facilitator (from the audit log)."""
    casus = get_casus_for_user(request, pk, action="moderate", deleted=True)
    regels = AuditRegel.objects.filter(
        content_type=ContentType.objects.get_for_model(Casus), object_id=casus.pk
    ).select_related("user")
    return render(request, "casussen/gelezen.html", {"casus": casus, "regels": regels})
