"""The coder tables carry the hierarchy seriousness needs, so a cold extraction does not
build the HPO index."""

from __future__ import annotations

from dermavigil.literature.extract.seriousness_codes import _PHENOTYPES, _criteria_of
from dermavigil.terminology.coder_cache import coder_tables
from dermavigil.terminology.hpo import load_hpo


def test_every_seriousness_root_reaches_its_descendants_through_the_cached_parents() -> None:
    """The criteria of a code are read up its ``is_a`` parents in the cached tables: every
    codable descendant of a root (in the full index) has the root's criterion."""
    tables = coder_tables()
    hpo = load_hpo()
    for criterion, roots in _PHENOTYPES:
        for root in roots:
            for code in hpo.descendants(root):
                if code in tables.parents:
                    assert criterion in _criteria_of([code]), (root, code)


def test_an_extraction_with_warm_tables_does_not_build_the_index(tmp_path) -> None:
    """One cold ``dermavigil extract`` must stay under 1.5 s (issue 13 target 7): with the
    tables cached on disk, extracting the seed case never parses ``hp.obo``."""
    import subprocess
    import sys
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "case_report.txt"
    program = (
        "import sys\n"
        "from dermavigil.literature.service import draft_from_text\n"
        "from dermavigil.terminology import hpo\n"
        f"draft_from_text(open({str(seed)!r}, encoding='utf-8').read())\n"
        "sys.exit(hpo.load_hpo.cache_info().currsize)\n"
    )
    env = {"DERMAVIGIL_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    import os

    env["PYTHONPATH"] = os.environ.get("PYTHONPATH", "")
    subprocess.run([sys.executable, "-c", program], env=env, check=False)  # warms the cache
    second = subprocess.run([sys.executable, "-c", program], env=env, check=False)
    assert second.returncode == 0, "the HPO index was built although the tables were cached"
