"""A short label for a browser's ``User-Agent`` ("Firefox 133 on Linux"), shown in the
list of a user's sessions; parsed with ``ua-parser`` (uap-core's rules, maintained by
the ua-parser project), never by hand."""

from __future__ import annotations

MAX_LABEL = 128


def describe_agent(header: str | None) -> str:
    """Browser and major version on operating system; the raw value (cut) when the
    rules know neither (API clients: ``python-httpx/0.28.1``); ``unknown`` when absent."""
    raw = (header or "").strip()
    if not raw:
        return "unknown"
    from ua_parser import parse

    result = parse(raw[:512])
    browser, system = result.user_agent, result.os
    if browser is None and system is None:
        return raw[:MAX_LABEL]
    label = browser.family if browser else "unknown browser"
    if browser and browser.major:
        label += f" {browser.major}"
    if system is not None and system.family != "Other":
        label += f" on {system.family}"
    return label[:MAX_LABEL]
