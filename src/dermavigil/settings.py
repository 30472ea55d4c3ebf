"""Settings from ``DERMAVIGIL_*`` environment variables.

All state lives under ``DERMAVIGIL_HOME`` (default ``./.dermavigil/``):
the registry database, the analytic store and uploads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dermavigil.domain.workflow import ClockRule


@dataclass(frozen=True)
class Settings:
    """Resolved settings; build with :func:`load_settings`."""

    home: Path
    database_url: str
    store_dir: Path
    uploads_dir: Path
    engine: str
    shared_data_dir: Path
    e2b_sender_id: str = "DERMAVIGIL"
    """E2B(R3) batch and message sender id (N.1.3, N.2.r.2)."""
    e2b_receiver_id: str = "RECEIVER"
    """E2B(R3) batch and message receiver id (N.1.4, N.2.r.3)."""
    spark_conf: tuple[tuple[str, str], ...] = ()
    """Spark session settings (``spark.*`` key, value) for ``--engine spark``, from
    ``DERMAVIGIL_SPARK_MASTER`` (``spark.master``, e.g. ``spark://host:7077``),
    ``DERMAVIGIL_SPARK_DRIVER_MEMORY``, ``DERMAVIGIL_SPARK_EXECUTOR_MEMORY``,
    ``DERMAVIGIL_SPARK_SHUFFLE_PARTITIONS`` and ``DERMAVIGIL_SPARK_CONF``
    (``key=value,key=value``); see :mod:`dermavigil.store.spark_engine`."""
    trusted_proxies: tuple[str, ...] = ()
    """Addresses or networks (``DERMAVIGIL_TRUSTED_PROXIES``, comma-separated, e.g.
    ``127.0.0.1,10.0.0.0/8``) whose ``X-Forwarded-For`` / ``X-Forwarded-Proto`` the web app
    believes; empty (the default): none, the peer address is the client."""
    max_body_bytes: int = 2 * 1024 * 1024
    """Largest request body (JSON, form, multipart) the web app reads
    (``DERMAVIGIL_MAX_BODY_BYTES``); more is refused with 413 before parsing."""
    max_upload_bytes: int = 1024 * 1024 * 1024
    """Largest signed-in import upload (``DERMAVIGIL_MAX_UPLOAD_BYTES``), streamed to disk."""
    login_limit_storage: str = "memory://"
    """``limits`` storage URI of the login throttle (``DERMAVIGIL_LOGIN_LIMIT_STORAGE``);
    see :mod:`dermavigil.web.ratelimit` for the trade-off."""
    access_log_days: int | None = None
    """How long the read-access log keeps its entries (``DERMAVIGIL_ACCESS_LOG_DAYS``;
    unset: for ever). Older entries are deleted when the web app starts and by
    ``dermavigil access-log --prune``."""
    require_2fa_roles: tuple[str, ...] = ("admin", "assessor")
    """Roles that must sign in with TOTP two-factor authentication
    (``DERMAVIGIL_REQUIRE_2FA``: unset or ``1``/``on``: admins and assessors; ``0``/``off``:
    nobody; or a comma-separated list of roles). A user of such a role without a second
    factor is sent to enrolment after the password and reaches no case data until enrolled."""
    clock_serious_unexpected_days: int = 15
    """Calendar days from day 0 to report a serious unexpected case (ICH E2D 5.1)."""
    clock_other_days: int = 90
    """Calendar days for every other case (EU GVP VI.C.3 non-serious)."""

    import_max_rejected_share: float = 0.1
    """``DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE``: an import is refused whole when more
    than this share of a file's rows is rejected (:mod:`dermavigil.ingest.limits`)."""

    def clock_rule(self) -> ClockRule:
        """The regulatory clock rule (:mod:`dermavigil.domain.workflow`)."""
        from dermavigil.domain.workflow import ClockRule

        return ClockRule(self.clock_serious_unexpected_days, self.clock_other_days)

    def ensure_dirs(self) -> None:
        """Create the state folders if missing."""
        for d in (self.home, self.store_dir, self.uploads_dir):
            d.mkdir(parents=True, exist_ok=True)


def _default_shared_data() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path("../shared/data").resolve()


def _roles_2fa(text: str) -> tuple[str, ...]:
    """``DERMAVIGIL_REQUIRE_2FA`` as the roles that must use a second factor."""
    word = text.strip().lower()
    if word in ("", "1", "on", "true", "yes"):
        return ("admin", "assessor")
    if word in ("0", "off", "false", "no", "none"):
        return ()
    roles = tuple(r.strip() for r in word.split(",") if r.strip())
    unknown = [r for r in roles if r not in ("reporter", "assessor", "admin")]
    if unknown:
        from dermavigil.errors import InputError

        raise InputError(
            f"DERMAVIGIL_REQUIRE_2FA={text!r}: {', '.join(unknown)} is not a role; give 1, 0 "
            "or roles among reporter, assessor, admin (comma-separated)"
        )
    return roles


def _days(env: dict[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or not 1 <= int(text) <= 3650:
        from dermavigil.errors import InputError, Problem

        raise InputError(
            f"{name}={text!r} is not a number of days", [Problem(name, "a whole number, 1-3650")]
        )
    return int(text)


def _bytes(env: dict[str, str], name: str, default: int) -> int:
    """A positive byte count from ``env[name]`` (default when unset)."""
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        from dermavigil.errors import InputError

        raise InputError(f"{name}={raw!r}: give a positive number of bytes")
    return value


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read settings from the environment (or the mapping given)."""
    env = dict(os.environ if env is None else env)
    home = Path(env.get("DERMAVIGIL_HOME", ".dermavigil")).expanduser().resolve()
    db_url = env.get("DERMAVIGIL_DATABASE_URL") or f"sqlite:///{home / 'registry.sqlite'}"
    store_dir = Path(env.get("DERMAVIGIL_STORE_DIR", str(home / "store"))).resolve()
    uploads = Path(env.get("DERMAVIGIL_UPLOADS_DIR", str(home / "uploads"))).resolve()
    engine = env.get("DERMAVIGIL_ENGINE", "duckdb").lower()
    shared = Path(env.get("DERMAVIGIL_SHARED_DATA", str(_default_shared_data()))).resolve()
    return Settings(
        home=home,
        database_url=db_url,
        store_dir=store_dir,
        uploads_dir=uploads,
        engine=engine,
        shared_data_dir=shared,
        e2b_sender_id=env.get("DERMAVIGIL_E2B_SENDER") or "DERMAVIGIL",
        e2b_receiver_id=env.get("DERMAVIGIL_E2B_RECEIVER") or "RECEIVER",
        spark_conf=_spark_conf(env),
        trusted_proxies=tuple(
            p.strip() for p in env.get("DERMAVIGIL_TRUSTED_PROXIES", "").split(",") if p.strip()
        ),
        login_limit_storage=env.get("DERMAVIGIL_LOGIN_LIMIT_STORAGE") or "memory://",
        max_body_bytes=_bytes(env, "DERMAVIGIL_MAX_BODY_BYTES", 2 * 1024 * 1024),
        max_upload_bytes=_bytes(env, "DERMAVIGIL_MAX_UPLOAD_BYTES", 1024 * 1024 * 1024),
        require_2fa_roles=_roles_2fa(env.get("DERMAVIGIL_REQUIRE_2FA", "")),
        access_log_days=_days(env, "DERMAVIGIL_ACCESS_LOG_DAYS", 0) or None,
        clock_serious_unexpected_days=_days(env, "DERMAVIGIL_CLOCK_SERIOUS_UNEXPECTED_DAYS", 15),
        clock_other_days=_days(env, "DERMAVIGIL_CLOCK_OTHER_DAYS", 90),
        import_max_rejected_share=_share(env, "DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE", 0.1),
    )


def _share(env: dict[str, str], name: str, default: float) -> float:
    """A share in [0, 1] from ``env[name]`` (blank or unset: ``default``)."""
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        from dermavigil.errors import InputError

        raise InputError(f"{name} must be a share between 0 and 1 (e.g. 0.1), not {text!r}")
    return value


_SPARK_ENV = {
    "DERMAVIGIL_SPARK_MASTER": "spark.master",
    "DERMAVIGIL_SPARK_DRIVER_MEMORY": "spark.driver.memory",
    "DERMAVIGIL_SPARK_EXECUTOR_MEMORY": "spark.executor.memory",
    "DERMAVIGIL_SPARK_SHUFFLE_PARTITIONS": "spark.sql.shuffle.partitions",
}


def parse_spark_conf(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["key=value", ...]`` as a mapping; an InputError names an item without ``=``."""
    from dermavigil.errors import InputError

    conf: dict[str, str] = {}
    for item in items:
        key, sep, value = (part.strip() for part in item.partition("="))
        if not sep or not key or not value:
            raise InputError(
                f"{item!r} is not a Spark setting KEY=VALUE (e.g. spark.driver.memory=8g)"
            )
        conf[key] = value
    return conf


def _spark_conf(env: dict[str, str]) -> tuple[tuple[str, str], ...]:
    conf = {key: env[name] for name, key in _SPARK_ENV.items() if env.get(name)}
    extra = env.get("DERMAVIGIL_SPARK_CONF", "")
    conf.update(parse_spark_conf([i for i in extra.split(",") if i.strip()]))
    return tuple(conf.items())
