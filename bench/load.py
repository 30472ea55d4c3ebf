"""Load test of the web API on loopback: concurrent clients creating and reading cases.

For each registry backend (SQLite always; PostgreSQL when ``--pg-url`` or
``DERMAVIGIL_TEST_POSTGRES_URL`` is given, in a schema of its own that is
dropped afterwards) this script starts the app in a subprocess (``dermavigil
serve --workers N``: uvicorn, with TCP_NODELAY kept when N > 1) once per
``--workers`` count (by default 1 and then 2 worker processes) over a fresh
``DERMAVIGIL_HOME``, runs ``--clients`` asynchronous
httpx clients for ``--seconds``, each alternating a case creation (``POST
/api/cases``, the seed case with a varied patient) and a read of a case it
created (``GET /api/cases/{id}``), and prints requests per second, the
p50/p95/p99 latency of each operation, and the CPU time the uvicorn processes
(not a PostgreSQL server's) and this load generator spent per request. It then stops the server and
checks, directly in the registry, that every acknowledged case (201) is
stored with its audit row (a ``create`` entry in its history): nothing lost.

Two modes:

- **closed loop** (the default and the headline): every client sends its next
  request as soon as the previous answer arrives, with no pause. The server
  is saturated, so by Little's law the mean latency is ``clients /
  throughput``: with 50 clients, a p95 under 150 ms needs well over 330
  requests per second.
- **paced** (``--think-ms T``, run after the closed loop): each client pauses
  for an exponentially distributed time of mean ``T`` ms before each request,
  as people filling in and reading cases do; the latency then measures the
  service time under a realistic offered load of about ``clients / (T +
  latency)`` requests per second rather than the length of a saturated queue.

Usage::

    .venv/bin/python bench/load.py [--seconds 60] [--clients 50] [--workers 1 2]
        [--think-ms T] [--pg-url URL] [--skip-sqlite]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np

from dermavigil.demo import load_seed_case
from dermavigil.registry import CaseService, UserService, open_registry
from dermavigil.registry.db import scratch_schema
from dermavigil.settings import load_settings

PASSWORD = "load test password"
TARGET_P95_CREATE_MS = 150.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Tally:
    """Latencies (seconds) and failures per operation, and the acknowledged case ids."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"create": [], "read": []})
    failures: dict[str, int] = field(default_factory=lambda: {"create": 0, "read": 0})
    acknowledged: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


@dataclass
class Run:
    """One timed run: its tally, wall time and CPU seconds (server processes, generator)."""

    tally: Tally
    elapsed: float
    server_cpu: float
    client_cpu: float


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
        UserService(session).create("loadtest", "reporter", PASSWORD)
    registry.close()
    return env


def _start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "dermavigil.cli.app", "serve",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def _process_tree_cpu(root: int) -> float:
    """CPU seconds (user + system) used so far by ``root`` and its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    return sum(times.get(pid, 0.0) for pid in tree)


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _timed(
    tally: Tally, op: str, request: Awaitable[httpx.Response]
) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await request
    except httpx.HTTPError:
        response = None
    tally.latencies[op].append(time.perf_counter() - started)
    return response


async def _client(
    base: str, token: str, seed: dict, until: float, think_s: float, tally: Tally, seed_no: int
) -> None:
    rng = random.Random(seed_no)
    headers = {"Authorization": f"Bearer {token}"}
    mine: list[str] = []

    async def pause() -> None:
        if think_s:
            await asyncio.sleep(rng.expovariate(1 / think_s))

    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        while time.monotonic() < until:
            await pause()
            case = {**seed, "patient": {**seed["patient"], "weight_kg": rng.randint(40, 120)}}
            response = await _timed(tally, "create", client.post("/api/cases", json=case))
            if response is not None and response.status_code == 201:
                case_id = response.json()["case_id"]
                mine.append(case_id)
                tally.acknowledged.append(case_id)
            else:
                tally.failures["create"] += 1
            if not mine or time.monotonic() >= until:
                continue
            await pause()
            read = await _timed(tally, "read", client.get(f"/api/cases/{rng.choice(mine)}"))
            if read is None or read.status_code != 200:
                tally.failures["read"] += 1


async def _run(base: str, clients: int, seconds: float, think_ms: float, server_pid: int) -> Run:
    async with httpx.AsyncClient(base_url=base) as client:
        response = await client.post(
            "/api/token", json={"username": "loadtest", "password": PASSWORD}
        )
        response.raise_for_status()
        token = response.json()["access_token"]
    seed = load_seed_case().model_dump(mode="json", exclude_none=True, exclude={"case_id"})
    tally = Tally()
    server_cpu, client_cpu = _process_tree_cpu(server_pid), _own_cpu()
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(
        *(_client(base, token, seed, until, think_ms / 1000, tally, i) for i in range(clients))
    )
    elapsed = time.monotonic() - started
    return Run(
        tally,
        elapsed,
        _process_tree_cpu(server_pid) - server_cpu,
        _own_cpu() - client_cpu,
    )


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


def _report(title: str, run: Run) -> None:
    tally, elapsed = run.tally, run.elapsed
    total = tally.requests
    print(f"\n== {title}: {total} requests in {elapsed:.1f} s = {total / elapsed:.1f} req/s")
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
    if total:
        print(
            f"CPU per request: uvicorn {run.server_cpu / total * 1000:.2f} ms "
            f"({run.server_cpu / elapsed:.2f} cores), load generator "
            f"{run.client_cpu / total * 1000:.2f} ms ({run.client_cpu / elapsed:.2f} cores)"
        )
    if tally.latencies["create"]:
        create_p95 = float(np.percentile(np.asarray(tally.latencies["create"]) * 1000, 95))
        verdict = "meets" if create_p95 < TARGET_P95_CREATE_MS else "misses"
        print(f"create p95 {create_p95:.1f} ms {verdict} the {TARGET_P95_CREATE_MS:.0f} ms target")


def bench(name: str, database_url: str | None, args: argparse.Namespace) -> int:
    """Run one backend in each mode asked for; returns the acknowledged cases missing."""
    modes = [("closed loop", 0.0)] + ([("paced", args.think_ms)] if args.think_ms else [])
    with tempfile.TemporaryDirectory(prefix=f"dv-load-{name}-") as tmp:
        env = _prepare(Path(tmp), database_url)
        port = _free_port()
        server = _start_server(env, port, args.workers)
        base, runs = f"http://127.0.0.1:{port}", []
        try:
            for _mode, think_ms in modes:
                run = _run(base, args.clients, args.seconds, think_ms, server.pid)
                runs.append(asyncio.run(run))
        finally:
            server.terminate()
            server.wait(timeout=30)
        acknowledged = [case_id for run in runs for case_id in run.tally.acknowledged]
        stored, missing = _verify(env, acknowledged)
        for (mode, think_ms), run in zip(modes, runs, strict=True):
            pacing = f", think time {think_ms:.0f} ms (exponential)" if think_ms else ""
            _report(f"{name}, {mode}{pacing}", run)
        print(
            f"\n{name}: acknowledged cases {len(acknowledged)}; stored with their audit row: "
            f"{stored}; missing: {missing}"
        )
        return missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--pg-url", default=os.environ.get("DERMAVIGIL_TEST_POSTGRES_URL"))
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2],
        help="uvicorn worker processes; one run per count given",
    )
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="also run a paced mode: mean pause (ms) of each client before each request",
    )
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    print(
        f"machine: {platform.platform()}; {os.cpu_count()} CPUs; Python "
        f"{platform.python_version()}; load avg {os.getloadavg()[0]:.2f}"
    )
    missing = 0
    for workers in args.workers:
        print(f"\n{args.clients} clients for {args.seconds:.0f} s, {workers} uvicorn worker(s)")
        run = argparse.Namespace(**{**vars(args), "workers": workers})
        missing += 0 if args.skip_sqlite else bench("sqlite", None, run)
        if args.pg_url:
            with scratch_schema(args.pg_url, prefix="load") as url:
                missing += bench("postgresql", url, run)
        else:
            print("\n(PostgreSQL skipped: give --pg-url or set DERMAVIGIL_TEST_POSTGRES_URL)")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
