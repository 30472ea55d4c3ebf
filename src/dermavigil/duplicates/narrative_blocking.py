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

The bands are computed here, in numpy, before the records go to the engine
(:func:`with_bands`), so that DuckDB and Spark block on the same keys: each word is hashed
once (the first 8 bytes of its BLAKE2b digest, RFC 7693), the ``i``-th minhash function is
splitmix64's finaliser (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
generators", OOPSLA) of the word's hash XOR the ``i``-th seed, and a band's key is the
finaliser chained over the band's seed and its minhashes. (Each engine's own ``hash`` in
SQL gave other bands on each: DuckDB's ``hash`` and Spark's ``xxhash64`` differ.)

A text of fewer than :data:`~dermavigil.duplicates.narrative_levels.NARRATIVE_MIN_WORDS`
words gets no key (it can never reach the alike level), and a band more reports share than
the blocking's cap (a template text: "no adverse event", one sender's standard wording) is
dropped like every key over the cap (:mod:`~dermavigil.duplicates.blocking`).
"""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dermavigil.duplicates.narrative_levels import NARRATIVE_MIN_WORDS

__all__ = ["BANDS", "BAND_ROWS", "BATCH", "COLUMN", "narrative_bands", "with_bands"]

BAND_ROWS = 2
"""Minhashes per band (``r``): fewer rows make a band shared at a lower similarity."""

BANDS = 10
"""Bands (keys) per text (``b``): the S-curve ``1 - (1 - J^r)^b`` rises through about
``(1 / b)^(1 / r)`` = .32, below the alike level's Jaccard of .5. On the 59,805 VAERS
1990-2006 manufacturer reports 10 of the 45 links under one number that no other key
scored have alike texts; these bands put 13 of the 45 together (every alike one), for
1.09M pairs sharing a band (2, 10: 13 links, 1.09M pairs; 3, 10: 11, 0.89M; 2, 20: 14,
1.97M; 3, 16: 12, 1.36M; measured with DuckDB's ``hash`` as the minhash functions)."""

COLUMN = "narrative_bands"
"""The column of a record's band keys (a list of :data:`BANDS` 64-bit integers, null for a
text too short) that :func:`with_bands` adds."""

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
"""splitmix64's increment (2^64 / the golden ratio): the ``i``-th seed is ``i`` times it."""


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser on 64-bit words (a bijection; every output bit depends on
    every input bit); numpy's unsigned arithmetic wraps modulo 2^64 as the finaliser's."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _seed(i: int) -> np.uint64:
    return _mix(np.array([i + 1], dtype=np.uint64) * _GOLDEN)[0]


def _word_hashes(words: list[str]) -> np.ndarray:
    """Each word's hash: the first 8 bytes of its BLAKE2b digest, little-endian."""
    digests = b"".join(hashlib.blake2b(w.encode(), digest_size=8).digest() for w in words)
    return np.frombuffer(digests, dtype="<u8").astype(np.uint64)


BATCH = 50_000
"""Word lists hashed at a time: the arrays of one band's minhashes hold one value per word
of every list hashed together (1M VAERS records: some 50M words, 400 MB a band row), so
the lists are hashed in batches and their bands joined; a list's bands depend on its
words alone, so the batch changes nothing."""


def narrative_bands(words: pa.Array | pa.ChunkedArray) -> pa.Array:
    """The :data:`BANDS` band keys (int64) of each word list of ``words``; null where the list
    is null or holds fewer than ``NARRATIVE_MIN_WORDS`` words (see the module docstring),
    :data:`BATCH` lists at a time."""
    lists = words.combine_chunks() if isinstance(words, pa.ChunkedArray) else words
    if len(lists) > BATCH:
        return pa.concat_arrays(
            [_bands(lists.slice(start, BATCH)) for start in range(0, len(lists), BATCH)]
        )
    return _bands(lists)


def _bands(lists: pa.Array) -> pa.Array:
    """:func:`narrative_bands` of the word lists ``lists``, all at once."""
    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False)
    keyed = lengths >= NARRATIVE_MIN_WORDS
    out = np.zeros((len(lists), BANDS), dtype=np.uint64)
    if keyed.any():
        texts = lists.filter(pa.array(keyed))
        encoded = texts.flatten().dictionary_encode()
        hashes = _word_hashes(encoded.dictionary.to_pylist())
        indices = encoded.indices.to_numpy()
        starts = np.concatenate(([0], np.cumsum(lengths[keyed])[:-1]))
        rows = np.empty((BAND_ROWS, int(keyed.sum())), dtype=np.uint64)
        for band in range(BANDS):
            key = np.full(rows.shape[1], _seed(band), dtype=np.uint64)
            for j in range(BAND_ROWS):
                per_word = _mix(hashes ^ _seed(BANDS + band * BAND_ROWS + j))
                rows[j] = np.minimum.reduceat(per_word[indices], starts)
                key = _mix(key ^ rows[j])
            out[keyed, band] = key
    values = pa.array(out.view(np.int64).ravel())
    offsets = pa.array(np.arange(len(lists) + 1, dtype=np.int32) * BANDS)
    return pa.ListArray.from_arrays(offsets, values, mask=pa.array(~keyed))


def with_bands(table: pa.Table, words: str = "narrative_words") -> pa.Table:
    """``table`` with the column :data:`COLUMN`: the band keys of its word lists ``words``."""
    return table.append_column(COLUMN, narrative_bands(table[words]))
