"""Inter-annotator agreement on the real-abstract set: how far two readers of one text agree.

Usage: ``.venv/bin/python bench/annotation_agreement.py [SECOND.jsonl]``

Without an argument it reads ``bench/data/literature_agreement.jsonl``: the third
annotators' r400-r414 and r450-r464, r500-r514 and r550-r564, and r600-r614 and
r650-r664 (see ``docs/annotation.md``).

``SECOND.jsonl`` holds a second, independent annotation of some items of
``bench/data/literature_real.jsonl`` (one JSON object a line: ``id`` and ``gold``,
written from the text alone by an annotator who saw neither the first annotation nor
the extractor's output; conventions in ``docs/annotation.md``). The first annotation
is taken as the reference and the second is scored against it with the very scorer
that scores the extractor (:func:`dermavigil.literature.realscore.score_real`, the
second annotation shaped by :func:`~dermavigil.literature.realscore.annotation_view`),
field by field. Agreement measured this way (precision/recall of one reader against
the other; accuracy for single-valued fields) is the ceiling that the extraction
targets should be read against: Hripcsak & Rothschild 2005 (JAMIA 12:296-298) show
that pairwise F1 between annotators is the agreement measure for span/term
annotation, where kappa is ill-defined.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import _print_scores  # noqa: E402
from literature_cache import annotations  # noqa: E402

from dermavigil.literature.realscore import annotation_view, score_real  # noqa: E402

SECOND = Path(__file__).resolve().parent / "data" / "literature_agreement.jsonl"


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print(__doc__)
        return 2
    path = Path(argv[0]) if argv else SECOND
    second = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            second[item["id"]] = item["gold"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            print(f"{path} line {number}: not an {{id, gold}} object ({error})", file=sys.stderr)
            return 2
    first = {item["id"]: item for item in annotations()}
    unknown = sorted(set(second) - set(first))
    if unknown:
        print(f"not in bench/data/literature_real.jsonl: {', '.join(unknown)}", file=sys.stderr)
        return 2
    for split in ("dev", "held_out"):
        ids = sorted(i for i in second if first[i]["split"] == split)
        if ids:
            pairs = [(annotation_view(second[i]), first[i]["gold"]) for i in ids]
            _print_scores(f"agreement, {split} ({ids[0]}-{ids[-1]})", score_real(pairs), len(pairs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
