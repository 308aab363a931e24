"""`make bench-logboek`: render the demo Logboek Oogst at a realistic size and measure it.

In a throwaway SQLite database in a temporary folder it loads the demo (without its rendered
logboek), adds data to the Oude IJsselstreek proeftuin in two steps (tests/oogst/logboek/data.vul:
casussen with knelpunten and inzichten, meetings with attendance, actions with indicators and
metingen, lessons, stories) and counts the queries of assembling the logboek after each step:
the count must not grow with the data. Then, in a fresh child process, it runs the render task
as the worker does (claim, data, templates, WeasyPrint, file) and renders the same final HTML
again with WeasyPrint alone. It prints the total task time, WeasyPrint's own time, our
overhead as a share of WeasyPrint's time (target ≤ 25 %), the pages, the file size, the child's
peak memory and the query counts.

    python bench/logboek.py [--steps 6,10] [--keep]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEMEENTE = "oude-ijsselstreek"


def setup(folder):
    os.environ.setdefault("DEVELOPMENT", "1")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ.pop("REDIS_URL", None)  # the task runs in this process, as without a worker
    os.environ["DJANGO_SETTINGS_MODULE"] = "proeftuin.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


def count_queries(gemeente):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gemeenten.models import Proeftuin
    from kern.tenancy import gemeente_scope
    from oogst.logboek import content, document

    with gemeente_scope(gemeente), CaptureQueriesContext(connection) as queries:
        proeftuin = Proeftuin.objects.select_related("gemeente").order_by("-start").first()
        data = content.collect(proeftuin)
        document.html(data)
    n = sum(1 for q in queries if "set_config(" not in q["sql"])
    return n, data.cijfers


def prepare(folder, steps):
    setup(folder)
    from django.core.management import call_command
    from django.db import transaction
    from django.utils.module_loading import import_string

    from demo.loader import LATER_PARTS
    from gemeenten.demo import load_demo as load_gemeenten_demo
    from kern.tenancy import gemeente_scope
    from oogst.inhoud.models import Oogst
    from tests.oogst.logboek import data as logboek_data

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        gemeenten = load_gemeenten_demo()
        for part in LATER_PARTS:
            if not part.startswith("oogst.logboek.demo"):
                import_string(part)(gemeenten)
    gemeente = gemeenten[GEMEENTE]
    proeftuin = logboek_data.proeftuin_of(gemeente)
    with gemeente_scope(gemeente):
        Oogst.objects.update_or_create(
            gemeente=gemeente,
            proeftuin=proeftuin,
            defaults={"voorwoord": logboek_data.VOORWOORD * 6, "hoe_verder": "Samen verder."},
        )
    counts = []
    for step, times in enumerate(steps, start=1):
        with transaction.atomic():
            logboek_data.vul(gemeente, times=times, voorwoord=False)
        n, cijfers = count_queries(gemeente)
        counts.append({"step": step, "queries": n, **cijfers})
    return gemeente.pk, proeftuin.pk, counts


def child(folder, gemeente_id, proeftuin_id):
    """Render as the worker does, then WeasyPrint alone on the same HTML; print JSON."""
    setup(folder)
    import resource

    from kern.tenancy import gemeente_scope
    from oogst.logboek import content, document, pdf, tasks
    from oogst.logboek.models import LogboekVersie, RenderStatus

    peak_setup = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    captured = {}
    spent = {"collect": 0.0, "html": 0.0, "layout": 0.0, "write": 0.0}
    layout, write = pdf.layout, pdf.write

    def timed(name, func, keep=False):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            result = func(*args, **kwargs)
            spent[name] += time.perf_counter() - started
            if keep:
                captured["html"] = args[0]
            return result

        return wrapper

    # A worker renders many logboeken: warm WeasyPrint up (fontconfig, our fonts and stylesheet)
    # on a one-page document first, so neither measurement below pays the first-use cost.
    warm = time.perf_counter()
    layout('<link rel="stylesheet" href="/static/css/logboek.css"><h1>Warm</h1><p>op</p>')
    warm_seconds = time.perf_counter() - warm

    pdf.layout = timed("layout", layout, keep=True)
    pdf.write = timed("write", write)
    content.collect = timed("collect", content.collect)
    document.html = timed("html", document.html)
    with gemeente_scope(gemeente_id):
        nummer = LogboekVersie.objects.filter(proeftuin_id=proeftuin_id).count() + 1
        versie = LogboekVersie.objects.create(
            gemeente_id=gemeente_id, proeftuin_id=proeftuin_id, nummer=nummer
        )
    started = time.perf_counter()
    tasks.render_logboek.apply(args=[gemeente_id, versie.pk]).get()
    task_seconds = time.perf_counter() - started
    with gemeente_scope(gemeente_id):
        versie.refresh_from_db()
    assert versie.status == RenderStatus.KLAAR, versie.fout
    peak_task = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    pdf.layout, pdf.write = layout, write
    started = time.perf_counter()
    document = layout(captured["html"])
    write(document)
    # The task writes the same layout twice: the concept, and the copy without its mark.
    write(pdf.leave_out(document, pdf.CONCEPT_MARK))
    weasy_seconds = time.perf_counter() - started
    (folder / "logboek.html").write_text(captured["html"])
    print(
        json.dumps(
            {
                "task_seconds": task_seconds,
                "weasyprint_seconds": weasy_seconds,
                "pages": versie.paginas,
                "bytes": versie.grootte,
                "html_bytes": len(captured["html"].encode()),
                "peak_rss_mb_after_task": peak_task / 1024,
                "peak_rss_mb_after_setup": peak_setup / 1024,
                "spent": spent,
                "warm_seconds": warm_seconds,
                "pdf": str(Path(os.environ["MEDIA_ROOT"]) / versie.bestand.name),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", default="6,10", help="data multipliers, added one after another")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--reuse", help="a folder prepared by an earlier run")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]), int(args.child[2]))
        return

    if args.reuse:
        # Measure again on a folder prepared before (its ids and counts in prepared.json).
        folder = Path(args.reuse)
        gemeente_id, proeftuin_id, counts = json.loads((folder / "prepared.json").read_text())
    else:
        folder = Path(tempfile.mkdtemp(prefix="bench-logboek-"))
        steps = [int(s) for s in args.steps.split(",")]
        print(f"Preparing the demo and extra data in {folder} …", flush=True)
        started = time.perf_counter()
        gemeente_id, proeftuin_id, counts = prepare(folder, steps)
        (folder / "prepared.json").write_text(json.dumps([gemeente_id, proeftuin_id, counts]))
        print(f"  prepared in {time.perf_counter() - started:.0f} s")
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), str(gemeente_id), str(proeftuin_id)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
    )
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    overhead = measured["task_seconds"] - measured["weasyprint_seconds"]
    print()
    print("Query count of assembling the logboek (must not grow with the data):")
    for row in counts:
        print(
            f"  after step {row['step']}: {row['queries']} queries for {row['casussen']} casussen, "
            f"{row['verbeteracties']} actions, {row['metingen']} metingen, "
            f"{row['bijeenkomsten']} meetings"
        )
    print()
    print(f"total task time       {measured['task_seconds']:.2f} s")
    print(f"WeasyPrint alone      {measured['weasyprint_seconds']:.2f} s (same final HTML)")
    print(
        f"our overhead          {overhead:.2f} s = "
        f"{100 * overhead / measured['weasyprint_seconds']:.1f} % of WeasyPrint (target ≤ 25 %)"
    )
    spent = measured["spent"]
    in_task = spent["layout"] + spent["write"]
    print(
        f"  inside the task: data {spent['collect']:.2f} s, templates and charts "
        f"{spent['html']:.2f} s, WeasyPrint {in_task:.2f} s, the rest (claim, progress, "
        f"file) {measured['task_seconds'] - in_task - spent['collect'] - spent['html']:.2f} s"
    )
    print(f"  (WeasyPrint's warm-up on one page before both: {measured['warm_seconds']:.2f} s)")
    print(f"pages                 {measured['pages']}")
    print(f"file size             {measured['bytes'] / 1024:.0f} KiB")
    print(f"HTML size             {measured['html_bytes'] / 1024:.0f} KiB")
    print(
        f"peak memory (child)   {measured['peak_rss_mb_after_task']:.0f} MB (ru_maxrss; "
        f"{measured['peak_rss_mb_after_setup']:.0f} MB after django.setup())"
    )
    print(f"PDF                   {measured['pdf']}")
    if not args.keep:
        print(f"(remove {folder} when done looking)")


if __name__ == "__main__":
    main()
