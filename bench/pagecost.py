"""What one request of a key page costs in this process: CPU time, queries and model instances.

    .venv/bin/python bench/pagecost.py landelijk cockpit board [--runs 20] [--profile]

Runs the pages of bench/pagelist.py whose name contains one of the words, with the test client
as the benchmark's facilitator, on a database that `bench/pages.py` generated
(BENCH_DATABASE_PREFIX, default proeftuin_bench: proeftuin_bench_<scale>). CPU time of this
process is far less disturbed by other work on the machine than wrk's wall times, so it is the
number to compare before/after a change on a busy machine; `--profile` adds a cProfile listing,
`--html DIR` writes each page's HTML into DIR (to compare the pages of two versions).
"""

import argparse
import collections
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Celery puts the working directory first on sys.path when it is imported: run from ROOT.
os.chdir(ROOT)
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", choices=["demo", "landelijk"])
    parser.add_argument("pages", nargs="+", help="words of the page names (bench/pagelist.py)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--html", metavar="DIR", help="write each page's HTML there (to compare)")
    args = parser.parse_args()
    database = f"{os.environ.get('BENCH_DATABASE_PREFIX', 'proeftuin_bench')}_{args.scale}"
    os.environ.update(
        DATABASE_URL=f"postgres://proeftuin_app@127.0.0.1:5432/{database}",
        DATABASE_OWNER_URL=f"postgres://proeftuin_owner@127.0.0.1:5432/{database}",
        DEVELOPMENT="1",
        MFA_REQUIRED_FOR_FACILITATORS="0",
        LOG_LEVEL="WARNING",
    )
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")
    sys.path.insert(0, str(ROOT / "bench"))
    import django

    django.setup()
    import pagelist
    from django.db import connection
    from django.db.models.signals import post_init
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kern.models import User

    client = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(User.objects.get(email=pagelist.FACILITATOR))
    built = collections.Counter()

    def count(sender, **kwargs):
        built[sender.__name__] += 1

    for name, path_of in pagelist.PAGES:
        if not any(word in name for word in args.pages):
            continue
        path = path_of()
        client.get(path, secure=True)  # warm: session, caches, templates
        built.clear()
        post_init.connect(count)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        post_init.disconnect(count)
        assert response.status_code == 200, (name, response.status_code)
        counted = [q for q in queries.captured_queries if "set_config(" not in q["sql"]]
        if args.html:
            Path(args.html).mkdir(parents=True, exist_ok=True)
            (Path(args.html) / f"{args.scale}-{name.replace(' ', '-')}.html").write_bytes(
                response.content
            )
        cpu, wall = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(path, secure=True)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        most = ", ".join(f"{model} {n}" for model, n in built.most_common(6))
        print(
            f"{args.scale} {name}: CPU median {statistics.median(cpu):.1f} ms (min {min(cpu):.1f}),"
            f" wall median {statistics.median(wall):.1f} ms; {len(counted)} queries (without"
            f" RLS settings); {sum(built.values())} objects ({most}); {len(response.content)}"
            f" bytes; load {os.getloadavg()[0]:.1f}"
        )
        if args.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.enable()
            for _ in range(5):
                client.get(path, secure=True)
            profile.disable()
            pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
                int(os.environ.get("NSTATS", "40"))
            )


if __name__ == "__main__":
    main()
