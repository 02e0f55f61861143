#!/usr/bin/env python3
"""Memory under big uploads and imports (not a unit test: minutes, a real server, real bytes).

Starts adapters-http/target/atelier.jar with the heap flags of the README and the Dockerfile on the
default configuration (H2 in a temporary directory), samples the server's resident memory (RSS,
/proc) every 20 ms, and runs:
  1. 8 concurrent create-from-context uploads with a 25 MiB text file each: all must answer 200;
  2. 2 concurrent import-tables of 100 MiB each (valid exports: projects whose params carry text):
     both must answer 200;
  3. 16 concurrent JSON bodies of 15 MiB (read whole: the in-memory limit is 16 MiB): all 4xx, no 5xx;
  4. a 120 MiB import body, once with Content-Length and once chunked: both must answer 413, and
     the answer must come within 2 s of the 100 MiB mark, with RSS growth under 100 MB.
Prints the figures and exits non-zero when a target is missed.

Usage: bench/memory/run.py [--port 18201] [--java-opts "-Xms64m -Xmx384m"]
"""
import argparse, json, os, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.request

MIB = 1024 * 1024
ADMIN = "bench-memory-admin-token-0123456789"


class Rss(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.now, self.stop = pid, 0, 0, False

    def run(self):
        while not self.stop:
            try:
                with open(f"/proc/{self.pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            self.now = int(line.split()[1]) * 1024
                            self.peak = max(self.peak, self.now)
            except OSError:
                return
            time.sleep(0.02)


def request(port, method, path, body=None, headers=None, timeout=600):
    """Sends body (bytes, or a list of byte chunks to send chunked) over a raw socket; returns
    (status, answer body, seconds from the end of the 100 MiB mark to the answer or None)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {ADMIN}\r\nConnection: close\r\n"
    for k, v in (headers or {}).items():
        head += f"{k}: {v}\r\n"
    chunked = isinstance(body, list)
    if body is not None and not chunked:
        head += f"Content-Length: {len(body)}\r\n"
    if chunked:
        head += "Transfer-Encoding: chunked\r\n"
    mark = [None]

    def send():
        try:
            s.sendall((head + "\r\n").encode("latin-1"))
            sent = 0
            for piece in (body if chunked else [body] if body is not None else []):
                for at in range(0, len(piece), 256 * 1024):
                    part = piece[at:at + 256 * 1024]
                    if chunked:
                        s.sendall(b"%x\r\n" % len(part) + part + b"\r\n")
                    else:
                        s.sendall(part)
                    sent += len(part)
                    if mark[0] is None and sent >= 100 * MIB:
                        mark[0] = time.monotonic()
            if chunked:
                s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered first

    writer = threading.Thread(target=send, daemon=True)
    writer.start()
    data = b""
    while True:
        try:
            got = s.recv(65536)
        except OSError:
            break
        if not got:
            break
        data += got
    answered = time.monotonic()
    s.close()
    status = int(data[9:12]) if len(data) >= 12 else 0
    text = data.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in data else b""
    return status, text, (answered - mark[0]) if mark[0] else None


STORES = ["Lisbon", "Oslo", "Turin", "Ghent", "Leeds", "Porto", "Bergen", "Lyon"]


def multipart(boundary, filename, content, n):
    return (f"--{boundary}\r\nContent-Disposition: form-data; name=\"context\"\r\n\r\n"
            f"Weekly sales figures of the {STORES[n]} store\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{filename}\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()


def tables_import(total_bytes, tag):
    """A valid import-tables body of about total_bytes: projects with 60 KiB of text in their params."""
    text = ("store sales week " * 4000)[: 60 * 1024]
    rows, size, i = [], 0, 0
    projects, params = [], []
    while size < total_bytes - 300 * 1024:
        projects.append({"id": f"{tag}{i}", "name": f"imported {tag} {i}"})
        params.append({"project_id": f"{tag}{i}", "version": 0, "params": {"notes": text},
                       "created_at": "2026-01-01T00:00:00Z"})
        size += len(text) + 200
        i += 1
    body = {"export_data": {"format": "atelier.workspace", "format_version": 1, "tables": {
        "projects": projects, "project_params": params, "project_members": [], "project_documents": [],
        "project_events": []}}}
    return json.dumps(body).encode(), i


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=18201)
    ap.add_argument("--java-opts", default="-Xms64m -Xmx384m")
    ap.add_argument("--jar", default="adapters-http/target/atelier.jar")
    args = ap.parse_args()
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    work = tempfile.mkdtemp(prefix="atelier-bench-memory-")
    env = dict(os.environ, MICRONAUT_SERVER_PORT=str(args.port), ATELIER_DATA_DIR=work + "/data",
               ATELIER_ADMIN_TOKEN=ADMIN, ATELIER_UPLOADS_DIRECTORY=work + "/uploads",
               ATELIER_ANALYZER_WARM_UP="false")
    log = open(work + "/server.log", "w")
    server = subprocess.Popen([java, *args.java_opts.split(), "-jar", args.jar], env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    failures = []
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{args.port}/health", timeout=1)
                break
            except Exception:
                time.sleep(0.2)
        rss = Rss(server.pid)
        rss.start()
        time.sleep(1)
        idle = rss.now
        print(f"java {args.java_opts}; idle RSS {idle / MIB:.0f} MiB")

        # 1. 8 concurrent 25 MiB uploads
        content = (b"store 17 sold 42 units of product 9 in week 12\n" * (25 * MIB // 48 + 1))[: 25 * MIB]
        results = [None] * 8
        # one workspace per upload: the analyzer names all eight alike, and names are unique per workspace
        workspaces = []
        for n in range(8):
            req = urllib.request.Request(f"http://127.0.0.1:{args.port}/api/v1/workspaces/save",
                                         data=json.dumps({"name": f"bench {n}"}).encode(), method="POST",
                                         headers={"Authorization": f"Bearer {ADMIN}",
                                                  "Content-Type": "application/json"})
            workspaces.append(json.load(urllib.request.urlopen(req))["data"]["workspace_id"])

        def upload(n):
            b = f"bench-boundary-{n}"
            results[n] = request(args.port, "POST", f"/api/v1/projects/{workspaces[n]}/create-from-context",
                                 multipart(b, f"sales-{n}.txt", content, n),
                                 {"Content-Type": f"multipart/form-data; boundary={b}"})
        started = time.monotonic()
        threads = [threading.Thread(target=upload, args=(n,)) for n in range(8)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        statuses = [r[0] for r in results]
        print(f"8 x 25 MiB uploads: statuses {statuses} in {time.monotonic() - started:.1f} s; "
              f"RSS peak so far {rss.peak / MIB:.0f} MiB")
        if statuses != [200] * 8:
            failures.append(f"uploads answered {statuses}: {[r[1][:200] for r in results if r[0] != 200]}")

        # 2. 2 concurrent 100 MiB imports
        bodies = [tables_import(100 * MIB, tag) for tag in ("a", "b")]
        answers = [None] * 2

        def imp(n):
            answers[n] = request(args.port, "POST", "/api/v1/workspaces/import-tables", bodies[n][0],
                                 {"Content-Type": "application/json"})
        started = time.monotonic()
        threads = [threading.Thread(target=imp, args=(n,)) for n in range(2)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        statuses = [a[0] for a in answers]
        print(f"2 x {len(bodies[0][0]) / MIB:.1f} MiB imports ({bodies[0][1]} projects each): statuses {statuses} in "
              f"{time.monotonic() - started:.1f} s; RSS peak so far {rss.peak / MIB:.0f} MiB")
        if statuses != [200] * 2:
            failures.append(f"imports answered {statuses}: {[a[1][:200] for a in answers if a[0] != 200]}")
        peak_load = rss.peak
        if peak_load >= 1024 * MIB:
            failures.append(f"RSS peak {peak_load / MIB:.0f} MiB >= 1 GiB")

        # 3. 16 concurrent JSON bodies just under the 16 MiB document limit (read whole into memory,
        # the largest a body gets there): every one answered in the 4xx range, none 5xx
        quarter = "z" * (4 * MIB - 100)
        doc = json.dumps({"name": "big", "metadata": {"a": quarter, "b": quarter, "c": quarter,
                                                      "d": quarter[: 3 * MIB]}}).encode()
        jsons = [None] * 16

        def post_json(n):
            jsons[n] = request(args.port, "POST", "/api/projects", doc, {"Content-Type": "application/json"})
        started = time.monotonic()
        threads = [threading.Thread(target=post_json, args=(n,)) for n in range(16)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        statuses = sorted({j[0] for j in jsons})
        print(f"16 x {len(doc) / MIB:.0f} MiB JSON bodies: statuses {statuses} in {time.monotonic() - started:.1f} s "
              f"(the metadata limit refuses them after parsing); RSS peak so far {rss.peak / MIB:.0f} MiB")
        if any(not 400 <= j[0] < 500 for j in jsons):
            failures.append(f"JSON bodies answered {statuses}")
        peak_load = rss.peak
        if peak_load >= 1024 * MIB:
            failures.append(f"RSS peak {peak_load / MIB:.0f} MiB >= 1 GiB")

        # 4. 120 MiB, Content-Length and chunked
        big = b"[" + b"1," * (60 * MIB) + b"1]"
        for chunked in (False, True):
            before = rss.now
            rss.peak = before
            status, text, after_mark = request(args.port, "POST", "/api/v1/workspaces/import-tables",
                                               [big] if chunked else big, {"Content-Type": "application/json"})
            growth = rss.peak - before
            framing = "chunked" if chunked else "Content-Length"
            print(f"120 MiB {framing}: {status} {text[:160]!r}; answered {'before the 100 MiB mark' if after_mark is None else f'{after_mark:.2f} s after the 100 MiB mark'}; RSS growth {growth / MIB:.0f} MiB")
            if status != 413:
                failures.append(f"120 MiB {framing} answered {status}")
            if after_mark is not None and after_mark > 2:
                failures.append(f"120 MiB {framing}: answer {after_mark:.2f} s after the 100 MiB mark")
            if growth >= 100 * 1000 * 1000:
                failures.append(f"120 MiB {framing}: RSS growth {growth / MIB:.0f} MiB")
        print(f"RSS peak of the whole run {max(peak_load, rss.peak) / MIB:.0f} MiB (under load: {peak_load / MIB:.0f} MiB)")
        rss.stop = True
    finally:
        server.terminate()
        server.wait(30)
        log.close()
        if failures:
            print("server log kept in", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("MISSED:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
