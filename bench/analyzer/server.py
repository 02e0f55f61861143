#!/usr/bin/env python3
"""First analysis after start and warm analysis latency, measured on the real server jar.

Usage: server.py JAR CASE_DIR [PORT]   (bench/analyzer/run --server calls it)

For each setting of atelier.analyzer.warm-up (true, then false: the default) the jar is started
twice on a loopback port with an empty H2 data directory of its own:

  A. the first create-from-context request is sent the moment /health first answers 200: wall time
     and the server process's CPU time (user + system, all threads, from /proc) for that request;
     then 10 warm-up requests and 50 timed ones: p50 / p95 wall and CPU per request;
  B. the server is left idle for IDLE_SECONDS after its first healthy answer: resident memory then
     (idle RSS), CPU spent while idle (the background warm-up), and the first request after that.

Every figure is printed with the machine's load average, because wall times on a shared machine
say little; CPU times do not depend on the load. Requests: POST /api/projects/analyze with the
timing case's context and its 3-page PDF (multipart), as the bootstrap administrator.
"""
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

TOKEN = "bench-analyzer-admin-token-0123456789"
IDLE_SECONDS = int(os.environ.get("BENCH_IDLE_SECONDS", "20"))
WARM_RUNS = int(os.environ.get("BENCH_WARM_RUNS", "50"))
TICK = os.sysconf("SC_CLK_TCK")


def load():
    return "%.1f" % os.getloadavg()[0]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime (fields 14 and 15)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def multipart(context, filename, data):
    boundary = uuid.uuid4().hex
    parts = [
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"context\"\r\n\r\n{context}\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{filename}\"\r\n"
        f"Content-Type: application/pdf\r\n\r\n".encode() + data + b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Server:
    def __init__(self, jar, port, warm_up):
        self.port = port
        self.data = tempfile.mkdtemp(prefix="atelier-analyzer-bench-")
        env = dict(os.environ)
        env.update({
            "MICRONAUT_SERVER_PORT": str(port),
            "MICRONAUT_SERVER_HOST": "127.0.0.1",
            "ATELIER_DATA_DIR": self.data,
            "ATELIER_ADMIN_TOKEN": TOKEN,
            "ATELIER_ANALYZER_WARM_UP": "true" if warm_up else "false",
            "ATELIER_LOG_FORMAT": "text",
        })
        self.log = open(os.path.join(self.data, "server.log"), "w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(["java", "-jar", jar], env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_healthy(self, timeout=180):
        while time.monotonic() - self.started < timeout:
            if self.proc.poll() is not None:
                raise SystemExit(f"server exited with {self.proc.returncode}; log: {self.log.name}")
            try:
                with urllib.request.urlopen(self.url("/health"), timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        raise SystemExit(f"not healthy after {timeout} s; log: {self.log.name}")

    def analyze(self, body, content_type):
        req = urllib.request.Request(self.url("/api/projects/analyze"), data=body, method="POST")
        req.add_header("Content-Type", content_type)
        req.add_header("Authorization", "Bearer " + TOKEN)
        start = time.monotonic()
        with urllib.request.urlopen(req, timeout=120) as r:
            answer = json.loads(r.read())
            if r.status != 200:
                raise SystemExit(f"analyze answered {r.status}")
        return time.monotonic() - start, answer

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


def first_at_once(jar, port, warm_up, body, ctype):
    s = Server(jar, port, warm_up)
    try:
        healthy = s.wait_healthy()
        cpu_healthy = cpu_seconds(s.proc.pid)
        rss_healthy = rss_mb(s.proc.pid)
        load_at = load()
        wall, answer = s.analyze(body, ctype)
        cpu_first = cpu_seconds(s.proc.pid) - cpu_healthy
        for _ in range(10):
            s.analyze(body, ctype)
        walls = []
        cpu0 = cpu_seconds(s.proc.pid)
        for _ in range(WARM_RUNS):
            walls.append(s.analyze(body, ctype)[0])
        cpu_warm = (cpu_seconds(s.proc.pid) - cpu0) / WARM_RUNS
        walls.sort()
        return {
            "healthy_s": healthy, "cpu_to_healthy_s": cpu_healthy, "rss_at_healthy_mb": rss_healthy,
            "first_wall_s": wall, "first_cpu_s": cpu_first, "load_first": load_at,
            "name": answer["draft"]["name"],
            "warm_p50_ms": 1000 * walls[len(walls) // 2], "warm_p95_ms": 1000 * walls[int(0.95 * (len(walls) - 1))],
            "warm_cpu_ms": 1000 * cpu_warm, "load_warm": load(), "rss_after_mb": rss_mb(s.proc.pid),
        }
    finally:
        s.stop()


def first_after_idle(jar, port, warm_up, body, ctype):
    s = Server(jar, port, warm_up)
    try:
        s.wait_healthy()
        cpu_healthy = cpu_seconds(s.proc.pid)
        time.sleep(IDLE_SECONDS)
        idle_cpu = cpu_seconds(s.proc.pid) - cpu_healthy
        idle_rss = rss_mb(s.proc.pid)
        load_at = load()
        cpu0 = cpu_seconds(s.proc.pid)
        wall, _ = s.analyze(body, ctype)
        return {
            "idle_rss_mb": idle_rss, "idle_cpu_s": idle_cpu, "first_after_idle_wall_s": wall,
            "first_after_idle_cpu_s": cpu_seconds(s.proc.pid) - cpu0, "load_idle": load_at,
        }
    finally:
        s.stop()


def main():
    jar, case_dir = sys.argv[1], sys.argv[2]
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 18431
    context = open(os.path.join(case_dir, "context.txt")).read()
    pdf = next(f for f in os.listdir(case_dir) if f.endswith(".pdf"))
    body, ctype = multipart(context, pdf, open(os.path.join(case_dir, pdf), "rb").read())
    print(f"server benchmark: {jar}, {os.cpu_count()} cores, load average now {load()}")
    rows = []
    for warm_up in (True, False):
        a = first_at_once(jar, port, warm_up, body, ctype)
        b = first_after_idle(jar, port, warm_up, body, ctype)
        rows.append((warm_up, a, b))
        print(f"warm-up={str(warm_up).lower()}: " + json.dumps({**a, **b}, default=lambda x: x))
    print()
    print("| warm-up | to healthy: wall / CPU | first analysis at once: wall / CPU (load) "
          "| idle 20 s: RSS / CPU | first after idle: wall / CPU (load) | warm p50 / p95 wall, CPU per request (load) "
          "| RSS after warm |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for warm_up, a, b in rows:
        print(f"| {str(warm_up).lower()} | {a['healthy_s']:.1f} s / {a['cpu_to_healthy_s']:.1f} s "
              f"| {a['first_wall_s']:.2f} s / {a['first_cpu_s']:.2f} s ({a['load_first']}) "
              f"| {b['idle_rss_mb']:.0f} MB / {b['idle_cpu_s']:.1f} s "
              f"| {b['first_after_idle_wall_s']:.2f} s / {b['first_after_idle_cpu_s']:.2f} s ({b['load_idle']}) "
              f"| {a['warm_p50_ms']:.0f} / {a['warm_p95_ms']:.0f} ms, {a['warm_cpu_ms']:.0f} ms ({a['load_warm']}) "
              f"| {a['rss_after_mb']:.0f} MB |")
    print(f"\nname of the timing case: {rows[0][1]['name']}")


if __name__ == "__main__":
    main()
