"""The load generator's clients (``bench/load.py``): a minimal HTTP/1.1 keep-alive
connection on asyncio streams (pre-encoded requests, ``Content-Length`` bodies) and the
closed loop each client runs, with what it tallies. A load generator built on httpx costs
~1.5 ms of CPU per request on this machine and would compete with the server for its cores."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

WEIGHTS = range(40, 121)
"""Each creation sends one of these patient weights (kg), checked in the registry after."""


@dataclass
class Tally:
    """Latencies (seconds) and failures per operation, and the acknowledged cases."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"create": [], "read": []})
    failures: dict[str, int] = field(default_factory=lambda: {"create": 0, "read": 0})
    acknowledged: dict[str, int] = field(default_factory=dict)
    """case id -> the weight sent with it."""

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


class Connection:
    """One keep-alive HTTP/1.1 connection: a request at a time, ``Content-Length`` bodies.

    A connection that fails (the server was killed) is dropped; the next request
    opens a new one.
    """

    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port = host, port
        self.auth = f"Authorization: Bearer {token}\r\n"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    def head(self, method: str, path: str, body: bytes = b"") -> bytes:
        length = f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        return (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{self.auth}"
            f"{length if body else ''}\r\n"
        ).encode() + body

    async def send(self, request: bytes) -> tuple[int, bytes]:
        """(status, body) of the answer to the pre-encoded ``request``; raises OSError or
        asyncio.IncompleteReadError when the connection breaks."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        try:
            self.writer.write(request)
            head = await self.reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            lower = head.lower()
            at = lower.find(b"\r\ncontent-length:")
            if at < 0:
                raise OSError("answer without Content-Length")
            end = lower.index(b"\r\n", at + 2)
            body = await self.reader.readexactly(int(lower[at + 17 : end]))
            return status, body
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _case_id(body: bytes) -> str:
    at = body.index(b'"case_id":"') + 11
    return body[at : body.index(b'"', at)].decode()


async def run_client(
    connection: Connection,
    bodies: dict[int, bytes],
    until: float,
    mix: bool,
    tally: Tally,
    seed_no: int,
) -> None:
    """Create (and with ``mix`` read) cases until ``until`` or until the connection breaks
    (the server was killed). Only answered requests are timed; a broken one is a failure."""
    rng = random.Random(seed_no)
    mine: list[str] = []
    post = {w: connection.head("POST", "/api/cases", body) for w, body in bodies.items()}
    while time.monotonic() < until:
        weight = rng.choice(WEIGHTS)
        started = time.perf_counter()
        try:
            status, body = await connection.send(post[weight])
        except (OSError, asyncio.IncompleteReadError):
            tally.failures["create"] += 1
            return
        tally.latencies["create"].append(time.perf_counter() - started)
        if status == 201:
            case_id = _case_id(body)
            mine.append(case_id)
            tally.acknowledged[case_id] = weight
        else:
            tally.failures["create"] += 1
        if not mix or not mine or time.monotonic() >= until:
            continue
        started = time.perf_counter()
        try:
            status, _ = await connection.send(
                connection.head("GET", f"/api/cases/{rng.choice(mine)}")
            )
        except (OSError, asyncio.IncompleteReadError):
            tally.failures["read"] += 1
            return
        tally.latencies["read"].append(time.perf_counter() - started)
        if status != 200:
            tally.failures["read"] += 1
