"""`make bench-mix`: a Monday morning at national scale (issue 20) — many members of many
gemeenten, in all four roles, reading random key pages at once, with and without a writer that
keeps saving, against the bare view in the same run.

On the landelijk data set of bench/pages.py (gunicorn as configured, PostgreSQL as the
application role with row-level security, Redis as the cache) it logs in every member of
bench/mixlist.py through the login form, then for each mode runs wrk with 10 connections for
`--duration` seconds, each request a random (member, key page) pair (bench/mix.lua). In the
"writer" mode a writer beside it keeps answering invitations (RSVP) as professionals and adding
voortgang to actions as their owners, one save after the other, and times each save (the POST,
not the form it read its tokens from). Printed: throughput as a share of the bare view, read
p50/p95/p99, the writer's p50/p95/p99, the page cache's hit rate (counted by the server in Redis:
PAGE_CACHE_STATS), queries per page (bench/pagelist.py), the load average and the data size.

    python bench/mix.py [--duration 60] [--connections 10] [--workers N] [--scale landelijk]
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (bench/pages.py: the database, the server, logging in)
import redis  # noqa: E402

ROOT = pages.ROOT
LUA = Path(__file__).resolve().parent / "mix.lua"
PASSWORD = "bench-proeftuin"


def resolve(database):
    env = pages.production_env(database)
    out = {}
    for script in ("mixlist.py", "pagelist.py"):
        result = subprocess.run(
            [str(pages.PYTHON), str(ROOT / "bench" / script)],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if result.returncode:
            sys.exit(f"bench/{script} failed:\n{result.stderr}")
        out[script] = json.loads(result.stdout.strip().splitlines()[-1])
    return out["mixlist.py"], out["pagelist.py"]


def data_size(database):
    tables = {
        "gemeenten": "gemeenten_gemeente",
        "members": "gemeenten_lidmaatschap",
        "casussen": "casussen_casus",
        "bijeenkomsten": "bijeenkomsten_bijeenkomst",
        "deelnames": "bijeenkomsten_deelname",
        "verbeteracties": "verbeteracties_verbeteractie",
        "voortgang": "verbeteracties_voortgang",
    }
    return {
        name: int(pages.psql(f"SELECT count(*) FROM {table}", database=database))
        for name, table in tables.items()
    }


def get(path, cookie):
    """A page as the member gets it; a redirect (to the login page) is not followed."""
    request = urllib.request.Request(
        f"{pages.BASE}{path}", headers={"Cookie": cookie, "X-Forwarded-Proto": "https"}
    )
    opener = urllib.request.build_opener(pages._NoRedirect)
    with opener.open(request, timeout=30) as response:
        return response.status, response.read().decode()


def pairs_file(members, cookies):
    """Every (member, page) pair that answers 200, one per line for mix.lua; the others are
    reported (a role that may not open a page is not part of the mix)."""
    lines, refused = [], []
    for member in members:
        for path in member["paths"]:
            try:
                status, _body = get(path, cookies[member["email"]])
            except urllib.error.HTTPError as error:
                status = error.code
            if status == 200:
                lines.append(f"{cookies[member['email']]}\t{path}")
            else:
                refused.append((member["role"], path, status))
    target = pages.STATE / "mix-pairs.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n")
    return target, len(lines), refused


def wrk(path_or_script, connections, duration, *, pairs=None):
    command = [
        "wrk",
        f"-t{min(connections, 2)}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-H",
        "X-Forwarded-Proto: https",
    ]
    if pairs:
        command += ["-s", str(LUA), pages.BASE, "--", str(pairs)]
    else:
        command += ["--latency", f"{pages.BASE}{path_or_script}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    found = re.search(r"^mix p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) non2xx=(\d+)", out, re.M)
    if found:
        result.update(
            p50=float(found.group(1)) / 1000,
            p95=float(found.group(2)) / 1000,
            p99=float(found.group(3)) / 1000,
            errors=int(found.group(4)),
        )
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    result["timeouts"] = int(timeouts.group(1)) if timeouts else 0
    return result


class Writer(threading.Thread):
    """One person after another saving: an RSVP or a voortgang update, back to back with a
    short pause, each POST timed."""

    PAUSE = 0.2

    def __init__(self, targets, cookies):
        super().__init__(daemon=True)
        self.targets, self.cookies = targets, cookies
        self.times, self.failures, self.stop = [], 0, threading.Event()
        self.rng = random.Random(20)  # noqa: S311 - which save comes next, not a secret

    def tokens(self, page, cookie, action):
        _status, html = get(page, cookie)
        form = html[html.index(f'action="{action}"') :]
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        intent = re.search(r'name="intent" value="([^"]+)"', form).group(1)
        return csrf, intent

    def save(self, kind, target):
        cookie = self.cookies[target["email"]]
        csrf, intent = self.tokens(target["page"], cookie, target["post"])
        if kind == "rsvp":
            data = {"antwoord": self.rng.choice(["ja", "nee", "misschien"])}
        else:
            data = {
                "datum": time.strftime("%Y-%m-%d"),
                "licht": self.rng.choice(["op_koers", "aandacht", "achter"]),
                "tekst": "Overleg gehad met de wijkteams over de werkwijze.",
            }
        body = urllib.parse.urlencode(
            {**data, "csrfmiddlewaretoken": csrf, "intent": intent}
        ).encode()
        origin = f"https://127.0.0.1:{pages.PORT}"
        request = urllib.request.Request(
            f"{pages.BASE}{target['post']}",
            data=body,
            headers={
                "Cookie": cookie,
                "X-Forwarded-Proto": "https",
                "Origin": origin,
                "Referer": origin + target["page"],
            },
        )
        opener = urllib.request.build_opener(pages._NoRedirect)
        started = time.perf_counter()
        try:
            opener.open(request, timeout=30)
            status = 200
        except urllib.error.HTTPError as response:
            status = response.code
        elapsed = (time.perf_counter() - started) * 1000
        if status in (200, 302):
            self.times.append(elapsed)
        else:
            self.failures += 1

    def run(self):
        kinds = [("rsvp", t) for t in self.targets["rsvp"]] + [
            ("voortgang", t) for t in self.targets["voortgang"]
        ]
        while not self.stop.is_set():
            self.save(*self.rng.choice(kinds))
            time.sleep(self.PAUSE)


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def cache_counts(client):
    return {k: int(client.get(f":1:paginacache:{k}") or 0) for k in ("hit", "miss")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="landelijk", choices=sorted(pages.GEMEENTEN))
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=0, help="default: gunicorn.conf.py's")
    parser.add_argument(
        "--warmup", type=int, default=20, help="seconds of the mix before measuring (a warm cache)"
    )
    args = parser.parse_args()
    for tool in ("wrk", "psql"):
        if subprocess.run(["which", tool], capture_output=True).returncode:
            sys.exit(f"{tool} is missing (apt install wrk postgresql-client)")
    pages.ensure_roles()
    subprocess.run(
        [str(pages.PYTHON), str(ROOT / "manage.py"), "collectstatic", "--no-input", "-v0"],
        env=pages.production_env("postgres"),
        check=True,
    )
    database = pages.prepare(args.scale, False)
    mix, pagelist = resolve(database)
    mix["size"] = data_size(database)
    roles = sorted({m["role"] for m in mix["members"]})
    print(
        f"{len(mix['members'])} members of {len({m['gemeente'] for m in mix['members']})} "
        f"gemeenten in the roles {', '.join(roles)}; data: {mix['size']}",
        flush=True,
    )
    os.environ["PAGE_CACHE_STATS"] = "1"
    server = pages.Server(database, args.workers or 0)
    if not args.workers:
        server.env.pop("WEB_CONCURRENCY", None)
    server.env.update(PAGE_CACHE_STATS="1", TRUSTED_PROXY_COUNT="1")
    stats = redis.Redis.from_url(pages.REDIS_URL)
    rows = []
    with server:
        emails = {m["email"] for m in mix["members"]}
        emails |= {t["email"] for t in mix["rsvp"] + mix["voortgang"]}
        # Each from an address of its own, as the reverse proxy passes it on (TRUSTED_PROXY_COUNT).
        cookies = {
            email: pages.log_in((email, PASSWORD), f"10.20.{n // 250}.{n % 250 + 1}")
            for n, email in enumerate(sorted(emails))
        }
        pairs, n_pairs, refused = pairs_file(mix["members"], cookies)
        print(f"{n_pairs} (member, page) pairs; not opened by their role: {len(refused)}")
        # A server that has run a while: every worker has met most pages once.
        wrk(None, args.connections, args.warmup, pairs=pairs)
        bare = wrk(pages.BARE, args.connections, args.duration)
        for mode in ("readers", "readers + writer"):
            writer = None
            if mode != "readers":
                writer = Writer(mix, cookies)
                writer.start()
            before = cache_counts(stats)
            load_before = os.getloadavg()[0]
            measured = wrk(None, args.connections, args.duration, pairs=pairs)
            load_after = os.getloadavg()[0]
            after = cache_counts(stats)
            if writer:
                writer.stop.set()
                writer.join()
            hits = after["hit"] - before["hit"]
            misses = after["miss"] - before["miss"]
            rows.append(
                {
                    "mode": mode,
                    **measured,
                    "share": 100 * measured["rps"] / bare["rps"],
                    "hit_rate": 100 * hits / (hits + misses) if hits + misses else float("nan"),
                    "writes": writer.times if writer else [],
                    "write_failures": writer.failures if writer else 0,
                    "load": (load_before, load_after),
                }
            )
            print(f"{mode}: {measured['rps']:.1f} req/s, p99 {measured['p99']:.1f} ms", flush=True)
    report(bare, rows, pagelist, mix, args)


def report(bare, rows, pagelist, mix, args):
    print(
        f"\nbare view: {bare['rps']:.0f} req/s at c={args.connections}; "
        f"{args.duration} s per mode; data {mix['size']}"
    )
    header = (
        f"{'mode':<18} {'req/s':>7} {'% bare':>7} {'p50':>6} {'p95':>6} {'p99':>6} "
        f"{'errors':>6} {'hit %':>6} {'saves':>5} {'save p50':>8} {'save p95':>8} "
        f"{'save p99':>8} {'load':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        w = r["writes"]
        save = (
            f"{len(w):>5} {percentile(w, 0.5):8.1f} {percentile(w, 0.95):8.1f} "
            f"{percentile(w, 0.99):8.1f}"
            if w
            else f"{'':>5} {'':>8} {'':>8} {'':>8}"
        )
        print(
            f"{r['mode']:<18} {r['rps']:7.1f} {r['share']:6.1f}% {r['p50']:6.1f} {r['p95']:6.1f} "
            f"{r['p99']:6.1f} {r['errors'] + r['timeouts']:6d} {r['hit_rate']:5.1f}% {save} "
            f"{r['load'][0]:4.1f}→{r['load'][1]:<4.1f}"
        )
        if r["write_failures"]:
            print(f"  writer: {r['write_failures']} saves did not answer 200/302")
    print("\nqueries per page (facilitator; on an empty cache / cached):")
    for page in pagelist["pages"]:
        print(f"  {page['name']:<24} {page['queries']:3d} / {page['cached']:3d}")
    if rows and rows[-1]["writes"]:
        print(f"\nwriter saves: median {statistics.median(rows[-1]['writes']):.1f} ms")


if __name__ == "__main__":
    main()
