"""The signal-run service (signals/runs.py) that the web, jobs, demo and CLI share."""

from __future__ import annotations

from pathlib import Path

from dermavigil.settings import load_settings
from dermavigil.signals import runs


def test_run_and_save_reports_progress_and_saves_every_level(
    synthetic_store: Path, tmp_path: Path
) -> None:
    settings = load_settings(
        {"DERMAVIGIL_HOME": str(tmp_path), "DERMAVIGIL_STORE_DIR": str(synthetic_store)}
    )
    seen: list[tuple[str, int, int]] = []
    result = runs.run_and_save(settings, progress=lambda *step: seen.append(step))
    assert set(result) == set(runs.LEVELS)
    product = runs.load(settings, "product")
    assert product is not None and product.num_rows == result["product"]["pairs"] > 0
    assert runs.load_prior(settings, "product") is not None
    assert seen[-1] == ("done", len(runs.LEVELS), len(runs.LEVELS))
    assert any(step.startswith("by product (") and done == 0 for step, done, _ in seen)
    # levels done never go backwards
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)
