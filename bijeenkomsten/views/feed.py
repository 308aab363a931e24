"""Outside /g/: one's calendar feed address (regenerate, revoke), reminder preferences, and the
feed itself, which a calendar app fetches without logging in: the secret token is the key."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kern.tenancy import gemeente_scope, memberships_of

from .. import ics
from ..models import AgendaToken, Antwoord, Bijeenkomst, Deelname, Herinneringsvoorkeur


class VoorkeurForm(forms.ModelForm):
    """Which reminders to get; each label finishes the sentence of the page's legend ("Send me
    an e-mail …")."""

    class Meta:
        model = Herinneringsvoorkeur
        fields = ["casus_deadline", "dag_ervoor", "actiepunten"]
        labels = {
            "casus_deadline": gettext_lazy(
                "when the deadline for casussen is near and I have not added one"
            ),
            "dag_ervoor": gettext_lazy("the day before a meeting"),
            "actiepunten": gettext_lazy("when one of my action items is past its deadline"),
        }


@login_required
def agenda(request):
    token = AgendaToken.objects.filter(user=request.user).first()
    voorkeur = Herinneringsvoorkeur.of(request.user)
    form = VoorkeurForm(request.POST if request.method == "POST" else None, instance=voorkeur)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your choices for reminders have been saved."))
        return redirect("agenda")
    feed_url = (
        request.build_absolute_uri(reverse("agenda_feed", kwargs={"token": token.token}))
        if token
        else ""
    )
    return render(
        request, "bijeenkomsten/agenda.html", {"token": token, "feed_url": feed_url, "form": form}
    )


@login_required
@require_POST
def agenda_token_new(request):
    AgendaToken.objects.filter(user=request.user).delete()
    AgendaToken.objects.create(user=request.user)
    messages.success(
        request,
        _("You have a new calendar link. The old one no longer works: replace it in your app."),
    )
    return redirect("agenda")


@login_required
@require_POST
def agenda_token_revoke(request):
    AgendaToken.objects.filter(user=request.user).delete()
    messages.success(request, _("Your calendar link has been withdrawn and no longer works."))
    return redirect("agenda")


def feed_bijeenkomsten(user):
    """The user's meetings in every gemeente they belong to: invited or answered, not a no.
    Read in the scope of exactly the user's gemeenten."""
    lidmaatschappen = list(memberships_of(user).values())
    with gemeente_scope([m.gemeente_id for m in lidmaatschappen]):
        deelnames = Deelname.objects.filter(lidmaatschap__in=lidmaatschappen).exclude(
            antwoord=Antwoord.NEE
        )
        return list(
            Bijeenkomst.objects.filter(pk__in=deelnames.values("bijeenkomst_id"))
            .select_related("gemeente")
            .order_by("begin")
        )


def agenda_feed(request, token):
    found = AgendaToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise Http404
    body = ics.feed(feed_bijeenkomsten(found.user), name=_("Proeftuin meetings"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
