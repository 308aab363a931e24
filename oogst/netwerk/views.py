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


def netwerk_overzicht(request, gemeente_slug):
    proeftuin, proeftuinen = chosen_proeftuin(request)
    context = {"proeftuin": proeftuin, "proeftuinen": proeftuinen}
    if proeftuin is not None:
        moment = comparison.open_moment(proeftuin)
        vergelijking = comparison.vergelijking(proeftuin)
        beantwoord = (
            moment is not None
            and Netwerkpeiling.objects.filter(
                proeftuin=proeftuin, moment=moment, respondent=request.lidmaatschap
            ).exists()
        )
        context.update(
            vergelijking=vergelijking,
            banden=comparison.banden_tabel(vergelijking),
            open_moment=PeilMoment(moment) if moment else None,
            beantwoord=beantwoord,
            can_answer=can_answer_peiling(request),
            legenda=drawing.legenda(),
            min_respondenten=comparison.MIN_RESPONDENTEN,
        )
    return render(request, "oogst/netwerk/overzicht.html", context)


def netwerk_invullen(request, gemeente_slug):
    proeftuin, _proeftuinen = chosen_proeftuin(request)
    terug = reverse("oogst:netwerk", kwargs={"gemeente_slug": request.gemeente.slug})
    moment = comparison.open_moment(proeftuin)
    if proeftuin is None or moment is None:
        messages.error(request, _("The network survey is not open at the moment."))
        return redirect(terug)
    if not can_answer_peiling(request):
        messages.error(
            request,
            _(
                "Your membership has no organisation, so there is nothing to answer for. "
                "Ask the facilitator to add your organisation to your membership."
            ),
        )
        return redirect(terug)
    lid = request.lidmaatschap
    organisaties = Organisatie.objects.exclude(pk=lid.organisatie_id).order_by("naam")
    peiling, eerder = services.eigen_peiling(proeftuin, moment, lid)
    initial = {f"org_{pk}": niveau for pk, niveau in eerder.items()}
    form = NetwerkpeilingForm(
        request.POST if request.method == "POST" else None,
        organisaties=organisaties,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        services.peiling_opslaan(
            proeftuin=proeftuin, moment=moment, lidmaatschap=lid, antwoorden=form.antwoorden()
        )
        messages.success(
            request,
            _(
                "Thank you. Your answers have been saved; you can change them while the survey "
                "is open."
            ),
        )
        return redirect(terug)
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
