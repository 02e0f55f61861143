#!/usr/bin/env python3
"""Captures what python-requests and curl put on the wire for the request styles the conformance
suite reproduces, and writes one golden file per style next to this script (*.http).

The Java suite never runs this: WireFidelityTest compares its own reproduction of each style
against these files. Re-run it (python3 capture.py, with requests installed and curl on the PATH)
after changing a style, and commit the files it writes. The Host port and the multipart boundary
are replaced by PORT and BOUNDARY, the only parts that differ from run to run.
"""
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading

import requests
import urllib3.filepost
from requests.auth import HTTPBasicAuth

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_BOUNDARY = "0123456789abcdef0123456789abcdef"
urllib3.filepost.choose_boundary = lambda: FIXED_BOUNDARY

captured = []


def serve(sock):
    while True:
        conn, _ = sock.accept()
        conn.settimeout(2)
        data = b""
        try:
            while True:
                head, sep, body = data.partition(b"\r\n\r\n")
                if sep:
                    length = 0
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip())
                    if len(body) >= length:
                        break
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
        except socket.timeout:
            pass
        captured.append(data)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                     b"Connection: close\r\n\r\n{}")
        conn.close()


sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("127.0.0.1", 0))
sock.listen(8)
PORT = sock.getsockname()[1]
threading.Thread(target=serve, args=(sock,), daemon=True).start()
BASE = f"http://127.0.0.1:{PORT}"


def save(name):
    raw = captured.pop()
    raw = raw.replace(f"127.0.0.1:{PORT}".encode(), b"127.0.0.1:PORT")
    raw = raw.replace(FIXED_BOUNDARY.encode(), b"BOUNDARY")
    raw = re.sub(rb"-{24}[0-9a-f]{16}", b"BOUNDARY", raw)  # curl's own boundary
    with open(os.path.join(HERE, name + ".http"), "wb") as f:
        f.write(raw)


# the payload with every JSON escape a Python client produces (ensure_ascii, separators, types)
PAYLOAD = {
    "project": {
        "name": "Financial Risk Analysis",
        "description": "Caf\u00e9 \u2013 \"quoted\" back\\slash\ttab\nline \U0001F600 \x7f\x01",
        "metadata": {"department": "risk_management", "priority": "high", "count": 3, "ratio": 0.25,
                     "big": 1e16, "small": 1e-05, "on": True, "off": False, "none": None, "list": [1, "a", []],
                     "empty": {}},
    }
}
CONTEXT = "Analyze customer purchase patterns\nand identify high-value segments & more: 100% caf\u00e9 *~+/?="

requests.post(f"{BASE}/api/v1/projects/workspace_id/save",
              headers={"Authorization": "Bearer TOKEN", "Content-Type": "application/json"}, json=PAYLOAD)
save("python-post-json-with-content-type")

requests.post(f"{BASE}/api/projects", headers={"Authorization": "Bearer KEY"},
              json={"name": "Churn Prediction", "description": "Telco customer churn"})
save("python-post-json")

requests.put(f"{BASE}/api/projects/d4e5f6a7", headers={"Authorization": "Bearer KEY"},
             json={"name": "Churn Prediction v2", "description": "Updated scope"})
save("python-put-json")

requests.get(f"{BASE}/api/v1/projects/workspace_id/list", headers={"Authorization": "Bearer TOKEN"},
             params={"scopes": "user,organization"})
save("python-get-params")

requests.get(f"{BASE}/api/projects", headers={"Authorization": "Bearer KEY"}, params={"limit": 10, "search": "fraud"})
save("python-get-params-number")

requests.post(f"{BASE}/api/v1/projects/workspace_id/create-from-context", headers={"Authorization": "Bearer TOKEN"},
              data={"context": CONTEXT, "scope": "user"}, files=[])
save("python-post-form")

with tempfile.TemporaryDirectory() as d:
    csv = os.path.join(d, "customer_data.csv")
    pdf = os.path.join(d, "marketing_report.pdf")
    with open(csv, "wb") as f:
        f.write(b"customer_id,segment\n1,gold\n")
    with open(pdf, "wb") as f:
        f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    files = [("files", open(csv, "rb")), ("files", open(pdf, "rb"))]
    requests.post(f"{BASE}/api/v1/projects/workspace_id/create-from-context",
                  headers={"Authorization": "Bearer TOKEN"}, data={"context": CONTEXT, "scope": "user"}, files=files)
    for _, handle in files:
        handle.close()
    save("python-post-multipart")

    subprocess.run(["curl", "-s", "-o", os.devnull, "-X", "POST",
                    f"{BASE}/api/v1/projects/workspace_id/create-from-context",
                    "-H", "Authorization: Bearer YOUR_JWT_TOKEN",
                    "-F", "context=Analyze customer purchase patterns",
                    "-F", "scope=user", "-F", "files=@" + csv, "-F", "files=@" + pdf], check=True)
    save("curl-post-multipart")

requests.get(f"{BASE}/v1/projects/kitten_labeling", headers={"accept": "application/json"}, auth=("KEY", ""))
save("python-get-basic-auth")

requests.get(f"{BASE}/v1/projects", headers={"accept": "application/json"}, auth=HTTPBasicAuth("KEY", ""))
save("python-get-basic-auth-object")

requests.post(f"{BASE}/v1/projects/kitten_labeling/setParams", json={"patch": "false"},
              headers={"accept": "application/json", "content-type": "application/json"}, auth=("KEY", ""))
save("python-post-json-basic-auth")

# the current Prometheux SDK: one requests.request call with a JSON content type on every method
requests.request("GET", f"{BASE}/api/v1/projects/load",
                 headers={"Content-Type": "application/json", "Authorization": "Bearer TOKEN"},
                 json=None, params={"project_id": "p-1", "scope": "user"})
save("python-request-get-json-none")

# the Scale SDK: a Session, its own User-Agent, auth=(key, ""), params={} and json=body or None
UA = "scaleapi/2.18.4 Python/3.11.7 OS/Linux-6.1.0-x86_64-with-glibc2.36"
session = requests.Session()
session.request(method="GET", url=f"{BASE}/v1/projects/kitten%20labeling",
                headers={"Content-Type": "application/json", "User-Agent": UA}, auth=("KEY", ""), params={},
                json=None, files=None, data=None)
save("scale-sdk-get")
session.request(method="POST", url=f"{BASE}/v1/projects",
                headers={"Content-Type": "application/json", "User-Agent": UA}, auth=("KEY", ""), params={},
                json={"type": "imageannotation", "name": "project_name", "params": None, "rapid": False,
                      "studio": False, "datasetId": None}, files=None, data=None)
save("scale-sdk-post")
session.request(method="POST", url=f"{BASE}/v1/projects/x/setParams",
                headers={"Content-Type": "application/json", "User-Agent": UA}, auth=("KEY", ""), params={},
                json=None, files=None, data=None)
save("scale-sdk-post-without-body")

subprocess.run(["curl", "-s", "-o", os.devnull, "-X", "POST", f"{BASE}/api/v1/projects/workspace_id/save",
                "-H", "Content-Type: application/json", "-H", "Authorization: Bearer YOUR_JWT_TOKEN",
                "-d", '{\n"project": {\n"name": "Financial Risk Analysis"\n}\n}'], check=True)
save("curl-post-json")

subprocess.run(["curl", "-s", "-o", os.devnull, "-X", "GET",
                f"{BASE}/api/v1/projects/workspace_id/list?scopes=user,organization",
                "-H", "Authorization: Bearer YOUR_JWT_TOKEN"], check=True)
save("curl-get")

subprocess.run(["curl", "-s", "-o", os.devnull, "-X", "DELETE", f"{BASE}/api/projects/d4e5f6a7",
                "-H", "Authorization: Bearer YOUR_API_KEY"], check=True)
save("curl-delete")

subprocess.run(["curl", "-s", "-o", os.devnull, "-X", "PUT", f"{BASE}/api/projects/d4e5f6a7",
                "-H", "Authorization: Bearer YOUR_API_KEY", "-H", "Content-Type: application/json",
                "-d", '{"name": "Churn Prediction v2", "description": "Updated scope"}'], check=True)
save("curl-put-json")

print("captured with requests", requests.__version__, "and", subprocess.run(
    ["curl", "--version"], capture_output=True, text=True).stdout.split("\n")[0], file=sys.stderr)
