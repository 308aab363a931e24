"""The oogst page of a proeftuin (its phase-4 home) and the facilitator's foreword and outlook."""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gemeenten.models import Fase, Proeftuin
from kern import fragments, writes
from kern.concurrency import STALE_MESSAGE, StaleEdit
from oogst.access import require

from .. import services
from ..access import (
    can_edit_texts,
    get_proeftuin,
    require_proeftuin,
)
from ..forms import OogstForm
from ..models import Oogst
from . import rows

# The pages of the other oogst parts, linked from the "More" list while they exist.
MORE_LINKS = [
    ("oogst:netwerk", gettext_lazy("Network survey"), True),
    ("oogst:logboek", gettext_lazy("Logboek Oogst"), True),
    ("oogst:export", gettext_lazy("Export (ZIP)"), True),
    ("kennisbank:lijst", gettext_lazy("Kennisbank"), False),
]


def link(name, gemeente_slug=None, query=""):
    """The URL of ``name`` (in the gemeente when ``gemeente_slug``), or "" while it does not
    exist (yet): the oogst parts are built side by side."""
    try:
        kwargs = {"gemeente_slug": gemeente_slug} if gemeente_slug else {}
        return reverse(name, kwargs=kwargs) + query
    except NoReverseMatch:
        return ""


def proeftuin_query(proeftuin):
    return f"?proeftuin={proeftuin.pk}"


def overview_url(request, proeftuin, anchor=""):
    url = reverse("oogst:overzicht", kwargs={"gemeente_slug": request.gemeente.slug})
    return url + proeftuin_query(proeftuin) + (f"#{anchor}" if anchor else "")


def _more_links(request, proeftuin):
    query = proeftuin_query(proeftuin)
    links = []
    for name, label, in_gemeente in MORE_LINKS:
        url = link(
            name, request.gemeente.slug if in_gemeente else None, query if in_gemeente else ""
        )
        if url:
            links.append({"label": label, "url": url})
    return links


# The oogst page shows the first rows of each part and links to all of it, a page at a time, so
# it costs the same however much a proeftuin harvests: two rows of cards (lessen, verhalen), ten
# rows of the borging table, three vervolgafspraken of each kind.
CARDS = 6
ROWS = 10
VERVOLG_PER_KIND = 3


def overview(request, gemeente_slug):
    """The proeftuin's oogst in one view: the first rows of each part, each linked to all of it;
    a fixed number of queries and rows whatever its size. Its content is rendered once per data
    stamp of the gemeente, proeftuin asked for and role, not on every request; the links to the
    reader's own lessen and borging are a live part of it (``oogst/inhoud/live.py``)."""
    return fragments.render_page(
        request,
        "oogst/inhoud/overzicht.html",
        lambda: _overview_context(request),
        # What it reads (kern.data_version): the oogst's texts, the actions and their
        # succesfactoren, the proeftuin and its members.
        parts=("gemeenten", "casussen", "verbeteracties", "inhoud"),
    )


def _overview_context(request):
    proeftuinen = list(Proeftuin.objects.order_by("-start"))
    proeftuin = get_proeftuin(request, proeftuinen)
    if proeftuin is None:
        return {"proeftuin": None}
    oogst = Oogst.objects.filter(proeftuin=proeftuin).select_related("updated_by").first()
    lessen, lessen_total = rows.first_rows(rows.lessen(proeftuin), CARDS)
    verhalen, verhalen_total = rows.first_rows(rows.verhalen(request, proeftuin), CARDS)
    acties, acties_total = rows.first_rows(rows.acties(proeftuin), ROWS)
    vervolg_groups = rows.vervolg_rows(
        request, rows.first_per_kind(rows.vervolgafspraken(proeftuin), VERVOLG_PER_KIND)
    )
    return {
        **rows.context(request, proeftuin),
        "query": proeftuin_query(proeftuin),
        "proeftuinen": proeftuinen,
        "niet_verankering": proeftuin.fase != Fase.VERANKERING,
        "oogst": oogst,
        "lessen": rows.lessen_rows(request, lessen, for_cache=True),
        "lessen_totaal": lessen_total,
        "verhalen": rows.verhalen_rows(request, verhalen),
        "verhalen_totaal": verhalen_total,
        "acties": rows.acties_rows(request, acties, for_cache=True),
        "acties_totaal": acties_total,
        "vervolg": vervolg_groups,
        "vervolg_totaal": sum(g["totaal"] for g in vervolg_groups),
        "vervolg_ingekort": any(
            len(group["afspraken"]) < group["totaal"] for group in vervolg_groups
        ),
        "can_edit_teksten": can_edit_texts(request),
        "meer": _more_links(request, proeftuin),
    }


def texts(request, gemeente_slug):
    """The foreword and "how we go on" of the proeftuin's oogst (facilitator)."""
    require(can_edit_texts(request))
    proeftuin = require_proeftuin(request)
    oogst = Oogst.objects.filter(proeftuin=proeftuin).first() or Oogst(
        gemeente=request.gemeente, proeftuin=proeftuin
    )
    form = OogstForm(request.POST or None, instance=oogst)
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.oogst_save(
                    oogst=form.instance,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                ),
            )
        except (StaleEdit, IntegrityError):
            # IntegrityError: someone else wrote the first version of the texts meanwhile.
            form.add_error(None, STALE_MESSAGE)
        else:
            if done:
                messages.success(request, _("The texts of the harvest have been saved."))
                return redirect(overview_url(request, proeftuin, "teksten"))
    return render(
        request,
        "oogst/inhoud/teksten.html",
        {
            "form": form,
            "proeftuin": proeftuin,
            "cancel_url": overview_url(request, proeftuin, "teksten"),
        },
        status=400 if form.errors else 200,
    )
