"""In-process cost of the web API's case write and read paths, and where it goes.

Builds the app over a fresh ``DERMAVIGIL_HOME`` (SQLite by default, or
``--url``), authenticates a reporter with a bearer token, then times ``--n``
sequential case creations (``POST /api/cases``, the seed case with a varied
patient weight) and as many reads (``GET /api/cases/{id}``) three ways:

- **app**: the ASGI app called directly with one request (what a server does
  after parsing HTTP; no socket, no client): the app's own cost;
- **httpx+app**: through ``httpx.ASGITransport``, adding an HTTP client's cost;
- **service**: :class:`~dermavigil.registry.CaseService` in one transaction per
  call, as the web layer does: the registry's cost without the web layer.

Prints wall-clock and CPU milliseconds per operation (medians over
``--rounds`` rounds) with the machine. ``--profile create|read`` prints the top of a
cProfile of the app path instead; for that run only, FastAPI's thread-pool
hand-off is replaced by a direct call so that the endpoint's work is on the
profiled thread.

Usage: ``.venv/bin/python bench/write_path.py [--n 300] [--rounds 3] [--url URL]
[--profile create|read]``
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
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


class AsgiCaller:
    """Calls the ASGI app directly with one request, as a server would, minus the socket
    and HTTP parsing: the app's own cost, without an HTTP client's."""

    def __init__(self, app: Any, token: str) -> None:
        self.app = app
        self.headers = [
            (b"authorization", f"Bearer {token}".encode()),
            (b"content-type", b"application/json"),
            (b"host", b"bench"),
        ]

    async def __call__(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "server": ("bench", 80),
            "client": ("127.0.0.1", 1), "headers": self.headers,
        }  # fmt: skip
        sent = False
        status, chunks = 0, []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, b"".join(chunks)


async def _setup(home: Path, url: str | None) -> tuple[Any, str, Registry]:
    """The app over a fresh registry, a reporter's bearer token, and the registry."""
    env = {"DERMAVIGIL_HOME": str(home)}
    if url:
        env["DERMAVIGIL_DATABASE_URL"] = url
    settings = load_settings(env)
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        UserService(session).create("bench", "reporter", PASSWORD, must_change_password=False)
    app = create_app(settings, registry)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        token = await client.post("/api/token", json={"username": "bench", "password": PASSWORD})
    token.raise_for_status()
    return app, token.json()["access_token"], registry


def _checked(response: tuple[int, bytes], expected: int, what: str) -> bytes:
    status, body = response
    if status != expected:
        raise SystemExit(f"{what} failed: {status} {body[:300]!r}")
    return body


def _operations(app: Any, token: str, registry: Registry, seed_case: Case) -> dict[str, Operation]:
    seed = seed_case.model_dump(mode="json", exclude_none=True, exclude={"case_id"})
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://bench",
        headers={"Authorization": f"Bearer {token}"},
    )
    call = AsgiCaller(app, token)
    created: list[str] = []

    def body(i: int) -> dict[str, Any]:
        return {**seed, "patient": {**seed["patient"], "weight_kg": 40 + i % 80}}

    async def asgi_create(i: int) -> None:
        answer = await call("POST", "/api/cases", json.dumps(body(i)).encode())
        created.append(json.loads(_checked(answer, 201, "create"))["case_id"])

    async def asgi_read(i: int) -> None:
        _checked(await call("GET", f"/api/cases/{created[i % len(created)]}"), 200, "read")

    async def httpx_create(i: int) -> None:
        response = await client.post("/api/cases", json=body(i))
        _checked((response.status_code, response.content), 201, "create")

    async def httpx_read(i: int) -> None:
        response = await client.get(f"/api/cases/{created[i % len(created)]}")
        _checked((response.status_code, response.content), 200, "read")

    async def service_create(_i: int) -> None:
        with registry.transaction() as session:
            CaseService(session).create(seed_case, by="bench")

    async def service_get(i: int) -> None:
        with registry.transaction(readonly=True) as session:
            CaseService(session).get(created[i % len(created)])

    return {
        "app create (POST /api/cases)": asgi_create,
        "app read (GET /api/cases/{id})": asgi_read,
        "httpx+app create": httpx_create,
        "httpx+app read": httpx_read,
        "service create (one transaction)": service_create,
        "service get (one transaction)": service_get,
    }


async def _per_op_ms(n: int, operation: Operation) -> tuple[float, float]:
    """(wall, CPU) milliseconds per operation; CPU is this process's, all threads,
    which a machine shared with other work disturbs less than the wall clock."""
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(n):
        await operation(i)
    return (time.perf_counter() - wall) * 1000 / n, (time.process_time() - cpu) * 1000 / n


async def _main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="dv-write-path-") as tmp:
        app, token, registry = await _setup(Path(tmp), args.url)
        operations = _operations(app, token, registry, load_seed_case())
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
                wall, cpu = (statistics.median(r) for r in zip(*rounds, strict=True))
                print(f"{label:36} {wall:7.2f} ms wall {cpu:7.2f} ms CPU per operation")
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
