"""Casussen: the list, reading one (logged), writing one through the anonymisation gate, the
live check, and the workflow concept → ingediend → besproken → gearchiveerd."""

import re

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from gemeenten.access import chosen_proeftuin
from gemeenten.audit import Actie, audit
from kern import fragments
from kern.concurrency import STALE_MESSAGE, StaleEdit

from .. import services
from ..access import can_delete, can_edit, get_casus_for_user, is_moderator, require_perm
from ..forms import CasusForm, KnelpuntFormSet, TerugsturenForm, knelpunt_text_fields
from ..models import Casus, Inzicht, Knelpunt, KnelpuntCategorie, Succesfactor
from ..poort import Poort
from .common import visible_casussen
from .conflict import conflict

FORM_TEMPLATE = "casussen/form.html"


# A page of the list: a table one can read at a glance; more behind the pager (issue 9).
PER_PAGE = 25
# What a row of the list shows (and orders by); the author only to mark "yours".
LIST_FIELDS = ("pk", "status", "ziektebeeld", "leeftijdscategorie", "auteur_id", "created_at")
_CATEGORIE_LABELS = dict(KnelpuntCategorie.choices)


def casussen(request, gemeente_slug):
    """The list; a bestuurder sees numbers and categories, never a title or text.

    Its content is rendered once per data stamp of the gemeente's casussen and members, page,
    filter and role; it holds titles, never a casus's text, and stays in the worker's own memory
    (kern.fragments). What is the reader's own — their drafts, the "yours" badges — is a live
    part of it (``casussen/live.py``)."""
    require_perm(request, "casussen.view_casussen")
    return fragments.render_page(
        request,
        "casussen/list.html",
        lambda: _list_context(request),
        parts=("gemeenten", "casussen"),
    )


def _list_context(request):
    proeftuin, proeftuinen = chosen_proeftuin(request)
    reads_text = request.user.has_perm("casussen.read_text", request.gemeente)
    rows = Casus.objects.none()
    filters = {}
    if proeftuin is not None:
        rows = visible_casussen(request, proeftuin)
        if not is_moderator(request):
            # Drafts are their author's alone: the live part above the table lists them.
            rows = rows.exclude(status=Casus.Status.CONCEPT)
        rows, filters = _filtered(request, rows)
        # Only the columns of the list: a bestuurder's list does not even load the title. The
        # inzichten are counted per row of the page by a subquery, not by joining and grouping
        # all the proeftuin's rows: the pager's count then reads the casussen alone (issue 9).
        inzichten = (
            Inzicht.objects.filter(casus=OuterRef("pk"), deleted_at__isnull=True)
            .order_by()
            .values("casus")
            .annotate(aantal=Count("pk"))
            .values("aantal")
        )
        rows = rows.only(*LIST_FIELDS, *(["titel"] if reads_text else [])).annotate(
            aantal_inzichten=Coalesce(Subquery(inzichten), 0)
        )
    # Pages, so the list stays as fast with years of casussen (issue 9).
    page = Paginator(rows.order_by("-created_at", "-pk"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    _add_labels(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "casussen": page.object_list,
        "page": page,
        "query": query.urlencode(),
        "reads_text": reads_text,
        "moderator": is_moderator(request),
        "filters": filters,
        "statussen": Casus.Status.choices,
        "can_add": request.user.has_perm("casussen.add_casus", request.gemeente),
        "can_scan": request.user.has_perm("casussen.scan_teksten", request.gemeente),
        "aantal_verwijderd": (
            Casus.objects.verwijderd().filter(proeftuin=proeftuin).count()
            if is_moderator(request) and proeftuin
            else 0
        ),
    }


def _add_labels(casussen):
    """The labels a row shows: its choices from dicts made once, instead of Django's
    get_FOO_display(), which hashes every (lazy, so translated) label of the field per call,
    and its knelpunt categories from one list of values instead of a Knelpunt instance per
    knelpunt (issue 9)."""
    knelpunten = {casus.pk: [] for casus in casussen}
    rows = Knelpunt.objects.filter(casus__in=list(knelpunten)).order_by("pk")
    for casus_id, categorie in rows.values_list("casus_id", "categorie"):
        knelpunten[casus_id].append(_CATEGORIE_LABELS.get(categorie, categorie))
    choices = {
        name: dict(Casus._meta.get_field(name).flatchoices)
        for name in ("status", "ziektebeeld", "leeftijdscategorie")
    }
    for casus in casussen:
        casus.knelpunt_labels = knelpunten[casus.pk]
        for name, labels in choices.items():
            value = getattr(casus, name)
            setattr(casus, f"{name}_label", labels.get(value, value))


def _filtered(request, rows):
    """The drill-down of the overview: by status, knelpunt category or succesfactor."""
    filters = {}
    status = request.GET.get("status", "")
    if status in Casus.Status.values:
        rows = rows.filter(status=status)
        filters["status"] = Casus.Status(status).label
    categorie = request.GET.get("knelpunt", "")
    if categorie in KnelpuntCategorie.values:
        tagged = [
            casus_id
            for casus_id, categorieen in Inzicht.objects.zichtbaar()
            .filter(casus__in=rows)
            .values_list("casus_id", "knelpunt_categorieen")
            if categorie in (categorieen or [])
        ]
        rows = rows.filter(Q(knelpunten__categorie=categorie) | Q(pk__in=tagged)).distinct()
        filters["knelpunt"] = KnelpuntCategorie(categorie).label
    succesfactor = request.GET.get("succesfactor", "")
    if re.fullmatch(r"[0-9]{1,11}", succesfactor):
        factor = Succesfactor.objects.filter(pk=int(succesfactor)).first()
        if factor is not None:
            rows = rows.filter(
                inzichten__succesfactoren=factor, inzichten__deleted_at__isnull=True
            ).distinct()
            filters["succesfactor"] = factor.naam
    return rows, filters


def casus(request, gemeente_slug, pk):
    item = get_casus_for_user(request, pk, action="read")
    audit(request, Actie.READ, item)
    inzichten = (
        Inzicht.objects.zichtbaar()
        .filter(casus=item)
        .prefetch_related("succesfactoren", "knelpunten")
    )
    context = {
        "casus": item,
        "knelpunten": item.knelpunten.all(),
        "inzichten": inzichten,
        "can_edit": can_edit(request, item),
        "can_delete": can_delete(request, item),
        "is_moderator": is_moderator(request),
        "is_author": item.auteur_id == request.user.pk,
        "aantal_gemarkeerd": item.gemarkeerde_vondsten.count(),
        "verwijderde_inzichten": (
            Inzicht.objects.filter(casus=item, deleted_at__isnull=False)
            if is_moderator(request)
            else []
        ),
    }
    return render(request, "casussen/detail.html", context)


def casus_new(request, gemeente_slug):
    require_perm(request, "casussen.add_casus")
    proeftuin, _proeftuinen = chosen_proeftuin(request)
    if proeftuin is None:
        return render(request, FORM_TEMPLATE, {"form": None})
    return _casus_form(request, Casus(gemeente=request.gemeente, proeftuin=proeftuin))


def casus_edit(request, gemeente_slug, pk):
    item = get_casus_for_user(request, pk, action="edit")
    if request.method == "GET":
        audit(request, Actie.READ, item)
    return _casus_form(request, item)


def _live_url(request, item):
    if item.pk:
        return reverse(
            "casussen:controle", kwargs={"gemeente_slug": request.gemeente.slug, "pk": item.pk}
        )
    return reverse("casussen:controle_nieuw", kwargs={"gemeente_slug": request.gemeente.slug})


def _casus_form(request, item):
    """The casus form behind the gate: nothing is stored while a finding stands."""
    live_url = _live_url(request, item)
    if request.method != "POST":
        form = CasusForm(instance=item)
        formset = KnelpuntFormSet(instance=item, prefix="knelpunten")
        return _render_form(request, item, form, formset, Poort({}, obj=item), live_url)

    poort = Poort(request.POST, obj=item)
    form = CasusForm(poort.data, instance=item)
    formset = KnelpuntFormSet(poort.data, instance=item, prefix="knelpunten")
    text_fields = {**form.text_fields(), **knelpunt_text_fields(formset)}
    if poort.apply_replacements(text_fields):
        # Replaced, not saved: the form comes back with the new text for another look.
        form = CasusForm(poort.data, instance=item)
        formset = KnelpuntFormSet(poort.data, instance=item, prefix="knelpunten")
        poort.check(text_fields)
        return _render_form(request, item, form, formset, poort, live_url)

    poort.check(text_fields)
    valid = form.is_valid() & formset.is_valid()
    if not poort.passes or not valid:
        poort.show_on(form, *formset.forms)
        conflict = _conflict(form, item) if form.has_error(NON_FIELD_ERRORS, "stale") else None
        if conflict is not None:
            poort.data["version"] = conflict["version"]
            form = CasusForm(poort.data, instance=item)
        status = 200 if request.htmx else 400
        return _render_form(request, item, form, formset, poort, live_url, conflict, status=status)

    submit = "indienen" in poort.data and form.instance.status == Casus.Status.CONCEPT
    try:
        with transaction.atomic():
            services.casus_save(
                casus=form.instance,
                by=request.user,
                knelpunten=formset,
                marks=poort.marks,
                expected_version=form.cleaned_data.get("version"),
            )
            if submit and form.instance.auteur_id == request.user.pk:
                services.casus_submit(casus=form.instance, by=request.user)
    except StaleEdit:
        conflict = _conflict(form, item)
        poort.data["version"] = conflict["version"]
        form = CasusForm(poort.data, instance=item)
        return _render_form(
            request,
            item,
            form,
            formset,
            poort,
            live_url,
            conflict,
            status=200 if request.htmx else 409,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _render_form(request, item, form, formset, poort, live_url, status=400)
    if submit:
        messages.success(request, _("The casus has been submitted."))
    else:
        messages.success(request, _("The casus has been saved."))
    if request.htmx:
        return HttpResponseClientRedirect(form.instance.get_absolute_url())
    return redirect(form.instance)


def _conflict(form, item):
    return conflict(form, Casus.objects.select_related("proeftuin"), item.pk)


def _render_form(request, item, form, formset, poort, live_url, conflict=None, *, status=200):
    context = {
        "form": form,
        "formset": formset,
        "casus": item,
        "conflict": conflict,
        "stale_message": STALE_MESSAGE,
        "is_author": item.pk is None or item.auteur_id == request.user.pk,
        **poort.context(live_url),
    }
    template = FORM_TEMPLATE + "#formulier" if request.htmx else FORM_TEMPLATE
    return render(request, template, context, status=status)


@require_POST
def controle_nieuw(request, gemeente_slug):
    """The live check while typing: the findings of the posted text, nothing stored."""
    require_perm(request, "casussen.add_casus")
    return _controle(request, None)


@require_POST
def controle(request, gemeente_slug, pk):
    return _controle(request, get_casus_for_user(request, pk, action="edit"))


def _controle(request, item):
    poort = Poort(request.POST, obj=item)
    form = CasusForm(instance=item)
    formset = KnelpuntFormSet(poort.data, instance=item, prefix="knelpunten")
    poort.check({**form.text_fields(), **knelpunt_text_fields(formset), **_other_fields()})
    return render(request, "kern/poort.html", {**poort.context(), "live": True})


def _other_fields():
    """The texts of the inzicht form and the return remark, which use the same live check."""
    return {"toelichting": _("Explanation"), "opmerking": _("Remark for the author")}


@require_POST
def casus_submit(request, gemeente_slug, pk):
    item = get_casus_for_user(request, pk, action="edit")
    if item.auteur_id != request.user.pk:
        raise Http404
    return _transition(request, item, services.casus_submit, _("The casus has been submitted."))


@require_POST
def casus_besproken(request, gemeente_slug, pk):
    item = get_casus_for_user(request, pk, action="moderate")
    return _transition(
        request, item, services.casus_mark_besproken, _("The casus is marked as discussed.")
    )


@require_POST
def casus_archive(request, gemeente_slug, pk):
    item = get_casus_for_user(request, pk, action="moderate")
    return _transition(request, item, services.casus_archive, _("The casus has been archived."))


def _transition(request, item, service, message):
    try:
        service(casus=item, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, message)
    return redirect(item)


def casus_return(request, gemeente_slug, pk):
    """The facilitator sends a submitted casus back to its author with a remark (gated too)."""
    item = get_casus_for_user(request, pk, action="moderate")
    poort = Poort(request.POST if request.method == "POST" else {}, obj=item)
    form = TerugsturenForm(poort.data if request.method == "POST" else None)
    if request.method == "POST":
        poort.apply_replacements(form.text_fields())
        form = TerugsturenForm(poort.data)
        poort.check(form.text_fields())
        if not poort.replaced and form.is_valid() and not poort.passes:
            poort.show_on(form)
        elif not poort.replaced and form.is_valid():
            try:
                with transaction.atomic():
                    # The marks first: the write path's gate counts them.
                    services.casus_save_marks(casus=item, marks=poort.marks, by=request.user)
                    services.casus_return(
                        casus=item, by=request.user, opmerking=form.cleaned_data["opmerking"]
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The casus has been returned to its author."))
                return redirect(item)
    context = {"casus": item, "form": form, **poort.context()}
    return render(
        request,
        "casussen/terugsturen.html",
        context,
        status=400 if request.method == "POST" and (form.errors or not poort.passes) else 200,
    )


def casus_delete(request, gemeente_slug, pk):
    item = get_casus_for_user(request, pk, action="delete")
    if request.method == "POST":
        with transaction.atomic():
            services.casus_delete(casus=item, by=request.user)
        messages.success(request, _("The casus has been deleted. A facilitator can undo this."))
        return redirect("casussen:list", gemeente_slug=gemeente_slug)
    return render(request, "casussen/delete.html", {"casus": item})


@require_POST
def casus_undelete(request, gemeente_slug, pk):
    item = get_casus_for_user(request, pk, action="moderate", deleted=True)
    services.casus_undelete(casus=item, by=request.user)
    messages.success(request, _("The casus is back."))
    return redirect(item)


def casussen_deleted(request, gemeente_slug):
    require_perm(request, "casussen.moderate")
    proeftuin, proeftuinen = chosen_proeftuin(request)
    rows = Casus.objects.verwijderd().filter(proeftuin=proeftuin).select_related("deleted_by")
    return render(
        request,
        "casussen/deleted.html",
        {"casussen": rows, "proeftuin": proeftuin, "proeftuinen": proeftuinen},
    )
