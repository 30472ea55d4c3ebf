"""Load test of the web API on loopback: concurrent clients creating and reading cases.

For each registry backend (SQLite always; PostgreSQL when ``--pg-url`` or
``DERMAVIGIL_TEST_POSTGRES_URL`` is given) this script starts the app in a
uvicorn subprocess (``uvicorn --factory dermavigil.web.app:app_from_env``)
over a fresh ``DERMAVIGIL_HOME``, runs ``--clients`` asynchronous httpx
clients for ``--seconds``, each alternating a case creation (``POST
/api/cases``, the seed case with a varied patient) and a read of a case it
created (``GET /api/cases/{id}``), and prints requests per second and the
p50/p95/p99 latency of each operation. It then stops the server and checks,
directly in the registry, that every acknowledged case (201) is stored with
its audit row (a ``create`` entry in its history): nothing lost.

Usage::

    .venv/bin/python bench/load.py [--seconds 60] [--clients 50] [--workers 1] [--pg-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np

from dermavigil.demo import load_seed_case
from dermavigil.registry import CaseService, UserService, open_registry
from dermavigil.settings import load_settings

PASSWORD = "load test password"
TARGET_P95_CREATE_MS = 150.0


@dataclass
class Tally:
    """Latencies (seconds) and failures per operation, and the acknowledged case ids."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"create": [], "read": []})
    failures: dict[str, int] = field(default_factory=lambda: {"create": 0, "read": 0})
    acknowledged: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(home: Path, database_url: str | None) -> dict[str, str]:
    env = {**os.environ, "DERMAVIGIL_HOME": str(home)}
    if database_url:
        env["DERMAVIGIL_DATABASE_URL"] = database_url
    else:
        env.pop("DERMAVIGIL_DATABASE_URL", None)
    settings = load_settings(env)
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        users = UserService(session)
        if not any(u.username == "loadtest" for u in users.list()):
            users.create("loadtest", "reporter", PASSWORD)
    registry.close()
    return env


def _start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "dermavigil.web.app:app_from_env",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
        "--workers", str(workers),
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


async def _client(
    base: str, token: str, seed: dict, until: float, tally: Tally, rng: random.Random
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    mine: list[str] = []
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        while time.monotonic() < until:
            case = {**seed, "patient": {**seed["patient"], "weight_kg": rng.randint(40, 120)}}
            started = time.perf_counter()
            try:
                response = await client.post("/api/cases", json=case)
                ok = response.status_code == 201
            except httpx.HTTPError:
                ok = False
            tally.latencies["create"].append(time.perf_counter() - started)
            if ok:
                case_id = response.json()["case_id"]
                mine.append(case_id)
                tally.acknowledged.append(case_id)
            else:
                tally.failures["create"] += 1
            if not mine:
                continue
            started = time.perf_counter()
            try:
                read = await client.get(f"/api/cases/{rng.choice(mine)}")
                ok = read.status_code == 200
            except httpx.HTTPError:
                ok = False
            tally.latencies["read"].append(time.perf_counter() - started)
            if not ok:
                tally.failures["read"] += 1


async def _run(base: str, clients: int, seconds: float) -> tuple[Tally, float]:
    async with httpx.AsyncClient(base_url=base) as client:
        response = await client.post(
            "/api/token", json={"username": "loadtest", "password": PASSWORD}
        )
        response.raise_for_status()
        token = response.json()["access_token"]
    seed = load_seed_case().model_dump(mode="json", exclude_none=True, exclude={"case_id"})
    tally = Tally()
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(
        *(_client(base, token, seed, until, tally, random.Random(i)) for i in range(clients))
    )
    return tally, time.monotonic() - started


def _verify(env: dict[str, str], acknowledged: list[str]) -> tuple[int, int]:
    """(stored with a create audit row, missing) among the acknowledged cases."""
    registry = open_registry(load_settings(env).database_url)
    stored = missing = 0
    try:
        with registry.transaction(readonly=True) as session:
            service = CaseService(session)
            for case_id in acknowledged:
                try:
                    history = service.history(case_id)
                    service.get(case_id)
                except Exception:
                    missing += 1
                    continue
                if history and history[0].action == "create" and history[0].by == "loadtest":
                    stored += 1
                else:
                    missing += 1
    finally:
        registry.close()
    return stored, missing


def _report(name: str, tally: Tally, elapsed: float, stored: int, missing: int) -> None:
    total = sum(len(v) for v in tally.latencies.values())
    print(f"\n== {name}: {total} requests in {elapsed:.1f} s = {total / elapsed:.1f} req/s")
    columns = ("count", "req/s", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'operation':<10}" + "".join(f"{c:>9}" for c in columns) + f"{'fail':>6}")
    for op, values in tally.latencies.items():
        if not values:
            continue
        ms = np.asarray(values) * 1000
        p50, p95, p99 = np.percentile(ms, [50, 95, 99])
        print(
            f"{op:<10}{len(values):>9}{len(values) / elapsed:>9.1f}{p50:>9.1f}{p95:>9.1f}"
            f"{p99:>9.1f}{tally.failures[op]:>6}"
        )
    create_p95 = float(np.percentile(np.asarray(tally.latencies["create"]) * 1000, 95))
    verdict = "meets" if create_p95 < TARGET_P95_CREATE_MS else "misses"
    print(f"create p95 {create_p95:.1f} ms {verdict} the {TARGET_P95_CREATE_MS:.0f} ms target")
    print(
        f"acknowledged cases: {len(tally.acknowledged)}; stored with their audit row: {stored}; "
        f"missing: {missing}"
    )


def bench(name: str, database_url: str | None, clients: int, seconds: float, workers: int) -> int:
    """Run one backend; returns the number of acknowledged cases missing from the store."""
    with tempfile.TemporaryDirectory(prefix=f"dv-load-{name}-") as tmp:
        env = _prepare(Path(tmp), database_url)
        port = _free_port()
        server = _start_server(env, port, workers)
        try:
            tally, elapsed = asyncio.run(_run(f"http://127.0.0.1:{port}", clients, seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
        stored, missing = _verify(env, tally.acknowledged)
        _report(name, tally, elapsed, stored, missing)
        return missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--pg-url", default=os.environ.get("DERMAVIGIL_TEST_POSTGRES_URL"))
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = parser.parse_args()
    print(
        f"machine: {platform.platform()}; {os.cpu_count()} CPUs; Python "
        f"{platform.python_version()}; load avg {os.getloadavg()[0]:.2f}"
    )
    print(f"{args.clients} clients for {args.seconds:.0f} s, {args.workers} uvicorn worker(s)")
    missing = bench("sqlite", None, args.clients, args.seconds, args.workers)
    if args.pg_url:
        missing += bench("postgresql", args.pg_url, args.clients, args.seconds, args.workers)
    else:
        print("\n(PostgreSQL skipped: give --pg-url or set DERMAVIGIL_TEST_POSTGRES_URL)")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
