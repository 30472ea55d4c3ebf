"""In-process cost of the web API's case write and read paths, and where it goes.

Builds the app over a fresh ``DERMAVIGIL_HOME`` (SQLite by default, or
``--url``), authenticates a reporter with a bearer token and, through
``httpx.ASGITransport`` (the ASGI app called in process: no sockets, no
server), times ``--n`` sequential case creations (``POST /api/cases``, the
seed case with a varied patient weight) and as many reads (``GET
/api/cases/{id}``). It then times the same work one layer down, directly on
:class:`~dermavigil.registry.CaseService` (one transaction per call, as the
web layer does), so that the HTTP/JSON overhead and the registry cost are
reported apart. Prints milliseconds per operation (mean and median over
``--rounds`` rounds) with the machine.

``--profile create|read`` prints the top of a cProfile of that HTTP path
instead; for that run only, FastAPI's thread-pool hand-off is replaced by a
direct call so that the endpoint's work is on the profiled thread.

Usage: ``.venv/bin/python bench/write_path.py [--n 300] [--rounds 3] [--url URL]
[--profile create|read]``
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import platform
import pstats
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.registry import CaseService, Registry, UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

PASSWORD = "write path password"
Operation = Callable[[int], Awaitable[None]]


async def _inline(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Stand-in for ``run_in_threadpool`` while profiling: run on this thread."""
    return func(*args, **kwargs)


def _run_sync_inline() -> None:
    import fastapi.dependencies.utils
    import fastapi.routing

    fastapi.routing.run_in_threadpool = _inline  # type: ignore[assignment]
    fastapi.dependencies.utils.run_in_threadpool = _inline  # type: ignore[assignment]


async def _client(home: Path, url: str | None) -> tuple[httpx.AsyncClient, Registry]:
    env = {"DERMAVIGIL_HOME": str(home)}
    if url:
        env["DERMAVIGIL_DATABASE_URL"] = url
    settings = load_settings(env)
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        UserService(session).create("bench", "reporter", PASSWORD)
    transport = httpx.ASGITransport(app=create_app(settings, registry))
    client = httpx.AsyncClient(transport=transport, base_url="http://bench")
    token = await client.post("/api/token", json={"username": "bench", "password": PASSWORD})
    token.raise_for_status()
    client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    return client, registry


def _operations(
    client: httpx.AsyncClient, registry: Registry, seed: dict, seed_case: Case
) -> dict[str, Operation]:
    created: list[str] = []

    async def http_create(i: int) -> None:
        body = {**seed, "patient": {**seed["patient"], "weight_kg": 40 + i % 80}}
        response = await client.post("/api/cases", json=body)
        if response.status_code != 201:
            raise SystemExit(f"create failed: {response.status_code} {response.text[:300]}")
        created.append(response.json()["case_id"])

    async def http_read(i: int) -> None:
        response = await client.get(f"/api/cases/{created[i % len(created)]}")
        if response.status_code != 200:
            raise SystemExit(f"read failed: {response.status_code} {response.text[:300]}")

    async def service_create(_i: int) -> None:
        with registry.transaction() as session:
            created.append(CaseService(session).create(seed_case, by="bench").case_id)

    async def service_get(i: int) -> None:
        with registry.transaction(readonly=True) as session:
            CaseService(session).get(created[i % len(created)])

    return {
        "HTTP create (POST /api/cases)": http_create,
        "HTTP read (GET /api/cases/{id})": http_read,
        "service create (one transaction)": service_create,
        "service get (one transaction)": service_get,
    }


async def _per_op_ms(n: int, operation: Operation) -> float:
    started = time.perf_counter()
    for i in range(n):
        await operation(i)
    return (time.perf_counter() - started) * 1000 / n


async def _main(args: argparse.Namespace) -> None:
    seed_case = load_seed_case()
    seed = seed_case.model_dump(mode="json", exclude_none=True, exclude={"case_id"})
    with tempfile.TemporaryDirectory(prefix="dv-write-path-") as tmp:
        client, registry = await _client(Path(tmp), args.url)
        operations = _operations(client, registry, seed, seed_case)
        create, read = list(operations.values())[:2]
        for i in range(20):  # warm-up: imports, statement caches, cases to read
            await create(i)
            await read(i)
        if args.profile:
            profiler = cProfile.Profile()
            operation = create if args.profile == "create" else read
            profiler.enable()
            await _per_op_ms(args.n, operation)
            profiler.disable()
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
        else:
            print(f"{args.n} operations x {args.rounds} rounds, registry {registry.engine.url}")
            for label, operation in operations.items():
                rounds = [await _per_op_ms(args.n, operation) for _ in range(args.rounds)]
                print(
                    f"{label:36} mean {statistics.mean(rounds):7.2f} ms  "
                    f"median {statistics.median(rounds):7.2f} ms per operation"
                )
        await client.aclose()
        registry.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="operations per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--url", default=None, help="registry URL (default: SQLite in a temp home)")
    parser.add_argument("--profile", choices=("create", "read"), default=None)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key when profiling")
    parser.add_argument("--top", type=int, default=50, help="lines of profile to print")
    args = parser.parse_args()
    print(
        f"machine: {platform.platform()}; {os.cpu_count()} CPUs; Python "
        f"{platform.python_version()}; load avg {os.getloadavg()[0]:.2f}"
    )
    if args.profile:
        _run_sync_inline()
    asyncio.run(_main(args))


if __name__ == "__main__":
    main()
