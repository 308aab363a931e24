"""The reader's own parts of the meeting page, whose content is cached per role
(``kern.fragments``): their answer, and their casussen to bring."""

from django.template.loader import render_to_string

from kern.fragments import live

from .forms import InbrengForm
from .models import Bijeenkomst, Deelname
from .views.bijeenkomst import aanmelden_context


def _meetings(args_list):
    return Bijeenkomst.objects.filter(pk__in=[int(args[0]) for args in args_list])


@live("bijeenkomsten.aanmelden")
def aanmelden(request, args_list):
    """Two queries: the meetings, and the reader's answers to them."""
    meetings = list(_meetings(args_list))
    answers = Deelname.objects.filter(bijeenkomst__in=meetings, lidmaatschap=request.lidmaatschap)
    eigen = {d.bijeenkomst_id: d for d in answers}
    return {
        (str(b.pk),): render_to_string(
            "bijeenkomsten/aanmelden.html", aanmelden_context(request, b, eigen.get(b.pk)), request
        )
        for b in meetings
    }


@live("bijeenkomsten.inbreng")
def inbreng(request, args_list):
    """The form to bring one's own submitted casus, while the meeting takes them: the meeting,
    then the reader's casussen not yet brought to it."""
    if not request.user.has_perm("casussen.add_casus", request.gemeente):
        return {}
    result = {}
    for b in _meetings(args_list):
        if b.is_geannuleerd or b.casus_deadline_voorbij:
            continue
        form = InbrengForm(bijeenkomst=b, user=request.user)
        if form.fields["casus"].queryset.exists():
            result[(str(b.pk),)] = render_to_string(
                "bijeenkomsten/inbreng_form.html",
                {"bijeenkomst": b, "inbreng_form": form},
                request,
            )
    return result
