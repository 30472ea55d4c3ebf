"""An English text is extracted without loading the other languages' words.

The word tables of Spanish, Portuguese, French, German, Italian, Japanese, Chinese and
Turkish compile a few hundred patterns; ``dermavigil extract`` on an English abstract
needs none of them, and the command starts faster without them (issue 10, cold start).
Nor does it compile the long alternations that only some texts need (a tattoo's pigment,
a vaccine named by its diseases, a lesion named by its morphology, a named syndrome's
words): they are compiled on first use.
"""

from __future__ import annotations

import json
import subprocess
import sys

TEXT = (
    "Painful nodules after a cheek filler: a case report\n\n"
    "A 52-year-old woman developed tender nodules on both cheeks ten days after a "
    "hyaluronic acid filler injection. They resolved with hyaluronidase."
)
OTHER_LANGUAGES = (
    "foreign",
    "foreign_draft",
    "foreign_words",
    "foreign_latency_words",
    "foreign_intervals",
)


def test_an_english_text_loads_no_other_language_words():
    script = (
        "import json, sys; "
        "from dermavigil.literature.extract import extract_draft; "
        f"draft = extract_draft({TEXT!r}); "
        "assert draft.case['reactions'], draft.case; "
        "print(json.dumps([m.rsplit('.', 1)[1] for m in sys.modules "
        "if m.startswith('dermavigil.literature.extract.')]))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert loaded, out.stderr
    assert not loaded & set(OTHER_LANGUAGES)


FIRST_USE = (
    ("mentions", "_head_word"),
    ("named_diagnoses", "_like_a_head"),
    ("named_exposure", "_name_goes_on"),
    ("named_exposure", "_name_began"),
    ("tattoo", "_named"),
)


def test_an_english_text_compiles_no_pattern_it_does_not_need():
    script = (
        "import importlib, json; "
        "from dermavigil.literature.extract import extract_draft; "
        f"draft = extract_draft({TEXT!r}); "
        "assert draft.case['reactions'], draft.case; "
        "print(json.dumps([getattr(importlib.import_module("
        "f'dermavigil.literature.extract.{m}'), f).cache_info().currsize "
        f"for m, f in {FIRST_USE!r}]))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [0] * len(FIRST_USE), out.stderr
