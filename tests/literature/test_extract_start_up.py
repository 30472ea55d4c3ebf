"""An English text is extracted without loading the other languages' words.

The word tables of Spanish, Portuguese, French, German, Italian, Japanese, Chinese and
Turkish compile a few hundred patterns; ``dermavigil extract`` on an English abstract
needs none of them, and the command starts faster without them (issue 10, cold start).
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
