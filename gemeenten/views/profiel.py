"""The gemeenteprofiel: the four figures that show the urgency, each with its source and year,
entered or corrected together in one form."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kern.concurrency import StaleEdit

from .. import services
from ..access import require_perm
from ..forms import ProfielForm
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
    form = None
    if request.method == "POST":
        require_perm(request, "gemeenten.edit_profiel")
        # The form gets rows of its own: checking a form writes the typed values into its
        # instances, and the table and the estimate show what is stored.
        form = ProfielForm(
            request.POST,
            kengetallen={k.soort: k for k in Kengetal.objects.all()},
            gemeente=request.gemeente,
        )
        if form.is_valid():
            try:
                saved = services.profiel_save(form=form, gemeente=request.gemeente, by=request.user)
            except StaleEdit:
                pass  # the form carries the message; the input stays
            else:
                if saved:
                    messages.success(request, _("The figures have been saved."))
                else:
                    messages.info(request, _("No figure was changed."))
                url = reverse("gemeenten:profiel", kwargs={"gemeente_slug": gemeente_slug})
                return redirect(url)
    elif can_edit:
        form = ProfielForm(kengetallen=kengetallen, gemeente=request.gemeente)

    context = {
        "rows": [{"soort": soort, "kengetal": kengetallen.get(soort)} for soort in Kengetal.Soort],
        "form": form,
        "can_edit": can_edit,
        "schatting": palliatief_schatting(kengetallen),
        "palliatief": Kengetal.Soort.PALLIATIEF,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "gemeenten/proeftuin/profiel.html", context, status=status)
