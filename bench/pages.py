"""`make bench`: load the key pages of the production server on generated data (issue 9).

For each scale (demo: 5 gemeenten, landelijk: 350) it makes or reuses a PostgreSQL database with
generated data (`manage.py generate`), starts gunicorn with the production settings and Redis,
logs in through the login form, and loads each key page with wrk at 1 and 10 concurrent
connections, together with a bare Django view of the same server as the machine's baseline.
It prints per page and scale: req/s, p50, p99, queries per request (on an empty cache and when
cached), the ratio to the bare view, then the landelijk/demo ratio of p99 and the memory of the
web workers.

    python bench/pages.py [--scales demo,landelijk] [--duration 10] [--workers 4] [--fresh]
                          [--pages cockpit,board] [--generate-only]

Several people on one machine: BENCH_DATABASE_PREFIX (default proeftuin_bench: databases
proeftuin_bench_demo, proeftuin_bench_landelijk), BENCH_PORT and BENCH_REDIS_URL keep runs apart.
"""

import argparse
import hashlib
import http.cookies
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
STATE = ROOT / "var" / "bench"
PG = {"host": "127.0.0.1", "port": "5432"}
OWNER, APP = "proeftuin_owner", "proeftuin_app"
PORT = int(os.environ.get("BENCH_PORT", "8200"))
BASE = f"http://127.0.0.1:{PORT}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
DATABASE_PREFIX = os.environ.get("BENCH_DATABASE_PREFIX", "proeftuin_bench")
LOGIN = ("facilitator1@gen.bench", "bench-proeftuin")
GEMEENTEN = {"demo": 5, "landelijk": 350}
BARE = "/health/bare/"


def psql(sql, *, user="postgres", database="postgres"):
    result = subprocess.run(
        ["psql", "-X", "-Atq", "-h", PG["host"], "-p", PG["port"], "-U", user, "-d", database],
        input=sql,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def database_url(role, database):
    return f"postgres://{role}@{PG['host']}:{PG['port']}/{database}"


def ensure_roles():
    psql(
        f"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER}') THEN
            CREATE ROLE {OWNER} LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS; END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{APP}') THEN
            CREATE ROLE {APP} LOGIN NOSUPERUSER NOBYPASSRLS; END IF;
        END $$;
        """
    )


def fingerprint():
    """What the generated data depends on: the generators and the migrations."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/generator*.py")) + sorted(ROOT.glob("*/migrations/0*.py")):
        digest.update(path.read_bytes())
    digest.update((ROOT / "demo/management/commands/generate.py").read_bytes())
    return digest.hexdigest()


def production_env(database, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DEVELOPMENT")}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=BASE,
        DATABASE_URL=database_url(APP, database),
        DATABASE_OWNER_URL=database_url(OWNER, database),
        REDIS_URL=REDIS_URL,
        # The benchmark logs in without a second factor; everything else is production.
        MFA_REQUIRED_FOR_FACILITATORS="0",
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESSLOG="",
        GUNICORN_LOGLEVEL="warning",
    )
    env.update(extra)
    return env


def prepare(scale, fresh):
    """The scale's database, generated once and reused while the fingerprint holds."""
    database = f"{DATABASE_PREFIX}_{scale}"
    marker = STATE / f"{database}.fingerprint"
    exists = psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'") == "1"
    if exists and not fresh and marker.exists() and marker.read_text() == fingerprint():
        print(f"[{scale}] reusing database {database}")
        return database
    print(f"[{scale}] generating database {database} …", flush=True)
    psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{database}" OWNER {OWNER}')
    env = production_env(database)
    owner_env = {**env, "DATABASE_URL": env["DATABASE_OWNER_URL"]}
    manage = [str(PYTHON), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=owner_env, check=True)
    started = time.monotonic()
    subprocess.run([*manage, "generate", "--scale", scale], env=env, check=True)
    print(f"[{scale}] generated in {time.monotonic() - started:.0f} s")
    subprocess.run(["psql", "-h", PG["host"], "-U", "postgres", "-d", database, "-qc", "ANALYZE"])
    STATE.mkdir(parents=True, exist_ok=True)
    marker.write_text(fingerprint())
    return database


class Server:
    """gunicorn with gunicorn.conf.py and the production settings, on the scale's database."""

    def __init__(self, database, workers):
        self.env = production_env(
            database, GUNICORN_BIND=f"127.0.0.1:{PORT}", WEB_CONCURRENCY=str(workers)
        )
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py"), "proeftuin.wsgi"],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 180
        ready = urllib.request.Request(
            f"{BASE}/health/bare/", headers={"X-Forwarded-Proto": "https"}
        )
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(ready, timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if self.process.poll() is not None:
                raise SystemExit("gunicorn stopped during start-up")
            time.sleep(0.5)
        self.__exit__()
        raise SystemExit("gunicorn did not answer within 180 s")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)

    def memory(self):
        """(master RSS, [private memory of each worker]) in MB, from /proc smaps_rollup."""
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()

        def field(pid, name):
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
            return sum(int(v) for v in re.findall(rf"^{name}:\s+(\d+) kB", text, re.M)) / 1024

        workers = []
        for pid in children:
            try:
                workers.append(field(pid, "Private_Clean") + field(pid, "Private_Dirty"))
            except ProcessLookupError:  # replaced just now (GUNICORN_MAX_REQUESTS): skip it
                continue
        return field(master, "Rss"), workers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def log_in(login=LOGIN, client_address=None):
    """Log in through the allauth form as a proxy that terminated TLS would; return cookies.
    ``client_address``: the member's own address, as that proxy passes it on."""
    headers = {"X-Forwarded-Proto": "https", "Origin": f"https://127.0.0.1:{PORT}"}
    if client_address:
        headers["X-Forwarded-For"] = client_address
    headers["Referer"] = headers["Origin"] + "/accounts/login/"
    opener = urllib.request.build_opener(_NoRedirect)
    with opener.open(urllib.request.Request(f"{BASE}/accounts/login/", headers=headers)) as page:
        html = page.read().decode()
        cookies = http.cookies.SimpleCookie()
        for value in page.headers.get_all("Set-Cookie") or []:
            cookies.load(value)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode(
        {"login": login[0], "password": login[1], "csrfmiddlewaretoken": token}
    ).encode()
    cookie_header = "; ".join(f"{k}={m.value}" for k, m in cookies.items())
    request = urllib.request.Request(
        f"{BASE}/accounts/login/", data=data, headers={**headers, "Cookie": cookie_header}
    )
    try:
        opener.open(request)
    except urllib.error.HTTPError as response:  # the redirect after a successful login
        if response.code != 302:
            raise
        for value in response.headers.get_all("Set-Cookie") or []:
            cookies.load(value)
    if "sessionid" not in cookies:
        raise SystemExit(f"logging in as {login[0]} failed: no session cookie")
    return "; ".join(f"{k}={m.value}" for k, m in cookies.items())


def wrk(path, connections, duration, cookie):
    """wrk against one path; the bare view is loaded as it is meant: no session, no database."""
    session = [] if path == BARE else ["-H", f"Cookie: {cookie}"]
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(connections, 2)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "10s",
            *session,
            "-H",
            "X-Forwarded-Proto: https",
            f"{BASE}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout

    def ms(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    # Requests that took longer than wrk's timeout are not in its latencies: count them apart.
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": ms("50"),
        "p99": ms("99"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def run_scale(scale, args):
    database = prepare(scale, args.fresh)
    env = production_env(database)
    listing = subprocess.run(
        [str(PYTHON), str(ROOT / "bench" / "pagelist.py")],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if listing.returncode:
        sys.exit(f"bench/pagelist.py failed:\n{listing.stderr}")
    pages = json.loads(listing.stdout.strip().splitlines()[-1])
    if args.pages:
        wanted = [w.strip().lower() for w in args.pages.split(",") if w.strip()]
        pages["pages"] = [
            p
            for p in pages["pages"]
            if p["path"].startswith(BARE) or any(w in p["name"].lower() for w in wanted)
        ]
    for name, reason in pages["skipped"]:
        print(f"[{scale}] skipped {name}: {reason}")
    rows = []
    with Server(database, args.workers) as server:
        cookie = log_in()
        for connections in (1, 10):
            for page in pages["pages"]:
                wrk(page["path"], connections, 2, cookie)  # warm up
                measured = wrk(page["path"], connections, args.duration, cookie)
                rows.append({**page, **measured, "scale": scale, "c": connections})
                print(
                    f"[{scale}] c={connections:<2} {page['name']:<24} {measured['rps']:8.1f} req/s"
                    f"  p99 {measured['p99']:7.1f} ms",
                    flush=True,
                )
        master_rss, workers = server.memory()
    return rows, (master_rss, workers)


def report(rows, memory):
    bare = {(r["scale"], r["c"]): r["rps"] for r in rows if r["path"] == BARE}
    print()
    header = (
        f"{'scale':<10} {'page':<24} {'c':>2} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'queries':>7} {'cached':>6} {'% bare':>7} {'errors':>6} {'timeouts':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        share = 100 * r["rps"] / bare[(r["scale"], r["c"])]
        print(
            f"{r['scale']:<10} {r['name']:<24} {r['c']:>2} {r['rps']:8.1f} {r['p50']:7.1f} "
            f"{r['p99']:7.1f} {r['queries']:7d} {r['cached']:6d} {share:6.1f}% {r['errors']:6d} "
            f"{r['timeouts']:8d}"
        )
    by_key = {(r["scale"], r["name"], r["c"]): r for r in rows}
    if any(r["scale"] == "landelijk" for r in rows) and any(r["scale"] == "demo" for r in rows):
        print("\np99 landelijk / demo (c=10)")
        for (scale, name, c), r in by_key.items():
            demo = by_key.get(("demo", name, c))
            if scale == "landelijk" and c == 10 and demo:
                ratio = f"{r['p99'] / demo['p99']:5.2f}" if demo["p99"] else "  n/a"
                print(f"  {name:<24} {ratio}")
    for scale, (master, workers) in memory.items():
        private = ", ".join(f"{w:.0f}" for w in workers)
        print(f"\nmemory [{scale}]: master RSS {master:.0f} MB; private per worker (MB): {private}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="demo,landelijk")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and level")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    parser.add_argument(
        "--pages", default="", help="only the pages whose name contains one of these words"
    )
    parser.add_argument(
        "--generate-only", action="store_true", help="make the databases, load nothing"
    )
    args = parser.parse_args()
    scales = [s for s in args.scales.split(",") if s]
    for scale in scales:
        if scale not in GEMEENTEN:
            parser.error(f"unknown scale {scale}")
    for tool in ("wrk", "psql"):
        if subprocess.run(["which", tool], capture_output=True).returncode:
            sys.exit(f"{tool} is missing (apt install wrk postgresql-client)")
    ensure_roles()
    # The production settings serve hashed static files from the manifest of collectstatic.
    subprocess.run(
        [str(PYTHON), str(ROOT / "manage.py"), "collectstatic", "--no-input", "-v0"],
        env=production_env("postgres"),
        check=True,
    )
    if args.generate_only:
        for scale in scales:
            prepare(scale, args.fresh)
        return
    rows, memory = [], {}
    for scale in scales:
        scale_rows, memory[scale] = run_scale(scale, args)
        rows += scale_rows
    report(rows, memory)


if __name__ == "__main__":
    main()
