"""Benchmark: server memory while unauthenticated clients send oversized bodies (issue 12).

Run:  PYTHONPATH=src .venv/bin/python bench/body_limit.py [--clients 6] [--mb 100]

Starts ``dermavigil serve`` (one worker, a throwaway ``DERMAVIGIL_HOME``) as a process,
then ``--clients`` threads each POST a ``--mb`` MB JSON body to ``/api/token`` at the same
time, streamed in 64 KB chunks without a ``Content-Length`` (chunked), so nothing but the
server's own limit can stop it. Prints the server's resident memory before, its peak
(``VmHWM``) and after, and the status codes. Point ``PYTHONPATH`` at an older ``src`` to
measure the code before the limit.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator


def _status_kb(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _body(mb: int) -> Iterator[bytes]:
    yield b'{"username": "admin", "password": "'
    block = b"a" * 65536
    for _ in range(mb * 16):
        yield block
    yield b'"}'


def _post(port: int, mb: int, results: list[str]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request(
            "POST",
            "/api/token",
            body=_body(mb),
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        results.append(str(connection.getresponse().status))
    except OSError as error:  # the server closed the connection after refusing
        results.append(type(error).__name__)
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--mb", type=int, default=100)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tempfile.mkdtemp(prefix="dv-bench-body-")
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from dermavigil.cli.app import main; main()",
            "serve",
            "--port",
            str(port),
        ],
        env={**os.environ, "DERMAVIGIL_HOME": home},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1)
        before = _status_kb(server.pid, "VmRSS")
        results: list[str] = []
        threads = [
            threading.Thread(target=_post, args=(port, args.mb, results))
            for _ in range(args.clients)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        time.sleep(1)
        peak, after = _status_kb(server.pid, "VmHWM"), _status_kb(server.pid, "VmRSS")
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"{args.clients} clients x {args.mb} MB to /api/token in {elapsed:.1f} s: "
        f"answers {sorted(results)}"
    )
    print(
        f"server RSS before {before / 1024:.0f} MB, peak {peak / 1024:.0f} MB, "
        f"after {after / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
