"""The narrative's blocking key: MinHash bands of the words of a report's own text, so that
two reports whose texts are alike are compared even when no other key puts them together
(a follow-up that recoded every reaction term and gives no date or age, the largest class
of the VAERS manufacturer-number links never scored: ``bench/vaers_links.py``).

The narrative fact (:mod:`~dermavigil.duplicates.narrative_levels`) compares two texts by
the Jaccard similarity of their word sets (:func:`~dermavigil.duplicates.features.
narrative_words`), so the key is the locality-sensitive hash of that similarity: MinHash
(Broder 1997, "On the resemblance and containment of documents", Compression and
Complexity of Sequences, 21-29: under a random hash function the two sets' smallest hashes
are equal with probability their Jaccard similarity ``J``), banded (Leskovec, Rajaraman &
Ullman, *Mining of Massive Datasets*, ch. 3.4: :data:`BANDS` bands of :data:`BAND_ROWS`
minhashes each, a band being one key; two texts share a key with probability
``1 - (1 - J^r)^b``: .94 at the alike level's least ``J`` of .5, .61 at .3, .10 at .1).
Each minhash is DuckDB's ``hash`` of the band's row number and the word.

A text of fewer than :data:`~dermavigil.duplicates.narrative_levels.NARRATIVE_MIN_WORDS`
words gets no key (it can never reach the alike level), and a band more reports share than
the blocking's cap (a template text: "no adverse event", one sender's standard wording) is
dropped like every key over the cap (:mod:`~dermavigil.duplicates.blocking`).
"""

from __future__ import annotations

from dermavigil.duplicates.narrative_levels import NARRATIVE_MIN_WORDS

__all__ = ["BANDS", "BAND_ROWS", "bands_sql"]

BAND_ROWS = 2
"""Minhashes per band (``r``): fewer rows make a band shared at a lower similarity."""

BANDS = 10
"""Bands (keys) per text (``b``): the S-curve ``1 - (1 - J^r)^b`` rises through about
``(1 / b)^(1 / r)`` = .32, below the alike level's Jaccard of .5. On the 59,805 VAERS
1990-2006 manufacturer reports 10 of the 45 links under one number that no other key
scored have alike texts; these bands put 13 of the 45 together (every alike one), for
1.09M pairs sharing a band (2, 10: 13 links, 1.09M pairs; 3, 10: 11, 0.89M; 2, 20: 14,
1.97M; 3, 16: 12, 1.36M)."""


def bands_sql(column: str = "narrative_words") -> str:
    """SQL: a record's list of :data:`BANDS` band keys (64-bit hashes) of the word list
    ``column``, null when the text has fewer than ``NARRATIVE_MIN_WORDS`` words."""
    minhash = f"list_min(list_transform({column}, lambda word: hash(band * {BAND_ROWS} + j, word)))"
    rows = f"list_transform(range({BAND_ROWS}), lambda j: {minhash})"
    return (
        f"CASE WHEN len({column}) >= {NARRATIVE_MIN_WORDS} THEN "
        f"list_transform(range({BANDS}), lambda band: hash(band, {rows})) END"
    )
