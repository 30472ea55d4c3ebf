"""User names: the one normalisation every part of the app applies.

The login throttle, authentication, user creation and every look-up of a user go through
:func:`normalize_username`, so ``' Rep1'``, ``'rep1\\n'``, ``'\\tREP1'`` or the full-width
``'ｒｅｐ１'`` are one account *and* one throttling key (issue 12: the limiter keyed on
``lower()`` while authentication used ``strip().lower()``, so each whitespace variant got a
fresh allowance). Unicode NFKC folds compatibility forms (full-width letters, ligatures),
then surrounding white space of any kind is stripped and the result case-folded
(Unicode Technical Report #36 / RFC 8265 "UsernameCaseMapped" in spirit: compatibility
mapping, case mapping, no leading or trailing space). Pure: no I/O.
"""

from __future__ import annotations

import unicodedata


def normalize_username(raw: str) -> str:
    """The canonical form of a user name as typed (NFKC, stripped, case-folded)."""
    return unicodedata.normalize("NFKC", raw).strip().casefold()


SESSION_LIFETIME_SECONDS = 12 * 3600
"""How long a sign-in lasts (browser session or API token) unless it is ended before:
the signed cookie or token expires then, and the registry stops accepting its session row."""
