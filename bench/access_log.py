"""Benchmark: what logging case reads costs a read, and the case writes beside it (issue 12).

Run:  PYTHONPATH=src .venv/bin/python bench/access_log.py [--reads 300] [--rounds 3]

One app over a throwaway SQLite registry, through FastAPI's TestClient (real HTTP routing,
no network). ``GET /api/cases/{id}`` is timed in three modes, interleaved round by round so
that the machine's load falls on each alike:

- ``off``: the access log disabled (the read as before issue 12);
- ``queued``: the shipped path, the log row queued on the group-commit writer
  (``Registry.queue_write``; the request does not wait);
- ``waited``: the same row written before answering (``Registry.group_write``: the request
  waits for its commit).

Then 6 reader threads and 2 writer threads run together for a few seconds per mode:
reads/s and case creations/s show whether the log competes with case writes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from dermavigil.demo import load_seed_case
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web import access
from dermavigil.web.app import create_app

PASSWORD = "correct horse battery"
_record = access.record_read


def _mode(name: str, registry) -> None:  # type: ignore[no-untyped-def]
    """Switch how reads are logged (the bench's only patch of the app)."""

    def off(*args, **kwargs):  # type: ignore[no-untyped-def]
        return None

    access.record_read = off if name == "off" else _record  # type: ignore[assignment]
    if name == "waited":  # the request waits for the commit of its log row
        registry.queue_write = registry.group_write
    else:
        registry.__dict__.pop("queue_write", None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reads", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="dv-bench-access-"))
    settings = load_settings({"DERMAVIGIL_HOME": str(home), "DERMAVIGIL_REQUIRE_2FA": "0"})
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        UserService(session).create("reader", "assessor", PASSWORD, must_change_password=False)
    app = create_app(settings, registry)
    client = TestClient(app)
    token = client.post("/api/token", json={"username": "reader", "password": PASSWORD}).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    seed = load_seed_case().model_dump(mode="json", exclude_none=True)
    case_id = client.post("/api/cases", json=seed, headers=headers).json()["case_id"]
    timings: dict[str, list[float]] = {"off": [], "queued": [], "waited": []}
    for _ in range(args.rounds):
        for mode in timings:
            _mode(mode, registry)
            for _ in range(args.reads):
                started = time.perf_counter()
                assert client.get(f"/api/cases/{case_id}", headers=headers).status_code == 200
                timings[mode].append(time.perf_counter() - started)
    print(f"GET /api/cases/{{id}}, {args.rounds} x {args.reads} reads per mode (sequential)")
    base = statistics.median(timings["off"])
    for mode, values in timings.items():
        median = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        print(
            f"  {mode:7s} median {median * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms  "
            f"x{median / base:4.2f} of off"
        )
    print(f"6 readers + 2 case writers for {args.seconds:.0f} s per mode")
    for mode in timings:
        _mode(mode, registry)
        counts = {"reads": 0, "writes": 0}
        stop = time.monotonic() + args.seconds
        lock = threading.Lock()

        def reader(stop: float = stop, counts: dict = counts, lock=lock) -> None:  # type: ignore[no-untyped-def]
            while time.monotonic() < stop:
                client.get(f"/api/cases/{case_id}", headers=headers)
                with lock:
                    counts["reads"] += 1

        def writer(stop: float = stop, counts: dict = counts, lock=lock) -> None:  # type: ignore[no-untyped-def]
            while time.monotonic() < stop:
                assert client.post("/api/cases", json=seed, headers=headers).status_code == 201
                with lock:
                    counts["writes"] += 1

        threads = [threading.Thread(target=reader) for _ in range(6)]
        threads += [threading.Thread(target=writer) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(
            f"  {mode:7s} reads/s {counts['reads'] / args.seconds:7.1f}  "
            f"case creations/s {counts['writes'] / args.seconds:6.1f}"
        )
    registry.flush_writes()
    print(
        f"machine: {platform.platform()}; {os.cpu_count()} CPUs; Python "
        f"{platform.python_version()}; load avg {os.getloadavg()[0]:.2f}"
    )
    registry.close()


if __name__ == "__main__":
    main()
