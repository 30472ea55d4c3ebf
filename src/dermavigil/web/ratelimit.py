"""Login throttling: a sliding-window counter per (username, client address).

Failed attempts are remembered for ``window`` seconds; once ``limit`` failures
sit inside the window, further attempts are refused until the oldest one ages
out (OWASP Authentication Cheat Sheet, "Login Throttling"). Keyed by username
*and* address so an attacker cannot lock a user out from elsewhere, and one
address cannot spray one account. In memory, per process, thread-safe.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from dermavigil.errors import DermavigilError


class TooManyAttempts(DermavigilError):
    """Too many failed logins for this user from this address; wait and retry."""

    status_code = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class LoginLimiter:
    """At most ``limit`` failed logins per key in any ``window`` seconds."""

    def __init__(
        self, limit: int = 5, window: float = 300.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        stamps = self._failures.setdefault(key, deque())
        while stamps and stamps[0] <= now - self.window:
            stamps.popleft()
        return stamps

    def check(self, username: str, address: str) -> None:
        """Raise :class:`TooManyAttempts` when the key is over its limit."""
        key = (username.lower(), address)
        with self._lock:
            now = self._clock()
            stamps = self._recent(key, now)
            if not stamps:  # nothing remembered: keep the table small
                del self._failures[key]
            elif len(stamps) >= self.limit:
                wait = int(stamps[0] + self.window - now) + 1
                raise TooManyAttempts(
                    f"too many failed logins for {username!r}; retry in {wait} s", wait
                )

    def failed(self, username: str, address: str) -> None:
        """Record one failed attempt."""
        key = (username.lower(), address)
        with self._lock:
            self._recent(key, self._clock()).append(self._clock())

    def succeeded(self, username: str, address: str) -> None:
        """Forget the failures of a key after a successful login."""
        with self._lock:
            self._failures.pop((username.lower(), address), None)
