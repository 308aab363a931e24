"""The gemeenteprofiel: the four figures that show the urgency, each with its source and year."""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kern.concurrency import StaleEdit

from .. import services
from ..access import require_perm
from ..forms import KengetalForm
from ..models import Kengetal

# Rules of thumb for the number of people in the last phase of life (an estimate, not a count).
PALLIATIEF_DEEL_INWONERS = 0.01
PALLIATIEF_DEEL_OVERLIJDENS = (0.6, 0.7)


def palliatief_schatting(kengetallen):
    """What the rules of thumb say, from the figures entered so far (None where one lacks)."""
    inwoners = kengetallen.get(Kengetal.Soort.INWONERS)
    overlijdens = kengetallen.get(Kengetal.Soort.OVERLIJDENS)
    low, high = PALLIATIEF_DEEL_OVERLIJDENS
    return {
        "uit_inwoners": round(inwoners.waarde * PALLIATIEF_DEEL_INWONERS) if inwoners else None,
        "uit_overlijdens": (round(overlijdens.waarde * low), round(overlijdens.waarde * high))
        if overlijdens
        else None,
    }


def profiel(request, gemeente_slug):
    can_edit = request.user.has_perm("gemeenten.edit_profiel", request.gemeente)
    kengetallen = {k.soort: k for k in Kengetal.objects.all()}
    posted = None
    if request.method == "POST":
        require_perm(request, "gemeenten.edit_profiel")
        posted = request.POST.get("soort")
        if posted not in Kengetal.Soort.values:
            return HttpResponseBadRequest()

    rows = []
    for soort in Kengetal.Soort:
        instance = kengetallen.get(soort) or Kengetal(gemeente=request.gemeente, soort=soort)
        form = None
        if can_edit:
            data = request.POST if soort == posted else None
            form = KengetalForm(data, instance=instance, prefix=soort.value)
        rows.append({"soort": soort, "kengetal": kengetallen.get(soort), "form": form})

    if posted:
        form = next(row["form"] for row in rows if row["soort"] == posted)
        if form.is_valid():
            try:
                services.kengetal_save(form=form, gemeente=request.gemeente, by=request.user)
            except StaleEdit:
                pass  # the form carries the message; the input stays
            else:
                messages.success(
                    request,
                    _("%(figure)s has been saved.") % {"figure": Kengetal.Soort(posted).label},
                )
                url = reverse("gemeenten:profiel", kwargs={"gemeente_slug": gemeente_slug})
                return redirect(f"{url}#kengetal-{posted}")

    context = {
        "rows": rows,
        "can_edit": can_edit,
        "schatting": palliatief_schatting(kengetallen),
        "palliatief": Kengetal.Soort.PALLIATIEF,
    }
    return render(
        request, "gemeenten/proeftuin/profiel.html", context, status=400 if posted else 200
    )
