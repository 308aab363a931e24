"""Rendering the Logboek Oogst in the background: request a version, claim and render it exactly
once, publish one as definitief, and sweep up jobs that a dead worker or an unreachable broker
left behind. Shared by the logboek of one proeftuin and the combined one (``RenderJob``).

The life of a job: ``wachtrij`` (queued; ``in_wachtrij_op`` empty while the broker could not be
reached) → ``bezig`` (claimed by one worker with an atomic UPDATE; its heartbeat is kept fresh
by a thread while WeasyPrint works) → ``klaar`` or ``mislukt``. A job whose heartbeat went stale
(the worker was killed) goes back to ``wachtrij`` by the sweeper, up to LOGBOEK_MAX_POGINGEN
attempts. Only the attempt that holds the claim may finish the job, so it finishes once."""

import datetime
import logging
import threading

from celery import current_app
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente, Lidmaatschap, Proeftuin
from kern.permissions import Rol
from kern.tenancy import gemeente_scope

from . import content, document, pdf
from .models import GecombineerdLogboek, LogboekVersie, RenderStatus

logger = logging.getLogger(__name__)

OPEN = [RenderStatus.WACHTRIJ, RenderStatus.BEZIG]


def max_attempts():
    return settings.LOGBOEK_MAX_POGINGEN


def heartbeat_cutoff():
    """A job in ``bezig`` whose last sign of life is older than this is taken as dead."""
    return timezone.now() - datetime.timedelta(seconds=settings.LOGBOEK_HARTSLAG_SECONDEN)


# --- requesting ---------------------------------------------------------------------------


def request_logboek(*, proeftuin: Proeftuin, by, scheduled=False) -> tuple[LogboekVersie, bool]:
    """The open job of this proeftuin, or a new one queued after commit: two clicks (or a click
    and the scheduled render) give one job. Returns (versie, created)."""
    with transaction.atomic():
        existing = LogboekVersie.objects.filter(proeftuin=proeftuin, status__in=OPEN).first()
        if existing:
            return existing, False
        number = (
            LogboekVersie.objects.filter(proeftuin=proeftuin).aggregate(n=Max("nummer"))["n"] or 0
        ) + 1
        try:
            with transaction.atomic():
                versie = LogboekVersie.objects.create(
                    gemeente_id=proeftuin.gemeente_id,
                    proeftuin=proeftuin,
                    nummer=number,
                    aangevraagd_door=by,
                    automatisch=scheduled,
                )
        except IntegrityError:
            # A concurrent request made the open job (or took this number) first: that one.
            existing = LogboekVersie.objects.filter(proeftuin=proeftuin, status__in=OPEN).first()
            if existing is None:
                raise
            return existing, False
        gemeente_id, pk = versie.gemeente_id, versie.pk
        transaction.on_commit(lambda: enqueue(LogboekVersie, pk, gemeente_id))
    return versie, True


def request_combined(*, proeftuinen, by, inleiding="") -> GecombineerdLogboek:
    """A combined logboek over these proeftuinen (of gemeenten ``by`` facilitates; the view
    checks), queued after commit."""
    proeftuinen = sorted(proeftuinen, key=lambda p: p.gemeente.naam)
    gemeenten = [p.gemeente for p in proeftuinen]
    with transaction.atomic():
        job = GecombineerdLogboek.objects.create(
            proeftuinen=[[p.gemeente_id, p.pk] for p in proeftuinen],
            titel=combined_title([g.naam for g in gemeenten]),
            inleiding=inleiding,
            aangevraagd_door=by,
        )
        job.gemeenten.set(gemeenten)
        ids = [g.pk for g in gemeenten]
        transaction.on_commit(lambda: enqueue(GecombineerdLogboek, job.pk, ids))
    return job


def combined_title(names):
    names = list(names)
    if len(names) > 1:
        series = _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}
    else:
        series = names[0] if names else ""
    return _("Logboek Oogst proeftuinen %(names)s") % {"names": series}


def _task_for(model):
    # By name: the tasks call this module, so this module does not import them.
    name = "render_logboek" if model is LogboekVersie else "render_gecombineerd"
    return current_app.tasks[f"oogst.tasks.{name}"]


def enqueue(model, pk, scope_ids) -> bool:
    """Hand the job to the broker. When the broker cannot be reached the job stays in the
    database with ``in_wachtrij_op`` empty, and the sweeper hands it over later."""
    with gemeente_scope(scope_ids):
        model.objects.filter(pk=pk, status=RenderStatus.WACHTRIJ).update(
            in_wachtrij_op=timezone.now()
        )
    try:
        _task_for(model).apply_async(args=[scope_ids, pk], retry=False)
    except Exception:  # kombu's OperationalError, a refused connection, a DNS failure …
        logger.warning("The broker could not be reached; the logboek job %s waits.", pk)
        with gemeente_scope(scope_ids):
            model.objects.filter(pk=pk, status=RenderStatus.WACHTRIJ).update(in_wachtrij_op=None)
        return False
    return True


# --- rendering ----------------------------------------------------------------------------


def claim(model, pk) -> int | None:
    """Take the job for this worker: one atomic UPDATE from ``wachtrij`` (or from a ``bezig``
    whose worker died) to ``bezig``. Returns the attempt number, or None when another worker
    has it or it is done (a duplicate delivery then does nothing)."""
    now = timezone.now()
    claimed = (
        model.objects.filter(pk=pk, pogingen__lt=max_attempts())
        .filter(
            Q(status=RenderStatus.WACHTRIJ)
            | Q(status=RenderStatus.BEZIG, hartslag_op__lt=heartbeat_cutoff())
        )
        .update(
            status=RenderStatus.BEZIG,
            pogingen=F("pogingen") + 1,
            gestart_op=now,
            hartslag_op=now,
            voortgang=0,
            stap=_("Started"),
            fout="",
        )
    )
    if not claimed:
        return None
    return model.objects.filter(pk=pk).values_list("pogingen", flat=True).get()


class Progress:
    """Progress of one claimed attempt: steps, and a heartbeat thread while a step runs long."""

    def __init__(self, model, pk, attempt, scope_ids):
        self.model, self.pk, self.attempt, self.scope_ids = model, pk, attempt, scope_ids
        self._stop = threading.Event()
        self._thread = None

    def _mine(self):
        return self.model.objects.filter(
            pk=self.pk, status=RenderStatus.BEZIG, pogingen=self.attempt
        )

    def step(self, progress, step):
        self._mine().update(voortgang=progress, stap=step, hartslag_op=timezone.now())

    def _beat(self):
        try:
            with gemeente_scope(self.scope_ids):
                while not self._stop.wait(settings.LOGBOEK_HARTSLAG_INTERVAL):
                    self._mine().update(hartslag_op=timezone.now())
        finally:
            connection.close()

    def __enter__(self):
        # Inside a transaction (the demo loader, tests) the claim is not visible to another
        # connection, so a heartbeat from one would be lost or wait: none there.
        if settings.LOGBOEK_HARTSLAG_INTERVAL and not connection.in_atomic_block:
            self._thread = threading.Thread(target=self._beat, daemon=True, name="logboek-hartslag")
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=10)


def _file_name(model, job):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    if model is LogboekVersie:
        stem = slugify(f"logboek-oogst-{job.gemeente.slug}-v{job.nummer}")
    else:
        stem = slugify(f"logboek-oogst-gecombineerd-{job.pk}")
    return f"logboek/{stem}-{stamp}.pdf"


def _html(model, job):
    if model is LogboekVersie:
        proeftuin = Proeftuin.objects.select_related("gemeente").get(pk=job.proeftuin_id)
        return document.html(content.collect(proeftuin), versie=job, concept=True)
    from . import combined

    return combined.html(job)


def render(model, pk, scope_ids) -> bool:
    """Render the job if this worker can claim it; True when this call finished it."""
    attempt = claim(model, pk)
    if attempt is None:
        logger.info("Logboek job %s: not claimed (done, or another worker has it).", pk)
        return False
    job = model.objects.get(pk=pk)
    progress = Progress(model, pk, attempt, scope_ids)
    names = []
    files = {}
    try:
        with progress:
            progress.step(10, _("Gathering the data"))
            html = _html(model, job)
            progress.step(35, _("Laying out the pages"))
            laid_out = pdf.layout(html)
            progress.step(80, _("Writing the PDF"))
            data = pdf.write(laid_out)
            file_name = _file_name(model, job)
            names.append(default_storage.save(file_name, ContentFile(data)))
            files["bestand"] = names[-1]
            if model is LogboekVersie:
                # The copy for when it is published: the same pages without the concept mark.
                final = pdf.write(pdf.leave_out(laid_out, pdf.CONCEPT_MARK))
                name = file_name.removesuffix(".pdf") + "-definitief.pdf"
                names.append(default_storage.save(name, ContentFile(final)))
                files["bestand_definitief"] = names[-1]
        with transaction.atomic():
            finished = progress._mine().update(
                status=RenderStatus.KLAAR,
                voortgang=100,
                stap=_("Done"),
                **files,
                paginas=len(laid_out.pages),
                grootte=len(data),
                klaar_op=timezone.now(),
                hartslag_op=timezone.now(),
            )
        if not finished:
            # The sweeper gave this attempt up for dead and another took over: theirs counts.
            for name in names:
                default_storage.delete(name)
            return False
    except Exception as error:
        logger.exception("Logboek job %s failed.", pk)
        for name in names:
            default_storage.delete(name)
        progress._mine().update(
            status=RenderStatus.MISLUKT,
            stap=_("Failed"),
            fout=f"{type(error).__name__}: {error}"[:500],
            klaar_op=timezone.now(),
        )
        return False
    if job.automatisch:
        _mail_facilitators(model.objects.get(pk=pk))
    return True


def _mail_facilitators(versie):
    """Tell the facilitators that the scheduled logboek is ready (no content of it)."""
    if not isinstance(versie, LogboekVersie):
        return
    emails = sorted(
        Lidmaatschap.objects.filter(gemeente_id=versie.gemeente_id, role=Rol.FACILITATOR)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if not emails:
        return
    url = settings.SITE_URL.rstrip("/") + reverse(
        "oogst:logboek", kwargs={"gemeente_slug": versie.gemeente.slug}
    )
    context = {"versie": versie, "proeftuin": versie.proeftuin, "url": url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("oogst/logboek/email/klaar_subject.txt", context).strip()
        body = render_to_string("oogst/logboek/email/klaar.txt", context)
    send_mail(subject, body, None, emails)


# --- publishing ---------------------------------------------------------------------------


def publish(*, versie: LogboekVersie, by) -> LogboekVersie:
    """Make this finished version the definitief one; the previous one is unmarked."""
    if versie.status != RenderStatus.KLAAR:
        raise ValueError("Only a finished version can be published.")
    with transaction.atomic():
        LogboekVersie.objects.filter(proeftuin_id=versie.proeftuin_id, definitief=True).exclude(
            pk=versie.pk
        ).update(definitief=False)
        versie.definitief = True
        versie.gepubliceerd_op = timezone.now()
        versie.gepubliceerd_door = by
        versie.save(update_fields=["definitief", "gepubliceerd_op", "gepubliceerd_door"])
    return versie


# --- the sweeper and the scheduled render -------------------------------------------------


def _sweep(model, scope_of):
    """Re-queue the dead and the never-queued jobs of one model; returns (requeued, failed)."""
    requeued = failed = 0
    for job in model.objects.filter(status=RenderStatus.BEZIG, hartslag_op__lt=heartbeat_cutoff()):
        if job.pogingen >= max_attempts():
            failed += model.objects.filter(pk=job.pk, status=RenderStatus.BEZIG).update(
                status=RenderStatus.MISLUKT,
                stap=_("Failed"),
                fout=_("The render stopped %(n)s times without finishing; given up.")
                % {"n": job.pogingen},
                klaar_op=timezone.now(),
            )
            continue
        if model.objects.filter(
            pk=job.pk, status=RenderStatus.BEZIG, hartslag_op__lt=heartbeat_cutoff()
        ).update(
            status=RenderStatus.WACHTRIJ, in_wachtrij_op=None, voortgang=0, stap=_("Queued again")
        ):
            requeued += 1
    # Never handed to the broker (it was down), or handed over long ago and not started.
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.LOGBOEK_WACHTRIJ_SECONDEN)
    waiting = model.objects.filter(status=RenderStatus.WACHTRIJ).filter(
        Q(in_wachtrij_op__isnull=True) | Q(in_wachtrij_op__lt=long_ago)
    )
    for job in waiting:
        if enqueue(model, job.pk, scope_of(job)):
            requeued += 1
    return requeued, failed


def sweep() -> tuple[int, int]:
    """The sweeper (Celery beat): over every gemeente, both kinds of job."""
    ids = list(Gemeente.objects.values_list("pk", flat=True))
    with gemeente_scope(ids):
        a = _sweep(LogboekVersie, lambda job: job.gemeente_id)
    b = _sweep(GecombineerdLogboek, lambda job: sorted({pair[0] for pair in job.proeftuinen}))
    return a[0] + b[0], a[1] + b[1]


def render_at_end_dates(today=None) -> list[int]:
    """At the end date of each proeftuin, render its logboek by itself, once per end date
    (looking back a week, so a beat that did not run for some days still catches up)."""
    today = today or timezone.localdate()
    ids = list(Gemeente.objects.values_list("pk", flat=True))
    made = []
    with gemeente_scope(ids):
        for proeftuin in Proeftuin.objects.filter(
            eind__lte=today, eind__gt=today - datetime.timedelta(days=7)
        ).select_related("gemeente"):
            start_of_day = timezone.make_aware(
                datetime.datetime.combine(proeftuin.eind, datetime.time.min)
            )
            if LogboekVersie.objects.filter(
                proeftuin=proeftuin, automatisch=True, aangevraagd_op__gte=start_of_day
            ).exists():
                continue
            with gemeente_scope(proeftuin.gemeente_id):
                versie, created = request_logboek(proeftuin=proeftuin, by=None, scheduled=True)
            if created:
                made.append(versie.pk)
    return made
