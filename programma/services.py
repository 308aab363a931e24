"""The programme team's writes: a gemeente with its proeftuin from the template, facilitators
appointed and removed, a proeftuin archived, restored or (a test one) deleted. Each is audited
in the gemeente it concerns (``gemeenten.audit``), with the session of the request."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gemeenten.audit import Actie, audit_write
from gemeenten.models import AuditRegel, Gemeente, Lidmaatschap, Proeftuin, Uitnodiging
from gemeenten.services.leden import lidmaatschap_change_role, uitnodiging_create
from gemeenten.services.proeftuin import proeftuin_begin
from kern import writes
from kern.models import User
from kern.permissions import Rol
from kern.tenancy import forget_memberships, gemeente_scope

from .models import Sjabloon

# The export a deletion asks for must be this recent: it is the copy the team keeps.
EXPORT_MAX_AGE = datetime.timedelta(hours=24)


def unique_slug(naam: str) -> str:
    """The address of a gemeente follows from its name; a second with the same slug gets -2."""
    base = slugify(naam)[:55] or "gemeente"
    slug, n = base, 1
    while Gemeente.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def one_year_after(start: datetime.date) -> datetime.date:
    try:
        return start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


@transaction.atomic
def gemeente_create(
    *,
    naam: str,
    gemeentecode: str,
    provincie: str,
    start: datetime.date,
    by: User,
    proeftuin_naam: str = "",
) -> tuple[Gemeente, Proeftuin]:
    """A new gemeente with its first proeftuin, made from the template. Nothing is written when
    the name or the gemeentecode is taken (``ValidationError`` on that field)."""
    gemeente = Gemeente(
        naam=naam.strip(), slug=unique_slug(naam), gemeentecode=gemeentecode, provincie=provincie
    )
    gemeente.full_clean()
    try:
        with transaction.atomic():
            gemeente.save()
    except IntegrityError as error:  # made at the same moment by someone else
        gemeente.validate_unique()
        raise ValidationError(_("This gemeente was just created by someone else.")) from error
    with gemeente_scope(gemeente):
        audit_write(by, Actie.CREATE, gemeente)
        proeftuin = proeftuin_create(gemeente=gemeente, naam=proeftuin_naam, start=start, by=by)
    return gemeente, proeftuin


@transaction.atomic
def proeftuin_create(
    *, gemeente: Gemeente, start: datetime.date, by: User, naam: str = ""
) -> Proeftuin:
    """A proeftuin of ``gemeente`` (in its scope) with its phase history and its own copy of
    the template (``sjabloon.on_begin``)."""
    proeftuin = writes.save(
        Proeftuin(
            gemeente=gemeente,
            naam=naam.strip() or f"Léven tot het Einde {gemeente.naam}",
            start=start,
            eind=one_year_after(start),
        ),
        by=by,
    )
    audit_write(by, Actie.CREATE, proeftuin)
    return proeftuin_begin(proeftuin=proeftuin, by=by)


@transaction.atomic
def facilitator_appoint(*, gemeente: Gemeente, email: str, by: User) -> Lidmaatschap | Uitnodiging:
    """Make the person with ``email`` facilitator of ``gemeente``: an account holder at once
    (a member with another role changes role), anyone else by the invitation flow."""
    email = email.strip().lower()
    with gemeente_scope(gemeente):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            uitnodiging = uitnodiging_create(
                gemeente=gemeente, email=email, role=Rol.FACILITATOR, by=by
            )
            audit_write(by, Actie.CREATE, uitnodiging)
            return uitnodiging
        lidmaatschap = Lidmaatschap.objects.filter(user=user).first()
        if lidmaatschap is not None and lidmaatschap.role == Rol.FACILITATOR:
            raise ValidationError(
                {"email": _("%(email)s is already a facilitator here.") % {"email": email}}
            )
        if lidmaatschap is not None:
            lidmaatschap = lidmaatschap_change_role(
                lidmaatschap=lidmaatschap, role=Rol.FACILITATOR, by=by
            )
            audit_write(by, Actie.CHANGE, lidmaatschap)
        else:
            lidmaatschap = writes.save(
                Lidmaatschap(gemeente=gemeente, user=user, role=Rol.FACILITATOR), by=by
            )
            audit_write(by, Actie.CREATE, lidmaatschap)
        forget_memberships(user)
        return lidmaatschap


@transaction.atomic
def facilitator_remove(*, lidmaatschap: Lidmaatschap, by: User) -> None:
    """End a facilitator's membership. Access goes with it at once, open sessions included:
    every request reads the user's memberships afresh (``kern.tenancy.memberships_of``)."""
    with gemeente_scope(lidmaatschap.gemeente_id):
        audit_write(by, Actie.DELETE, lidmaatschap)
        writes.delete(lidmaatschap, by=by)


@transaction.atomic
def uitnodiging_withdraw(*, uitnodiging: Uitnodiging, by: User) -> None:
    with gemeente_scope(uitnodiging.gemeente_id):
        audit_write(by, Actie.DELETE, uitnodiging)
        writes.delete(uitnodiging, by=by)


@transaction.atomic
def proeftuin_archive(*, proeftuin: Proeftuin, by: User) -> Proeftuin:
    """Read-only and out of every list (``gemeenten.archief``), until restored."""
    with gemeente_scope(proeftuin.gemeente_id):
        proeftuin.gearchiveerd_op = timezone.now()
        writes.save(proeftuin, by=by)
        audit_write(by, Actie.CHANGE, proeftuin)
    return proeftuin


@transaction.atomic
def proeftuin_restore(*, proeftuin: Proeftuin, by: User) -> Proeftuin:
    with gemeente_scope(proeftuin.gemeente_id):
        proeftuin.gearchiveerd_op = None
        writes.save(proeftuin, by=by)
        audit_write(by, Actie.CHANGE, proeftuin)
    return proeftuin


def export_downloaded(proeftuin: Proeftuin, by: User) -> bool:
    """Whether ``by`` downloaded the export of ``proeftuin`` lately (the audit log knows)."""
    with gemeente_scope(proeftuin.gemeente_id):
        return AuditRegel.objects.filter(
            actie=Actie.EXPORT,
            content_type__app_label=Proeftuin._meta.app_label,
            content_type__model=Proeftuin._meta.model_name,
            object_id=proeftuin.pk,
            user=by,
            at__gte=timezone.now() - EXPORT_MAX_AGE,
        ).exists()


@transaction.atomic
def proeftuin_delete(*, proeftuin: Proeftuin, typed_name: str, by: User) -> None:
    """Delete a test proeftuin with everything that hangs off it, once its name is typed and
    its export downloaded. The audit log of its gemeente keeps that it happened."""
    if typed_name.strip() != proeftuin.naam:
        raise ValidationError({"naam": _("Type the name of the proeftuin exactly as it is shown.")})
    if not export_downloaded(proeftuin, by):
        raise ValidationError(_("Download the export of this proeftuin first."))
    with gemeente_scope(proeftuin.gemeente_id):
        audit_write(by, Actie.DELETE, proeftuin)
        writes.delete(proeftuin, by=by)


@transaction.atomic
def sjabloon_save(*, sjabloon: Sjabloon, by: User) -> Sjabloon:
    """A change of the template: only proeftuinen made from now on get it."""
    sjabloon.updated_by = by
    sjabloon.save()
    return sjabloon
