#!/usr/bin/env python3
"""bench/run's driver (stdlib only). Builds nothing itself: bench/run builds the jars first.

Measures, in one run on one machine, Atelier against floors measured in the same run:
HTTP floor (wrk against bench/floor's bare route), database floor (pgbench), then Atelier's load,
create, list and search throughput on PostgreSQL and H2, list/search latency at growing sizes
seeded in bulk, export/import of a 10,000-project workspace under a small heap, start-up and
resident memory, and the extraction benchmark. Writes bench/results/<stamp>.json and .md and
prints the markdown table. See bench/README.md.
"""

import argparse
import base64
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIB = os.path.join(ROOT, "bench", "lib")
JAR = os.path.join(ROOT, "adapters-http", "target", "atelier.jar")
FLOOR_JAR = os.path.join(ROOT, "bench", "floor", "target", "floor.jar")
ADMIN_TOKEN = "bench-admin-token-0123456789abcdef"

PG_HOST = os.environ.get("BENCH_PG_HOST", "127.0.0.1")
PG_PORT = os.environ.get("BENCH_PG_PORT", "5432")
PG_USER = os.environ.get("BENCH_PG_USER", "postgres")
PG_PASSWORD = os.environ.get("BENCH_PG_PASSWORD", "")
DB = os.environ.get("BENCH_DB", "atelier_bench")
PGBENCH_DB = DB + "_pgbench"
PORT_BASE = int(os.environ.get("BENCH_PORT_BASE", "18400"))
PORT_FLOOR, PORT_PG, PORT_H2, PORT_EXPORT = PORT_BASE, PORT_BASE + 1, PORT_BASE + 2, PORT_BASE + 3
# warm-up before every throughput figure: windows of the measured request mix until two consecutive
# windows agree within WARM_AGREE, at most WARM_MAX_S seconds; then the measured window
WARM_MAX_S = int(os.environ.get("BENCH_WARM_SECONDS", "60"))
WARM_AGREE = 0.05
# start-up: each figure is the median of this many starts, each round starting the floor app, then the
# PostgreSQL- and the H2-backed server, one at a time (the machine's load drifts; a ratio to the floor
# of the same round moves less than the absolute figure)
STARTUP_ROUNDS = int(os.environ.get("BENCH_STARTUP_ROUNDS", "5"))
# the JVM options of the documented run commands: README's java -jar (its class-data archive file is
# added per run, below) and the Dockerfile's JAVA_TOOL_OPTIONS (its ENTRYPOINT adds -XX:AOTCache)
README_JAVA_OPTS = ["-Xms64m", "-Xmx384m", "-XX:+AutoCreateSharedArchive"]
IMAGE_JAVA_OPTS = ["-XX:+UseG1GC", "-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"]

# targets of the issue (2 cores, loopback, PostgreSQL)
TARGETS = {
    "load_vs_floor": 0.30,
    "create_vs_floor": 0.15,
    "create_vs_pgbench_insert": 0.25,
    "h2_load_vs_floor": 0.60,
    "h2_create_vs_floor": 0.15,
    "p99_ms": 50.0,
    "search_p95_ms_1m": 25.0,
    "list_created_p95_ms_1m": 10.0,
    "deep_p95_ms_1m": 25.0,
    "startup_ms": 3000,  # java -jar; the image's run command (AOT cache) has 2,000
    "startup_aot_ms": 2000,
    "idle_rss_mb": 300,
    "export_s": 10.0,
    "import_s": 4.0,
}


SCRATCH = []


def scratch(prefix):
    """A temporary directory of this run (jar copies, server logs, H2 data, AOT cache)."""
    d = tempfile.mkdtemp(prefix=prefix)
    SCRATCH.append(d)
    return d


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def pg_env():
    env = dict(os.environ)
    env["PGPASSWORD"] = PG_PASSWORD
    return env


def psql(sql, db=DB, variables=None, file=None):
    cmd = ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-v", "ON_ERROR_STOP=1", "-qAtX"]
    for k, v in (variables or {}).items():
        cmd += ["-v", f"{k}={v}"]
    cmd += ["-f", file] if file else ["-c", sql]
    out = subprocess.run(cmd, env=pg_env(), check=True, capture_output=True, text=True)
    return out.stdout.strip()


def http(method, url, body=None, auth=None, timeout=600, raw=False):
    data = None
    headers = {}
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if auth:
        headers["Authorization"] = auth
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=timeout) as res:
        payload = res.read()
    return payload if raw else json.loads(payload)


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


class Server:
    """A java -jar process on a loopback port; start() returns ms until /health (or /) answers 200."""

    def __init__(self, name, jar, port, env=None, java_opts=(), health="/health", workdir=None):
        self.name, self.jar, self.port, self.health = name, jar, port, health
        # rate limits off: wrk drives one API key far above the default per-credential limit
        # (1,000 requests/s), and the benchmark measures throughput, not the limiter
        self.env = dict(os.environ, MICRONAUT_SERVER_PORT=str(port), ATELIER_RATE_LIMIT_ENABLED="false", **(env or {}))
        self.java_opts = list(java_opts)
        self.workdir = workdir or scratch(prefix=f"atelier-bench-{name}-")
        self.log_path = os.path.join(self.workdir, f"{name}.log")
        self.proc = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=300):
        logf = open(self.log_path, "w")
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            ["java", *self.java_opts, "-jar", self.jar],
            env=self.env,
            cwd=self.workdir,
            stdout=logf,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited during start-up; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + self.health, timeout=2) as res:
                    if res.status == 200:
                        return round((time.monotonic() - t0) * 1000)
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.02)
        raise RuntimeError(f"{self.name} not healthy after {timeout}s; see {self.log_path}")

    def rss(self):
        return rss_mb(self.proc.pid)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def wrk(base, paths, auth=None, method="GET", body=None, threads=2, conns=32, seconds=10):
    env = dict(os.environ, BENCH_PATHS="|".join(paths), BENCH_METHOD=method)
    if auth:
        env["BENCH_AUTH"] = auth
    if body:
        env["BENCH_BODY"] = body
    cmd = ["wrk", f"-t{threads}", f"-c{conns}", f"-d{seconds}s", "--timeout", "30s",
           "-s", os.path.join(LIB, "report.lua"), base]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    result = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
    if result["errors"]:
        log(f"  {result['errors']} errors ({result['non2xx']} non-2xx) on {paths[0]}")
    return result


def warmed(base, paths, auth=None, method="GET", body=None, seconds=10):
    """The warm throughput of one request shape: drives it in windows of `seconds` until two
    consecutive windows' 2xx rates agree within WARM_AGREE (or WARM_MAX_S have passed), then measures
    one more window. A fresh JVM keeps getting faster for a minute or more (JIT compilation, pool and
    cache fill), so a figure taken seconds after start says little about the server in service. The
    first window is kept as the cold figure."""
    windows = []
    t0 = time.monotonic()
    converged = False
    while True:
        windows.append(wrk(base, paths, auth, method, body, seconds=seconds)["rps"])
        if len(windows) >= 2 and abs(windows[-1] - windows[-2]) <= WARM_AGREE * max(windows[-1], windows[-2], 1):
            converged = True
            break
        if time.monotonic() - t0 + seconds > WARM_MAX_S:
            break
    r = wrk(base, paths, auth, method, body, seconds=seconds)
    r["cold_rps"] = windows[0]
    r["warm_windows"] = windows
    r["warm_converged"] = converged
    log(f"  {paths[0][:60]}: cold {windows[0]:.0f}/s, warm-up {' '.join(f'{w:.0f}' for w in windows[1:])}"
        f"{'' if converged else ' (not converged)'}, measured {r['rps']:.0f}/s")
    return r


def pgbench(args, seconds):
    cmd = ["pgbench", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-n", "-c", "32", "-j", "2",
           "-T", str(seconds), *args, PGBENCH_DB]
    out = subprocess.run(cmd, env=pg_env(), check=True, capture_output=True, text=True).stdout
    tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
    lat = re.search(r"latency average = ([0-9.]+) ms", out)
    return {"tps": round(tps, 1), "latency_avg_ms": float(lat.group(1)) if lat else None}


class HeapSampler(threading.Thread):
    """Samples a JVM's used heap (jstat -gc: survivor + eden + old, KiB) and keeps the peak."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self._halt = pid, 0.0, threading.Event()

    def run(self):
        proc = subprocess.Popen(["jstat", "-gc", str(self.pid), "100"], stdout=subprocess.PIPE, text=True)
        header = None
        for line in proc.stdout:
            cols = line.split()
            if not cols:
                continue
            if cols[0] == "S0C":
                header = cols
                continue
            if header and len(cols) == len(header):
                row = dict(zip(header, cols))
                try:
                    used = sum(float(row[k]) for k in ("S0U", "S1U", "EU", "OU"))
                except ValueError:
                    continue
                self.peak_kb = max(self.peak_kb, used)
            if self._halt.is_set():
                break
        proc.terminate()

    def stop(self):
        self._halt.set()
        self.join(5)
        return round(self.peak_kb / 1024, 1)


def ratio(a, b):
    return round(a / b, 3) if a and b else None


def snapshot_jars():
    """Copies the jars to a private directory so that a build during the run cannot change them."""
    global JAR, FLOOR_JAR
    d = scratch(prefix="atelier-bench-jars-")
    JAR = shutil.copy(JAR, os.path.join(d, "atelier.jar"))
    FLOOR_JAR = shutil.copy(FLOOR_JAR, os.path.join(d, "floor.jar"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--throughput-only", action="store_true",
                    help="start-up, throughput and pgbench only: no list/search at size, export/import, extraction")
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES"))
    ap.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "0")))
    ap.add_argument("--skip-extraction", action="store_true", default=os.environ.get("BENCH_SKIP_EXTRACTION") == "1")
    ap.add_argument("--jar-size-before", type=int, default=int(os.environ.get("BENCH_JAR_SIZE_BEFORE", "0")))
    ap.add_argument("--build-seconds", type=float, default=0)
    ap.add_argument("--render", help="print the markdown of a results JSON again (and rewrite its .md)")
    a = ap.parse_args()
    if a.render:
        with open(a.render) as f:
            md = markdown(json.load(f))
        with open(re.sub(r"\.json$", ".md", a.render), "w") as f:
            f.write(md)
        print(md)
        return
    sizes = [int(s) for s in (a.sizes or ("10000" if a.quick else "10000 100000 1000000")).replace(",", " ").split()]
    seconds = a.seconds or (3 if a.quick else 8)
    lat_seconds = max(2, seconds // 2)
    started = time.monotonic()
    snapshot_jars()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    res = {
        "throughput_only": a.throughput_only,
        "stamp": stamp,
        "mode": "quick" if a.quick else "full",
        "machine": machine(),
        "git": git_head(),
        "sizes": sizes,
        "wrk": {"threads": 2, "connections": 32, "seconds": seconds},
        "warm_max_s": WARM_MAX_S,
        "jar": {"bytes": os.path.getsize(JAR), "bytes_before_slimming": a.jar_size_before or None},
        "build_seconds": a.build_seconds,
    }
    servers = []
    ok = False
    try:
        run(a, res, sizes, seconds, lat_seconds, servers)
        ok = True
    finally:
        for s in servers:
            s.stop()
        if ok and os.environ.get("BENCH_KEEP") != "1":
            for d in SCRATCH:
                shutil.rmtree(d, ignore_errors=True)
        else:
            log("servers' logs and data kept in: " + " ".join(SCRATCH))
    res["duration_s"] = round(time.monotonic() - started + a.build_seconds, 1)
    write(res)


def run(a, res, sizes, seconds, lat_seconds, servers):
    log(f"databases {DB} and {PGBENCH_DB} on {PG_HOST}:{PG_PORT} (dropped and made anew)")
    for db in (DB, PGBENCH_DB):
        psql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)', db="postgres")
        psql(f'CREATE DATABASE "{db}"', db="postgres")

    # --- start-up: one server at a time, so that none competes with another's start; every Atelier
    # start uses the README's run command (heap bounds and the class-data archive, which the first
    # start writes as it exits and every later start maps)
    floor = Server("floor", FLOOR_JAR, PORT_FLOOR, health="/")
    servers.append(floor)
    pg_env_vars = {
        "DATASOURCES_DEFAULT_URL": f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{DB}",
        "DATASOURCES_DEFAULT_USERNAME": PG_USER,
        "DATASOURCES_DEFAULT_PASSWORD": PG_PASSWORD,
        "ATELIER_ADMIN_TOKEN": ADMIN_TOKEN,
    }
    jsa = os.path.join(scratch(prefix="atelier-bench-cds-"), "atelier.jsa")
    readme_opts = README_JAVA_OPTS + [f"-XX:SharedArchiveFile={jsa}"]
    pg = Server("postgresql", JAR, PORT_PG, env=pg_env_vars, java_opts=readme_opts)
    servers.append(pg)
    h2dir = scratch(prefix="atelier-bench-h2-")
    h2 = Server("h2", JAR, PORT_H2, env={"ATELIER_DATA_DIR": h2dir, "ATELIER_ADMIN_TOKEN": ADMIN_TOKEN},
                java_opts=readme_opts)
    servers.append(h2)
    log("start-up: PostgreSQL-backed server, first start (migrates an empty database, writes the class-data archive)")
    startup = {"postgresql_first_ms": pg.start()}
    time.sleep(2)
    pg.stop()
    log("start-up: H2-backed server, first start (new database)")
    startup["h2_first_ms"] = h2.start()
    h2.stop()
    startup["cds_archive_mb"] = round(os.path.getsize(jsa) / 1048576, 1) if os.path.exists(jsa) else None
    log(f"start-up: {STARTUP_ROUNDS} rounds of floor, PostgreSQL (migrated database), H2 (migrated database)")
    rounds = {"floor": [], "postgresql": [], "h2": []}
    for _ in range(STARTUP_ROUNDS):
        for name, srv in (("floor", floor), ("postgresql", pg), ("h2", h2)):
            rounds[name].append(srv.start())
            srv.stop()
    startup["rounds"] = rounds
    for name in rounds:
        startup[f"{name}_ms"] = round(statistics.median(rounds[name]))
    for name in ("postgresql", "h2"):
        startup[f"{name}_vs_floor"] = round(statistics.median(
            a / f for a, f in zip(rounds[name], rounds["floor"])), 2)
    # idle memory of the default (the analyzer loads its model on first use)
    for name, srv in (("postgresql", pg), ("h2", h2)):
        srv.start()
        time.sleep(10)
        startup[f"{name}_idle_rss_mb"] = srv.rss()
        srv.stop()
    log("start-up: PostgreSQL-backed server with the opt-in analyzer warm-up (ATELIER_ANALYZER_WARM_UP=true)")
    pg.env["ATELIER_ANALYZER_WARM_UP"] = "true"
    startup["postgresql_warm_up_ms"] = pg.start()
    time.sleep(10)
    startup["postgresql_warm_up_idle_rss_mb"] = pg.rss()
    pg.stop()
    del pg.env["ATELIER_ANALYZER_WARM_UP"]
    if java_feature() >= 25:
        # the image's run command: JDK 25's ahead-of-time cache (JEP 483/514), recorded by one training
        # run under the image's JVM options (scripts/aot-training.sh does the same at image build)
        aot = os.path.join(pg.workdir, "atelier.aot")
        log("start-up with the image's run command (-XX:AOTCache, JDK 25): training run, then measured starts")
        trainer = Server("aot-training", JAR, PORT_PG, env=pg_env_vars,
                         java_opts=IMAGE_JAVA_OPTS + [f"-XX:AOTCacheOutput={aot}"])
        trainer.start()
        http("GET", trainer.base + "/api/projects?limit=5", auth=f"Bearer {ADMIN_TOKEN}")
        trainer.stop()
        pg.java_opts = IMAGE_JAVA_OPTS + [f"-XX:AOTCache={aot}"]
        aot_rounds, floor_rounds = [], []
        for _ in range(STARTUP_ROUNDS):
            floor_rounds.append(floor.start())
            floor.stop()
            aot_rounds.append(pg.start())
            pg.stop()
        startup["aot_rounds"] = {"floor": floor_rounds, "postgresql": aot_rounds}
        startup["postgresql_aot_cache_ms"] = round(statistics.median(aot_rounds))
        startup["postgresql_aot_cache_vs_floor"] = round(statistics.median(
            a / f for a, f in zip(aot_rounds, floor_rounds)), 2)
        pg.start()
        time.sleep(10)
        startup["postgresql_aot_cache_idle_rss_mb"] = pg.rss()
        startup["aot_cache_mb"] = round(os.path.getsize(aot) / 1048576, 1) if os.path.exists(aot) else None
        pg.stop()
    # everything below measures throughput as before, on java -jar without JVM options, so that its
    # figures compare with earlier runs
    pg.java_opts = []
    h2.java_opts = []
    res["floor_startup_ms"] = startup["floor_ms"]
    floor.start()
    pg.start()
    h2.start()
    res["startup"] = startup
    log(f"  {startup}")

    # --- users and a project to load, on both servers
    admin = f"Bearer {ADMIN_TOKEN}"
    ctx = {}
    for name, srv in (("postgresql", pg), ("h2", h2)):
        keys = {}
        for who in ("alice", "bob"):
            u = http("POST", srv.base + "/api/v1/admin/users", {"email": f"{who}@example.com", "name": who.title(),
                                                                "organization": "acme"}, auth=admin)["data"]
            keys[who] = (u["user_id"], "Bearer " + u["api_key"])
        auth = keys["alice"][1]
        p = http("POST", srv.base + "/api/v1/projects/workspace_id/save",
                 {"project": {"name": "Financial Risk Analysis", "description": "Project for analyzing financial risk",
                              "metadata": {"department": "risk_management", "priority": "high"}}}, auth=auth)["data"]
        ctx[name] = {"srv": srv, "alice": keys["alice"], "project": p["project_id"]}

    # --- HTTP floor and Atelier's throughput, same wrk settings
    log("HTTP floor: bare route")
    res["floor"] = {"bare_route": warmed(floor.base, ["/"], seconds=seconds)}
    res["floor"]["atelier_health"] = warmed(pg.base, ["/health"], seconds=seconds)
    floor_rps = res["floor"]["bare_route"]["rps"]
    log(f"  floor {floor_rps:.0f}/s, Atelier /health {res['floor']['atelier_health']['rps']:.0f}/s")
    throughput = {}
    for name in ("postgresql", "h2"):
        c = ctx[name]
        base, auth, pid = c["srv"].base, c["alice"][1], c["project"]
        t = {}
        log(f"{name}: load, list, search, create ({seconds}s each)")
        t["load"] = warmed(base, [f"/api/v1/projects/workspace_id/load?project_id={pid}&scope=user"], auth,
                           seconds=seconds)
        t["list_v1"] = warmed(base, ["/api/v1/projects/workspace_id/list?scopes=user,organization&limit=20"], auth,
                              seconds=seconds)
        t["search_resource"] = warmed(base, ["/api/projects?limit=20&search=risk"], auth, seconds=seconds)
        t["create"] = warmed(base, ["/api/v1/projects/workspace_id/save"], auth, method="POST",
                             body='{"project": {"name": "Bench project %n", "description": "made by bench/run",'
                                  ' "metadata": {"department": "bench"}}}', seconds=seconds)
        for k, v in t.items():
            v["vs_floor"] = ratio(v["rps"], floor_rps)
        throughput[name] = t
        log("  " + ", ".join(f"{k} {v['rps']:.0f}/s ({v['vs_floor']}x)" for k, v in t.items()))
    throughput["postgresql"]["rss_after_load_mb"] = pg.rss()
    # the warm-up's creates would otherwise swell the user's own projects in the list measurements
    psql("DELETE FROM projects WHERE description = 'made by bench/run'")
    throughput["h2"]["rss_after_load_mb"] = h2.rss()
    res["throughput"] = throughput
    log("first offline analysis (create-from-context; loads the embedding model unless warmed up)")
    t0 = time.monotonic()
    analysis = create_from_context(pg.base, ctx["postgresql"]["alice"][1])
    res["first_analysis"] = {"ms": round((time.monotonic() - t0) * 1000), "status": analysis.get("status"),
                             "name": analysis.get("data", {}).get("name"), "rss_after_mb": pg.rss()}
    t0 = time.monotonic()
    create_from_context(pg.base, ctx["postgresql"]["alice"][1])
    res["first_analysis"]["second_ms"] = round((time.monotonic() - t0) * 1000)
    log(f"  {res['first_analysis']}")
    h2.stop()
    floor.stop()

    # --- database floor
    log("pgbench: single-row insert and primary-key select, 32 clients")
    psql("CREATE TABLE bench_rows (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now())",
         db=PGBENCH_DB)
    script = os.path.join(scratch(prefix="atelier-bench-pgbench-"), "insert.sql")
    with open(script, "w") as f:
        f.write("INSERT INTO bench_rows (name) VALUES ('bench row');\n")
    subprocess.run(["pgbench", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-i", "-q", "-s", "1", PGBENCH_DB],
                   env=pg_env(), check=True, capture_output=True)
    res["pgbench"] = {"insert": pgbench(["-f", script], seconds), "select_pk": pgbench(["-S"], seconds)}
    pgt = res["pgbench"]
    pgt["create_vs_insert"] = ratio(throughput["postgresql"]["create"]["rps"], pgt["insert"]["tps"])
    pgt["load_vs_select"] = ratio(throughput["postgresql"]["load"]["rps"], pgt["select_pk"]["tps"])
    log(f"  insert {pgt['insert']['tps']:.0f} tps, select {pgt['select_pk']['tps']:.0f} tps")

    if a.throughput_only:
        res["mode"] += "-throughput"
        return

    # --- list and search latency at growing sizes (seeded in bulk)
    alice_id, auth = ctx["postgresql"]["alice"]
    alice_ws = psql(f"SELECT id FROM workspaces WHERE owner_id = '{alice_id}' AND is_default")
    scale = []
    have = 0
    for size in sizes:
        log(f"seeding to {size:,} projects")
        t0 = time.monotonic()
        seed(have, size, alice_id, alice_ws)
        have = size
        seed_s = round(time.monotonic() - t0, 1)
        total = int(psql("SELECT count(*) FROM projects"))
        row = {"size": size, "projects": total, "seed_s": seed_s, "queries": {}}
        # the list's total is counted only up to a window past the page, so the size of the visible
        # set comes from SQL: her own projects plus the others' projects she is a member of
        visible = int(psql(f"SELECT (SELECT count(*) FROM projects WHERE owner_id = '{alice_id}')"
                           f" + (SELECT count(*) FROM project_members m JOIN projects p ON p.id = m.project_id"
                           f" WHERE m.user_id = '{alice_id}' AND p.owner_id <> '{alice_id}')"))
        row["alice_visible_resource"] = visible
        row["alice_visible_resource_total_field"] = http("GET", pg.base + "/api/projects?limit=1", auth=auth)["total"]
        deep = min(visible // 2, 100_000)
        # the keyset page at the same depth: the cursor that the page just before it hands out
        deep_cursor = http("GET", pg.base + f"/api/projects?limit=20&offset={max(deep - 20, 0)}",
                           auth=auth)["next_cursor"]
        queries = {
            "resource list created_at desc": ["/api/projects?limit=20"],
            "resource list created_at asc": ["/api/projects?limit=20&sort_direction=asc"],
            "resource list name": ["/api/projects?limit=20&sort_field=name&sort_direction=asc"],
            "resource list dataset_count": ["/api/projects?limit=20&sort_field=dataset_count"],
            "resource list model_count": ["/api/projects?limit=20&sort_field=model_count"],
            "resource list experiment_count": ["/api/projects?limit=20&sort_field=experiment_count"],
            "resource search (frequent words)": ["/api/projects?limit=20&search=fraud",
                                                 "/api/projects?limit=20&search=demand%20forecast",
                                                 "/api/projects?limit=20&search=sentiment"],
            "resource search (rare: one batch)": [f"/api/projects?limit=20&search=batch%20{size - 3}%2C",
                                                  f"/api/projects?limit=20&search=batch%20{size // 2 + 1}%2C"],
            "resource search (no match)": ["/api/projects?limit=20&search=zeppelin"],
            "resource search name sort": ["/api/projects?limit=20&search=fraud&sort_field=name&sort_direction=asc"],
            f"resource list deep offset {deep:,}": [f"/api/projects?limit=20&offset={deep}"],
            f"resource list deep cursor {deep:,}": [f"/api/projects?limit=20&cursor={deep_cursor}"],
            "v1 list user,organization": ["/api/v1/projects/workspace_id/list?scopes=user,organization&limit=20"],
            "v1 list user": ["/api/v1/projects/workspace_id/list?scopes=user&limit=20"],
            f"v1 list deep offset {deep:,}": [f"/api/v1/projects/workspace_id/list?scopes=user&limit=20&offset={deep}"],
        }
        if size <= 10_000:  # the labeling dialect's list is unpaged by contract: every visible project
            queries["labeling list (unpaged)"] = ["/v1/projects"]
        for label, paths in queries.items():
            lab_auth = auth
            if label.startswith("labeling"):
                key = auth.split(" ", 1)[1]
                lab_auth = "Basic " + base64.b64encode(f"{key}:".encode()).decode()
            r = wrk(pg.base, paths, lab_auth, threads=1, conns=2, seconds=lat_seconds)
            if r["requests"] < 3:  # slower than the window: time a few sequential requests instead
                r = sequential(pg.base, paths, lab_auth)
            row["queries"][label] = {k: r.get(k) for k in ("p50_ms", "p95_ms", "p99_ms", "rps", "requests", "errors",
                                                            "sequential")}
            log(f"  {size:>9,} {label:<40} p50 {r['p50_ms']:8.2f} ms  p95 {r['p95_ms']:8.2f} ms")
        scale.append(row)
    res["scale"] = scale
    pg.stop()

    try:
        exchange(res, pg_env_vars, alice_id, auth, servers)
    except Exception as e:  # noqa: BLE001 - one failed section must not lose the others
        log(f"  export/import failed: {e}")
        res["exchange_error"] = str(e)

    # --- extraction (the analyzer issue's benchmark)
    if not a.skip_extraction:
        extraction(a, res)


def exchange(res, pg_env_vars, alice_id, auth, servers):
    """Export and import of a 10,000-project workspace by a server started with -Xmx256m."""
    log("export/import of a 10,000-project workspace (-Xmx256m)")
    psql("", variables={"alice": alice_id, "count": 10000}, file=os.path.join(LIB, "seed-export.sql"))
    psql("ANALYZE")
    ex = Server("export", JAR, PORT_EXPORT, env=pg_env_vars, java_opts=["-Xmx256m"])
    servers.append(ex)
    ex.start()
    sampler = HeapSampler(ex.proc.pid)
    sampler.start()
    time.sleep(1)
    t0 = time.monotonic()
    body = http("POST", ex.base + "/api/v1/projects/bench-export-ws/export-workspace", {"scope": "user"},
                auth=auth, raw=True)
    export_s = round(time.monotonic() - t0, 2)
    export_heap = sampler.stop()
    data = json.loads(body)["data"]
    exported = len(data["tables"]["projects"])
    imp = json.dumps({"scope": "user", "workspace_id": "bench-import-ws", "export_data": data}).encode()
    sampler = HeapSampler(ex.proc.pid)
    sampler.start()
    time.sleep(1)
    t0 = time.monotonic()
    summary = http("POST", ex.base + "/api/v1/projects/bench-import-ws/import-workspace", imp, auth=auth)
    import_s = round(time.monotonic() - t0, 2)
    import_heap = sampler.stop()
    imported = int(psql("SELECT count(*) FROM projects WHERE workspace_id = 'bench-import-ws'"))
    res["exchange"] = {"xmx": "256m", "projects": exported, "export_bytes": len(body), "export_s": export_s,
                       "export_peak_heap_mb": export_heap, "import_s": import_s, "import_peak_heap_mb": import_heap,
                       "imported_projects": imported, "import_status": summary.get("status")}
    log(f"  {res['exchange']}")
    ex.stop()


def extraction(a, res):
    """bench/extraction/run.sh: Atelier's PDF extraction against pdftotext on a generated corpus."""
    log("extraction: bench/extraction/run.sh")
    files, pages, rounds, runs = (10, 5, 1, 5) if a.quick else (20, 10, 2, 10)
    out = subprocess.run(["bash", os.path.join(ROOT, "bench", "extraction", "run.sh"), str(files), str(pages),
                          str(rounds), str(runs)], capture_output=True, text=True)
    text = out.stdout + "\n" + out.stderr  # run.sh tees Atelier's line to stderr
    ours = re.search(r"^atelier .*files_per_s=([0-9.]+)", text, re.M)
    theirs = re.search(r"^pdftotext .*files_per_s=([0-9.]+)", text, re.M)
    res["extraction"] = {
        "files": files, "pages": pages, "rounds": rounds,
        "atelier_files_per_s": float(ours.group(1)) if ours else None,
        "pdftotext_files_per_s": float(theirs.group(1)) if theirs else None,
        "analyzer": next((line for line in text.splitlines() if line.startswith("offline-analyzer")), None),
        "exit": out.returncode,
    }
    res["extraction"]["ratio"] = ratio(res["extraction"]["atelier_files_per_s"],
                                       res["extraction"]["pdftotext_files_per_s"])
    if out.returncode:
        log("  extraction benchmark failed: " + (out.stderr or "")[-500:])


def sequential(base, paths, auth, samples=3, budget_s=40):
    """Latency of queries too slow for a wrk window: up to `samples` requests one after the other."""
    times = []
    t_end = time.monotonic() + budget_s
    errors = 0
    for i in range(samples):
        t0 = time.monotonic()
        try:
            http("GET", base + paths[i % len(paths)], auth=auth, timeout=120, raw=True)
        except (urllib.error.URLError, OSError):
            errors += 1
        times.append((time.monotonic() - t0) * 1000)
        if time.monotonic() > t_end:
            break
    times.sort()
    pick = lambda q: round(times[min(len(times) - 1, int(q * len(times)))], 3)  # noqa: E731
    return {"requests": len(times), "seconds": round(sum(times) / 1000, 3), "rps": round(len(times) / (sum(times) / 1000), 2),
            "p50_ms": pick(0.5), "p95_ms": times[-1], "p99_ms": times[-1], "max_ms": times[-1], "errors": errors,
            "non2xx": errors, "sequential": True}


def create_from_context(base, auth):
    """One v1 create-from-context with a context and a small CSV (multipart), as the README shows."""
    boundary = "atelierbench" + str(time.time_ns())
    parts = [("context", None, b"Analyze customer purchase patterns and identify high-value segments for "
                                b"targeted marketing campaigns"),
             ("scope", None, b"user"),
             ("files", "customer_data.csv", b"customer_id,segment,lifetime_value\n1,gold,1200\n2,silver,300\n")]
    body = b""
    for name, filename, value in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        if filename:
            body += b"Content-Type: text/csv\r\n"
        body += b"\r\n" + value + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    req = urllib.request.Request(base + "/api/v1/projects/workspace_id/create-from-context", data=body, method="POST",
                                 headers={"Authorization": auth,
                                          "Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=300) as res:
        return json.loads(res.read())


def seed(have, size, alice_id, alice_ws):
    """Adds projects have+1..size; above 50,000 new rows the projects indexes are dropped and rebuilt."""
    bulk = size - have > 50_000
    indexes = []
    if bulk:
        rows = psql("SELECT indexname || '|' || indexdef FROM pg_indexes WHERE tablename = 'projects' "
                    "AND indexname NOT IN (SELECT conname FROM pg_constraint)")
        indexes = [line.split("|", 1) for line in rows.splitlines() if line]
        for name, _ in indexes:
            psql(f'DROP INDEX "{name}"')
    step = 250_000
    for lo in range(have, size, step):
        psql("", variables={"from": lo, "to": min(size, lo + step), "alice": alice_id, "alice_ws": alice_ws},
             file=os.path.join(LIB, "seed.sql"))
    if bulk:
        for _, definition in indexes:
            psql(f"SET maintenance_work_mem = '512MB'; {definition}")
    # production runs autovacuum, which vacuums a table after a bulk load like this one and so
    # fills its visibility map: without it (autovacuum is off on the bench's cluster) every
    # index-only scan checks each entry in the table (a deep offset read 49,000 buffers instead
    # of 3,000). VACUUM, one statement per call: it cannot run inside psql's multi-statement transaction.
    psql("VACUUM (ANALYZE) projects")
    psql("VACUUM (ANALYZE) project_members")


def java_feature():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "(\d+)', out)
    return int(m.group(1)) if m else 0


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) // 1024 // 1024} GiB"
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    pgv = psql("SHOW server_version", db="postgres")
    return {"host": platform.node(), "cpus": os.cpu_count(), "cpu": cpu, "memory": mem, "kernel": platform.release(),
            "java": java, "postgresql": pgv, "load_average_at_start": os.getloadavg()}


def git_head():
    out = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return out.stdout.strip() or None


def verdict(value, target, higher_is_better=True):
    if value is None:
        return "not measured"
    if value == float("inf"):
        return "MISSED (no answer within the measurement window)"
    ok = value >= target if higher_is_better else value < target
    if ok:
        return "met"
    if higher_is_better:
        return f"MISSED by {round((1 - value / target) * 100)} % (needs {round(target / value, 2)}x)"
    return f"MISSED by {round((value / target - 1) * 100)} % ({value:,.1f} vs < {target:g})"


def write(res):
    out_dir = os.path.join(ROOT, "bench", "results")
    os.makedirs(out_dir, exist_ok=True)
    md = markdown(res)
    with open(os.path.join(out_dir, f"{res['stamp']}.json"), "w") as f:
        json.dump(res, f, indent=2)
    with open(os.path.join(out_dir, f"{res['stamp']}.md"), "w") as f:
        f.write(md)
    latest = "latest" if res["mode"] == "full" else f"latest-{res['mode']}"  # quick runs keep latest.* full
    with open(os.path.join(out_dir, f"{latest}.json"), "w") as f:
        json.dump(res, f, indent=2)
    with open(os.path.join(out_dir, f"{latest}.md"), "w") as f:
        f.write(md)
    print(md)
    log(f"results: bench/results/{res['stamp']}.json and .md (also {latest}.*)")


def cold(v):
    return f"{v['cold_rps']:,.0f}" if v.get("cold_rps") is not None else "–"


def latency_cell(q):
    if not q:
        return "–"
    if not q.get("requests"):  # no answer within the measurement window (wrk drops unfinished requests)
        return "no answer in window"
    return f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f}" + (f" ({q['requests']} seq.)" if q.get("sequential") else "")


def markdown(res):
    m = res["machine"]
    lines = [f"# bench/run {res['stamp']} ({res['mode']}, git {res['git']})", "",
             f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory']}, Linux {m['kernel']}, {m['java']}, "
             f"PostgreSQL {m['postgresql']}; load average at start {', '.join(f'{x:.1f}' for x in m['load_average_at_start'])}. "
             f"wrk {res['wrk']['threads']} threads, {res['wrk']['connections']} connections, {res['wrk']['seconds']} s "
             f"per throughput figure; latency figures with 1 thread, 2 connections. "
             f"Run took {res.get('duration_s')} s.", ""]
    checks = []
    fl = res.get("floor", {})
    floor_rps = fl.get("bare_route", {}).get("rps")
    if floor_rps:
        lines += ["## Throughput against the floors", "",
                  "Warm figures: each shape is driven until two consecutive windows agree within 5 % (at most "
                  f"{res.get('warm_max_s', 60)} s), then measured for one more window; *cold* is the first window "
                  "after start. Requests/s count 2xx answers only.", "",
                  "| what | requests/s (warm) | cold first window /s | p50 ms | p99 ms | × HTTP floor | errors |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
                  f"| HTTP floor: bare Micronaut route (bench/floor) | {floor_rps:,.0f} | {cold(fl['bare_route'])} | "
                  f"{fl['bare_route']['p50_ms']:.2f} | {fl['bare_route']['p99_ms']:.2f} | 1.00 | {fl['bare_route']['errors']} |",
                  f"| Atelier `/health` (for reference) | {fl['atelier_health']['rps']:,.0f} | {cold(fl['atelier_health'])} | "
                  f"{fl['atelier_health']['p50_ms']:.2f} | "
                  f"{fl['atelier_health']['p99_ms']:.2f} | {ratio(fl['atelier_health']['rps'], floor_rps)} | "
                  f"{fl['atelier_health']['errors']} |"]
        for db, t in res.get("throughput", {}).items():
            for k in ("load", "create", "list_v1", "search_resource"):
                v = t[k]
                lines.append(f"| {db}: {k} | {v['rps']:,.0f} | {cold(v)} | {v['p50_ms']:.2f} | {v['p99_ms']:.2f} | "
                             f"{v['vs_floor']} | {v['errors']} |")
        pgb = res.get("pgbench", {})
        if pgb:
            lines += ["", "| database floor (pgbench, 32 clients) | TPS | Atelier on PostgreSQL | ratio |",
                      "| --- | ---: | --- | ---: |",
                      f"| single-row insert | {pgb['insert']['tps']:,.0f} | create | {pgb['create_vs_insert']} |",
                      f"| primary-key select | {pgb['select_pk']['tps']:,.0f} | load | {pgb['load_vs_select']} |"]
        t = res["throughput"]["postgresql"]
        checks += [("load ≥ 0.3 × floor (PostgreSQL)", t["load"]["vs_floor"],
                    verdict(t["load"]["vs_floor"], TARGETS["load_vs_floor"])),
                   ("create ≥ 0.15 × floor (PostgreSQL)", t["create"]["vs_floor"],
                    verdict(t["create"]["vs_floor"], TARGETS["create_vs_floor"]))]
        if pgb:
            checks.append(("create ≥ 0.25 × pgbench insert", pgb["create_vs_insert"],
                           verdict(pgb["create_vs_insert"], TARGETS["create_vs_pgbench_insert"])))
        h = res["throughput"].get("h2")
        if h:
            checks += [("load ≥ 0.6 × floor (H2)", h["load"]["vs_floor"],
                        verdict(h["load"]["vs_floor"], TARGETS["h2_load_vs_floor"])),
                       ("create ≥ 0.15 × floor (H2)", h["create"]["vs_floor"],
                        verdict(h["create"]["vs_floor"], TARGETS["h2_create_vs_floor"]))]
        for db, tt in res["throughput"].items():
            for k in ("load", "create"):
                checks.append((f"{db} {k} p99 < 50 ms (32 connections)", tt[k]["p99_ms"],
                               verdict(tt[k]["p99_ms"], TARGETS["p99_ms"], False)))
    scale = res.get("scale", [])
    if scale:
        lines += ["", "## List and search latency (PostgreSQL, through HTTP, as a user who sees "
                      "her own, organization and shared projects)", ""]
        header = "| query | " + " | ".join(f"{r['size']:,}: p50 / p95 ms" for r in scale) + " |"
        lines += [header, "| --- |" + " ---: |" * len(scale)]
        labels = []
        for r in scale:
            for label in r["queries"]:
                key = re.sub(r" [0-9,]+$", "", label)
                if key not in labels:
                    labels.append(key)
        for key in labels:
            cells = []
            for r in scale:
                q = next((v for lab, v in r["queries"].items() if re.sub(r" [0-9,]+$", "", lab) == key), None)
                cells.append(latency_cell(q))
            lines.append(f"| {key} | " + " | ".join(cells) + " |")
        lines.append("| (projects in the database / visible to the user in the resource list) | " + " | ".join(
            f"{r['projects']:,} / {r['alice_visible_resource']:,}" for r in scale) + " |")
        lines.append("| (seeding time, s) | " + " | ".join(f"{r['seed_s']}" for r in scale) + " |")
        big = next((r for r in scale if r["size"] >= 1_000_000), None)
        if big:
            search_p95 = max(v["p95_ms"] if v.get("requests") else float("inf")
                             for k, v in big["queries"].items() if k.startswith("resource search"))
            lq = big["queries"]["resource list created_at desc"]
            list_p95 = lq["p95_ms"] if lq.get("requests") else float("inf")
            deep_p95 = max(v["p95_ms"] if v.get("requests") else float("inf")
                           for k, v in big["queries"].items() if "deep" in k)
            list_all_p95 = max(v["p95_ms"] if v.get("requests") else float("inf")
                               for k, v in big["queries"].items() if k.startswith("resource list") and "deep" not in k)
            checks += [("search p95 < 25 ms at 1M", search_p95, verdict(search_p95, TARGETS["search_p95_ms_1m"], False)),
                       ("deep page p95 < 25 ms at 1M", deep_p95, verdict(deep_p95, TARGETS["deep_p95_ms_1m"], False)),
                       ("every resource list sort p95 < 10 ms at 1M", list_all_p95,
                        verdict(list_all_p95, TARGETS["list_created_p95_ms_1m"], False)),
                       ("list by created_at p95 < 10 ms at 1M", list_p95,
                        verdict(list_p95, TARGETS["list_created_p95_ms_1m"], False))]
        else:
            checks.append(("search/list p95 at 1M", None, "not measured (quick mode)"))
    ex = res.get("exchange")
    if ex:
        lines += ["", "## Export and import of a 10,000-project workspace (PostgreSQL, -Xmx256m)", "",
                  "| step | time s | peak heap MiB | detail |", "| --- | ---: | ---: | --- |",
                  f"| export-workspace | {ex['export_s']} | {ex['export_peak_heap_mb']} | {ex['projects']:,} projects, "
                  f"{ex['export_bytes'] / 1048576:.1f} MiB of JSON |",
                  f"| import-workspace | {ex['import_s']} | {ex['import_peak_heap_mb']} | {ex['imported_projects']:,} projects imported |"]
        checks.append(("export of 10,000 projects < 10 s in -Xmx256m", ex["export_s"],
                       verdict(ex["export_s"], TARGETS["export_s"], False)))
        checks.append(("import of 10,000 projects < 4 s", ex["import_s"],
                       verdict(ex["import_s"], TARGETS["import_s"], False)))
    st = res.get("startup")
    if st:
        t = res["throughput"]
        lines += ["", "## Start-up and memory", "",
                  f"Start-ups with the documented run commands, one server at a time; medians of "
                  f"{len(st.get('rounds', {}).get('floor', [])) or 1} rounds, each round starting the floor app, "
                  f"then Atelier (× floor: median of the per-round ratios).", "",
                  "| server | to first healthy answer ms | × floor | RSS idle MiB | RSS after the load above MiB |",
                  "| --- | ---: | ---: | ---: | ---: |",
                  f"| PostgreSQL, empty database (migrations run; writes the class-data archive) | "
                  f"{st['postgresql_first_ms']:,} | | | |",
                  f"| H2, new database | {st['h2_first_ms']:,} | | | |",
                  f"| PostgreSQL, migrated database, README command (`java -Xms64m -Xmx384m -XX:+AutoCreateSharedArchive`, "
                  f"{st.get('cds_archive_mb')} MiB archive) | {st['postgresql_ms']:,} | {st['postgresql_vs_floor']} | "
                  f"{st['postgresql_idle_rss_mb']} | {t['postgresql']['rss_after_load_mb']} |",
                  f"| H2, migrated database, README command | {st['h2_ms']:,} | {st['h2_vs_floor']} | "
                  f"{st['h2_idle_rss_mb']} | {t['h2']['rss_after_load_mb']} |",
                  f"| PostgreSQL, README command, `ATELIER_ANALYZER_WARM_UP=true` (opt-in) | "
                  f"{st['postgresql_warm_up_ms']:,} | | {st['postgresql_warm_up_idle_rss_mb']} | |"]
        if st.get("postgresql_aot_cache_ms"):
            lines.append(f"| PostgreSQL, migrated database, the image's command (`-XX:AOTCache`, {st['aot_cache_mb']} MiB "
                         f"cache) | {st['postgresql_aot_cache_ms']:,} | {st['postgresql_aot_cache_vs_floor']} | "
                         f"{st['postgresql_aot_cache_idle_rss_mb']} | |")
        lines.append(f"| bench/floor (bare Micronaut) | {st['floor_ms']:,} | 1 | | |")
        lines += ["", "The throughput servers above run `java -jar` without JVM options, as in earlier runs; "
                      "the last column is theirs."]
        fa = res.get("first_analysis")
        if fa:
            lines += ["", f"First offline analysis after start (create-from-context; loads the embedding model): "
                          f"{fa['ms']:,} ms, the next one {fa['second_ms']:,} ms; RSS afterwards {fa['rss_after_mb']} MiB."]
        checks += [("start-up < 3 s to healthy, README command (PostgreSQL)", st["postgresql_ms"],
                    verdict(st["postgresql_ms"], TARGETS["startup_ms"], False)),
                   ("start-up < 3 s to healthy, README command (H2)", st["h2_ms"],
                    verdict(st["h2_ms"], TARGETS["startup_ms"], False)),
                   ("idle RSS < 300 MB (PostgreSQL, the default)", st["postgresql_idle_rss_mb"],
                    verdict(st["postgresql_idle_rss_mb"], TARGETS["idle_rss_mb"], False)),
                   ("idle RSS < 300 MB (H2, the default)", st["h2_idle_rss_mb"],
                    verdict(st["h2_idle_rss_mb"], TARGETS["idle_rss_mb"], False))]
        if st.get("postgresql_aot_cache_ms"):
            checks.append(("start-up < 2 s to healthy, the image's command (AOT cache)",
                           st["postgresql_aot_cache_ms"],
                           verdict(st["postgresql_aot_cache_ms"], TARGETS["startup_aot_ms"], False)))
    jar = res["jar"]
    lines += ["", "## Runnable jar", "", f"`adapters-http/target/atelier.jar`: {jar['bytes'] / 1048576:.1f} MiB"
              + (f" (before the shade excludes: {jar['bytes_before_slimming'] / 1048576:.1f} MiB)"
                 if jar.get("bytes_before_slimming") else "")]
    exr = res.get("extraction")
    if exr:
        lines += ["", "## Extraction (bench/extraction/run.sh)", "",
                  f"Atelier {exr['atelier_files_per_s']} files/s, pdftotext {exr['pdftotext_files_per_s']} files/s "
                  f"({exr['files']} PDFs × {exr['pages']} pages, {exr['rounds']} rounds): ratio {exr['ratio']} "
                  f"(above 1: Atelier faster). Analyzer: {exr['analyzer']}"]
    if checks:
        lines += ["", "## Targets", "", "| target | measured | verdict |", "| --- | ---: | --- |"]
        lines += [f"| {n} | {round(v, 3) if isinstance(v, float) else v} | {d} |" for n, v, d in checks]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
