"""Split a source text into segments marked with the case fields they are evidence for (pure).

Evidence maps a field path (``products.0.route``) to character spans
``(start, end)`` of the source text. Spans may overlap; the text is cut at
every span boundary and each piece lists every field whose spans cover it,
so the page can mark it once with all its fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A piece of the text and the field paths it supports (empty: plain text)."""

    text: str
    fields: tuple[str, ...]


def segments(text: str, evidence: Mapping[str, Sequence[Sequence[int]]] | None) -> list[Segment]:
    """``text`` cut into consecutive segments; spans outside the text are clipped."""
    spans = [
        (max(0, int(s)), min(len(text), int(e)), path)
        for path, pairs in (evidence or {}).items()
        for s, e in pairs
        if int(e) > int(s)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        fields = tuple(sorted({p for s, e, p in spans if s <= start and end <= e}))
        out.append(Segment(text[start:end], fields))
    return out
