"""The audit log of a gemeente, for its facilitators: the page with filters, and the CSV."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import exports
from ..access import require_perm
from ..audit import Actie, audit
from ..forms import AuditFilterForm
from ..models import AuditRegel

PER_PAGE = 50


def _rows(request):
    form = AuditFilterForm(request.GET)
    rows = form.filter(AuditRegel.objects.select_related("user"))
    return form, rows


def audit_log(request, gemeente_slug):
    require_perm(request, "gemeenten.view_audit")
    form, rows = _rows(request)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "gemeenten/audit.html", context)


def audit_export(request, gemeente_slug):
    require_perm(request, "gemeenten.view_audit")
    _form, rows = _rows(request)
    header = [_("At"), _("User"), _("E-mail address"), _("Action"), _("Object"), _("Session")]
    table = [
        [
            timezone.localtime(r.at).strftime("%Y-%m-%d %H:%M:%S"),
            r.user.name if r.user else "",
            r.user.email if r.user else "",
            r.get_actie_display(),
            r.object_label,
            r.session_hash,
        ]
        for r in rows.iterator(chunk_size=2000)
    ]
    audit(request, Actie.EXPORT, AuditRegel)
    name = exports.filename(request.gemeente, "auditlog", "csv")
    return exports.csv_response(header, table, name=name)
