"""Writing a signal table: the CSV streamed in batches and formatted in slices on threads is
the same file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from dermavigil.signals import output


@pytest.mark.parametrize("parts", [1, 2, 3])
def test_csv_formatted_in_slices_is_the_same_file(
    tmp_path: Path, parts: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "_CSV_SLICE_ROWS", 2)
    monkeypatch.setattr(output, "CSV_BATCH_ROWS", 3)
    table = pa.table({"name": [f"p{k}" for k in range(11)], "x": np.linspace(0, 1, 11) / 3})
    pacsv.write_csv(table, tmp_path / "one.csv")
    output.write_csv(table, tmp_path / "parts.csv", parts)
    assert (tmp_path / "parts.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()


def test_slices_follow_the_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(output.os, "getloadavg", lambda: (0.4, 0.0, 0.0))
    assert output.csv_parts() == 2
    monkeypatch.setattr(output.os, "getloadavg", lambda: (3.0, 0.0, 0.0))
    assert output.csv_parts() == 1
    monkeypatch.setattr(output.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(output.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert output.csv_parts() == 1
