"""The netwerkpeiling "elkaar kennen": the network before and after (aggregates only, for every
member) and the form a member answers for their organisation while a moment is open."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gemeenten.access import chosen_proeftuin
from gemeenten.models import Organisatie

from . import comparison, drawing, services
from .access import can_answer_peiling
from .forms import NetwerkpeilingForm
from .models import Netwerkpeiling, PeilMoment


def overview(request, gemeente_slug):
    proeftuin, proeftuinen = chosen_proeftuin(request)
    context = {"proeftuin": proeftuin, "proeftuinen": proeftuinen}
    if proeftuin is not None:
        moment = comparison.open_moment(proeftuin)
        compared = comparison.compare(proeftuin)
        answered = (
            moment is not None
            and Netwerkpeiling.objects.filter(
                proeftuin=proeftuin, moment=moment, respondent=request.lidmaatschap
            ).exists()
        )
        context.update(
            vergelijking=compared,
            banden=comparison.ties_table(compared),
            open_moment=PeilMoment(moment) if moment else None,
            beantwoord=answered,
            can_answer=can_answer_peiling(request),
            legenda=drawing.legend(),
            min_respondenten=comparison.MIN_RESPONDENTS,
        )
    return render(request, "oogst/netwerk/overzicht.html", context)


def answer(request, gemeente_slug):
    proeftuin, _proeftuinen = chosen_proeftuin(request)
    back = reverse("oogst:netwerk", kwargs={"gemeente_slug": request.gemeente.slug})
    moment = comparison.open_moment(proeftuin)
    if proeftuin is None or moment is None:
        messages.error(request, _("The network survey is not open at the moment."))
        return redirect(back)
    if not can_answer_peiling(request):
        messages.error(
            request,
            _(
                "Your membership has no organisation, so there is nothing to answer for. "
                "Ask the facilitator to add your organisation to your membership."
            ),
        )
        return redirect(back)
    lid = request.lidmaatschap
    organisaties = Organisatie.objects.exclude(pk=lid.organisatie_id).order_by("naam")
    peiling, earlier = services.own_peiling(proeftuin, moment, lid)
    initial = {f"org_{pk}": level for pk, level in earlier.items()}
    form = NetwerkpeilingForm(
        request.POST if request.method == "POST" else None,
        organisaties=organisaties,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        services.save_peiling(
            proeftuin=proeftuin, moment=moment, lidmaatschap=lid, answers=form.answers()
        )
        messages.success(
            request,
            _(
                "Thank you. Your answers have been saved; you can change them while the survey "
                "is open."
            ),
        )
        return redirect(back)
    context = {
        "form": form,
        "proeftuin": proeftuin,
        "moment": PeilMoment(moment),
        "peiling": peiling,
        "eigen_organisatie": lid.organisatie,
    }
    return render(
        request, "oogst/netwerk/invullen.html", context, status=400 if form.errors else 200
    )
