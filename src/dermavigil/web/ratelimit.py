"""Login throttling with the ``limits`` package: per account, per client address, a global
ceiling, and known devices that an attacker's lock-out does not reach.

Failed logins (never successful ones) are counted in moving windows
(:class:`limits.strategies.MovingWindowRateLimiter`; OWASP Authentication Cheat Sheet,
"Login Throttling" and "Account Lockout"):

- **per account** (the user name after :func:`~dermavigil.domain.accounts.normalize_username`,
  the same form authentication uses, so white-space or case variants share one allowance):
  :attr:`LoginPolicy.per_account` failures lock the account for new devices;
- **per client address** (:func:`~dermavigil.web.login.client_address`; proxies trusted only
  when configured): one address cannot spray many user names;
- **global**: a ceiling on failures over all accounts and addresses (a distributed guess
  against many accounts);
- **known devices** (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a
  browser that signed in as the user before holds a signed ``dv_device`` cookie naming the
  user. Its attempts are counted on that device only, so a user locked out by someone
  else's failures (or sharing a NAT address with an attacker) still signs in from their own
  browser, while a stolen or guessed device gets only :attr:`LoginPolicy.per_device` tries.

Storage: ``limits`` storage URI :attr:`LoginPolicy.storage` (``DERMAVIGIL_LOGIN_LIMIT_STORAGE``,
default ``memory://``). Memory storage is per worker process: with ``serve --workers N`` an
attacker gets at most N times each allowance (connections are spread over the workers) and
the counters start empty after a restart; no request pays a database or network round trip
and no failed login writes to the registry (a flood of failures cannot contend with case
writes for the SQLite write lock). A deployment that runs many workers or several hosts sets
the URI to a shared store that ``limits`` supports (``redis://...``, ``memcached://...``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from dermavigil.domain.accounts import normalize_username
from dermavigil.errors import DermavigilError


class TooManyAttempts(DermavigilError):
    """Too many failed logins for this account, address or server; wait and retry."""

    status_code = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class LoginPolicy:
    """Allowances of failed logins (``limits`` notation: ``"5/5 minutes"``) and the storage."""

    per_account: str = "5/5 minutes"
    per_address: str = "30/5 minutes"
    per_device: str = "5/5 minutes"
    global_: str = "200/5 minutes"
    storage: str = "memory://"


class LoginLimiter:
    """Check before a login, count failures after it (see the module docstring)."""

    def __init__(self, policy: LoginPolicy | None = None, namespace: str = "") -> None:
        self.policy = policy or LoginPolicy()
        self.namespace = namespace  # counters apart from another limiter's in shared storage
        self._storage = storage_from_string(self.policy.storage)
        self._limiter = MovingWindowRateLimiter(self._storage)
        self._account = parse(self.policy.per_account)
        self._address = parse(self.policy.per_address)
        self._device = parse(self.policy.per_device)
        self._global = parse(self.policy.global_)

    def _keys(
        self, username: str, address: str, device: str | None
    ) -> list[tuple[RateLimitItem, tuple[str, ...], str]]:
        """(allowance, key, what to tell the user) for every counter this attempt uses."""
        prefix = (self.namespace,) if self.namespace else ()
        if device is not None:
            return [(self._device, (*prefix, "device", device), "from this browser")]
        name = normalize_username(username)
        return [
            (self._account, (*prefix, "account", name), f"for {name!r} from a new browser"),
            (self._address, (*prefix, "address", address), "from this address"),
            (self._global, (*prefix, "global"), "on this server from new browsers"),
        ]

    def check(self, username: str, address: str, device: str | None = None) -> None:
        """Raise :class:`TooManyAttempts` (with the longest wait) when a counter is full."""
        now = time.time()
        waits = []
        for item, key, where in self._keys(username, address, device):
            if not self._limiter.test(item, *key):
                reset = self._limiter.get_window_stats(item, *key).reset_time
                waits.append((max(1, math.ceil(reset - now)), where))
        if waits:
            wait, where = max(waits)
            raise TooManyAttempts(f"too many failed logins {where}; retry in {wait} s", wait)

    def failed(self, username: str, address: str, device: str | None = None) -> None:
        """Count one failed attempt on every counter it uses."""
        for item, key, _ in self._keys(username, address, device):
            self._limiter.hit(item, *key)

    def succeeded(self, username: str, address: str, device: str | None = None) -> None:
        """Forget the account's (or device's) failures; the address and global counters
        keep theirs, so logging into one's own account does not reset a spraying address."""
        for item, key, _ in self._keys(username, address, device)[:1]:
            self._limiter.clear(item, *key)
