"""What the anonymisation gate costs: construction, warm detect() and the web tier's memory.

    make bench-anonimisering        (or: DEVELOPMENT=1 .venv/bin/python bench/anonimisering.py)

1. the first detect() in a fresh process (deduce's construction from the lookup cache);
2. the median of a warm detect() on an 800-word casus (target ≤ 25 ms), and of deduce alone;
3. the production server (gunicorn with gunicorn.conf.py, production settings, 4 workers):
   per worker the memory it does not share with the master (USS = private clean + private
   dirty, from /proc/<pid>/smaps_rollup; target ≤ 100 MB) after it has run detect() and
   served pages, and the master's RSS (which holds the shared deduce object).

Options: --skip-server (only 1 and 2), --workers N, --port P (default 8101).
"""

import argparse
import contextlib
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

FIRST_DETECT = """
import time
started = time.perf_counter()
import django
django.setup()
from casussen.anonimisering import detect
ready = time.perf_counter()
detect("Mevrouw Jansen woont in Ulft.")
done = time.perf_counter()
print(f"{ready - started:.2f} {done - ready:.2f}")
"""


def casus_of(words: int) -> str:
    from tests.casussen.anonimisering_testset import load

    paragraphs = [p.text for p in load()]
    text, count, i = [], 0, 0
    while count < words:
        paragraph = paragraphs[i % len(paragraphs)]
        text.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "\n\n".join(text)


def first_detect():
    env = {**os.environ, "DEVELOPMENT": "1"}
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", FIRST_DETECT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if out.returncode:
        sys.exit(out.stderr)
    setup, first = (float(x) for x in out.stdout.split()[-2:])
    print(f"first detect() in a fresh process:       {first:6.2f} s")
    print(f"  (django.setup before it:                {setup:6.2f} s)")


def warm_detect(runs=30):
    import django

    django.setup()
    from casussen.anonimisering import detect, engine, regels

    text = casus_of(800)
    words = len(text.split())
    detect(text)  # builds deduce
    deduce = engine.get_deduce()
    parts = {
        "detect": lambda: detect(text),
        "deduce": lambda: deduce.deidentify(text, disabled={"redactor"}),
        "own": lambda: list(regels.candidates(text)),
    }
    # Warm: timed first and on their own, the 30 checks after construction came out up to 11 ms
    # slower than deduce and the own rules timed after them added up; so ten go first, and then
    # the three are timed in turn, round after round, so that a change in the machine's speed
    # during the run (it happens on this VM) falls on all three alike.
    for _ in range(10):
        detect(text)
    wall = {name: [] for name in parts}
    cpu = {name: [] for name in parts}
    for _ in range(runs):
        for name, fn in parts.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            fn()
            wall[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.process_time() - started_cpu) * 1000)

    def line(label, name):
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        spread = f"(CPU min {min(cpu[name]):5.1f}, max {max(cpu[name]):5.1f})"
        print(f"  {label:<38} {w:6.1f} ms wall {c:6.1f} ms CPU  {spread}")

    print(f"warm detect(), {words}-word casus, median of {runs} (target ≤ 25 ms):")
    line("detect():", "detect")
    line("of which deduce alone:", "deduce")
    line("of which the own rules:", "own")
    load = os.getloadavg()[0]
    print(f"  (load average {load:.1f} on {os.cpu_count()} cores: other processes slow this down)")
    return text


def smaps(pid):
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        values[key] = int(value.split()[0]) / 1024  # MB
    return values


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def server_memory(text, workers, port):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DEVELOPMENT", "DATABASE_URL", "DATABASE_OWNER_URL"}
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11"),
        WEB_CONCURRENCY=str(workers),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESSLOG="/dev/null",
        GUNICORN_MAX_REQUESTS="0",  # no recycling during the measurement
        PYTHONPATH=str(ROOT),
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    started = time.perf_counter()
    # The server's log goes to a file: a pipe nobody reads fills up and blocks the workers.
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in the finally below
        "w+", prefix="bench-gunicorn-", suffix=".log", delete=False
    )
    server = subprocess.Popen(  # noqa: S603 - our own server
        [str(gunicorn), "--config", "gunicorn.conf.py", "bench.anonimisering_wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            if server.poll() is not None:
                sys.exit("gunicorn stopped:\n" + Path(log.name).read_text()[-3000:])
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=2).read()  # noqa: S310
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.5)
        print(f"gunicorn ready after                     {time.perf_counter() - started:6.1f} s")
        while len(children(server.pid)) < workers:
            time.sleep(0.2)
        before = {pid: smaps(pid) for pid in children(server.pid)}

        served = {}

        # Behind the reverse proxy in production: https as far as Django knows (no SSL redirect).
        proxy = {"X-Forwarded-Proto": "https"}

        def post(_):
            request = urllib.request.Request(  # noqa: S310 - our server
                f"{base}/__bench__/detect", data=text.encode(), headers=proxy
            )
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                pid = int(response.read().split()[0])
            served[pid] = served.get(pid, 0) + 1
            for path in ("/", "/health/"):
                page = urllib.request.Request(base + path, headers=proxy)  # noqa: S310
                with contextlib.suppress(OSError):  # an error page or a timeout: still served
                    urllib.request.urlopen(page, timeout=60).read()  # noqa: S310

        with ThreadPoolExecutor(workers) as pool:
            rounds = 0
            while (len(served) < workers or min(served.values()) < 10) and rounds < 20:
                list(pool.map(post, range(workers * 5)))
                rounds += 1
        master = smaps(server.pid)
        print(f"master RSS (holds the shared deduce):    {master['Rss']:6.0f} MB")
        print(
            f"{'worker':>8} {'detects':>8} {'USS at start':>13} {'USS after':>10} "
            f"{'private dirty':>14} {'RSS':>7} {'PSS':>7}"
        )
        for pid in children(server.pid):
            m = smaps(pid)
            uss = m["Private_Clean"] + m["Private_Dirty"]
            start_uss = before.get(pid, {})
            start = start_uss.get("Private_Clean", 0) + start_uss.get("Private_Dirty", 0)
            print(
                f"{pid:>8} {served.get(pid, 0):>8} {start:>10.0f} MB {uss:>7.0f} MB "
                f"{m['Private_Dirty']:>11.0f} MB {m['Rss']:>4.0f} MB {m['Pss']:>4.0f} MB"
            )
        print("target: each worker's USS after ≤ 100 MB")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        print(f"(server log: {log.name})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-server", action="store_true")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8101)))
    args = parser.parse_args()
    first_detect()
    text = warm_detect()
    if not args.skip_server:
        server_memory(text, args.workers, args.port)


if __name__ == "__main__":
    main()
