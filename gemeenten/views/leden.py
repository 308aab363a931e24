"""Members of a gemeente: the list, roles, ending a membership, and invitations."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from kern.permissions import Rol, invitable_roles
from kern.tenancy import gemeente_scope, memberships_of

from .. import services
from ..access import require_perm
from ..forms import AccountForm, RolForm, UitnodigingForm
from ..models import InvalidInvitation, Lidmaatschap, Uitnodiging


def leden(request, gemeente_slug):
    can_invite = request.user.has_perm("gemeenten.invite", request.gemeente)
    form = None
    if can_invite:
        roles = invitable_roles(request.user, request.gemeente)
        form = UitnodigingForm(request.POST or None, roles=roles)
        if request.method == "POST" and form.is_valid():
            try:
                uitnodiging = services.uitnodiging_create(
                    gemeente=request.gemeente, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("An invitation has been sent to %(email)s.") % {"email": uitnodiging.email},
                )
                return redirect("gemeenten:leden", gemeente_slug=gemeente_slug)
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "leden": Lidmaatschap.objects.select_related("user", "organisatie"),
        "uitnodigingen": Uitnodiging.objects.filter(accepted_at__isnull=True).select_related(
            "invited_by"
        )
        if can_invite
        else [],
        "form": form,
        "rollen": Rol.choices,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "gemeenten/leden.html", context, status=status)


@require_POST
def lid_rol(request, gemeente_slug, pk):
    """Change a member's role; with htmx only the member's row is swapped."""
    require_perm(request, "gemeenten.manage_leden")
    lidmaatschap = get_object_or_404(Lidmaatschap.objects.select_related("user"), pk=pk)
    form = RolForm(request.POST)
    error = None
    if not form.is_valid():
        error = _("Choose one of the roles.")
    else:
        try:
            services.lidmaatschap_change_role(
                lidmaatschap=lidmaatschap, role=form.cleaned_data["role"], by=request.user
            )
        except ValidationError as exc:
            lidmaatschap.refresh_from_db()
            error = " ".join(exc.messages)
    if request.htmx:
        if lidmaatschap.user == request.user and error is None:
            # Who changes their own role sees the page as the new role sees it.
            return HttpResponseClientRedirect(
                reverse("gemeenten:leden", kwargs={"gemeente_slug": gemeente_slug})
            )
        context = {
            "lid": lidmaatschap,
            "rollen": Rol.choices,
            "saved": error is None,
            "error": error,
        }
        return render(request, "gemeenten/leden.html#lid_rij", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("%(person)s is now %(role)s.")
            % {"person": lidmaatschap.user, "role": lidmaatschap.get_role_display()},
        )
    return redirect("gemeenten:leden", gemeente_slug=gemeente_slug)


def lid_beeindigen(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_leden")
    lidmaatschap = get_object_or_404(Lidmaatschap.objects.select_related("user"), pk=pk)
    if request.method == "POST":
        try:
            services.lidmaatschap_end(lidmaatschap=lidmaatschap, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The membership of %(person)s has ended.") % {"person": lidmaatschap.user},
            )
        return redirect("gemeenten:leden", gemeente_slug=gemeente_slug)
    return render(request, "gemeenten/lid_beeindigen.html", {"lidmaatschap": lidmaatschap})


def lid_wissen(request, gemeente_slug, pk):
    """Erase a person (the AVG right to erasure): confirmation first, then the service."""
    require_perm(request, "gemeenten.manage_leden")
    lidmaatschap = get_object_or_404(Lidmaatschap.objects.select_related("user"), pk=pk)
    person = lidmaatschap.user
    if person == request.user:
        raise PermissionDenied
    if request.method == "POST":
        naam = str(person)
        anonymised = services.persoon_wissen(person=person, by=request.user)
        if anonymised:
            message = _("%(person)s has been erased; what they wrote stays, anonymously.")
        else:
            message = _(
                "The memberships of %(person)s in your gemeenten have ended; they are still a "
                "member elsewhere, so their account stays."
            )
        messages.success(request, message % {"person": naam})
        return redirect("gemeenten:leden", gemeente_slug=gemeente_slug)
    gemeenten = services.erasable_gemeenten(person=person, by=request.user)
    elders = len(memberships_of(person)) > len(gemeenten)
    return render(
        request,
        "gemeenten/lid_wissen.html",
        {"lidmaatschap": lidmaatschap, "gemeenten": gemeenten, "elders": elders},
    )


def uitnodiging_intrekken(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.invite")
    uitnodiging = get_object_or_404(Uitnodiging, pk=pk, accepted_at__isnull=True)
    if request.method == "POST":
        services.uitnodiging_withdraw(uitnodiging=uitnodiging, by=request.user)
        messages.success(
            request,
            _("The invitation to %(email)s has been withdrawn.") % {"email": uitnodiging.email},
        )
        return redirect("gemeenten:leden", gemeente_slug=gemeente_slug)
    return render(request, "gemeenten/uitnodiging_intrekken.html", {"uitnodiging": uitnodiging})


def uitnodiging_accept(request, token):
    """Follow an invitation link: a new person makes an account, a known one gains a membership.

    Accepting takes a POST, so a mail scanner that opens the link uses nothing up.
    """
    from kern.models import User

    try:
        uitnodiging = Uitnodiging.from_token(token)
    except InvalidInvitation as error:
        return render(
            request, "gemeenten/uitnodiging_ongeldig.html", {"reason": error.reason}, status=400
        )

    bestaand = User.objects.filter(email__iexact=uitnodiging.email).first()
    if request.user.is_authenticated and request.user != bestaand:
        return render(
            request,
            "gemeenten/uitnodiging_ander_account.html",
            {"uitnodiging": uitnodiging},
            status=403,
        )

    form = None if bestaand else AccountForm(request.POST or None, email=uitnodiging.email)
    if request.method == "POST" and (form is None or form.is_valid()):
        with gemeente_scope(uitnodiging.gemeente_id):
            if bestaand:
                services.uitnodiging_accept(uitnodiging=uitnodiging, user=bestaand)
            else:
                bestaand = services.account_create_from_invitation(
                    uitnodiging=uitnodiging,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password1"],
                )
                login(request, bestaand, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome to %(gemeente)s.") % {"gemeente": uitnodiging.gemeente}
        )
        if request.user.is_authenticated:
            return redirect(uitnodiging.gemeente)
        return redirect("account_login")

    return render(
        request,
        "gemeenten/uitnodiging_accept.html",
        {"uitnodiging": uitnodiging, "form": form, "bestaand": bestaand},
        status=400 if form is not None and form.errors else 200,
    )
