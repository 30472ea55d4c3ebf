"""The packaged catalogue is read by libyaml's loader when PyYAML has it (cold start, issue 10)."""

from __future__ import annotations

from importlib import resources

import pytest

from dermavigil.catalogue.data import shipped_entries

yaml = pytest.importorskip("yaml")
needs_libyaml = pytest.mark.skipif(
    not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml"
)


@needs_libyaml
def test_the_shipped_catalogue_is_read_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    read = []

    class Watched(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        def __init__(self, stream: str) -> None:
            read.append(stream[:40])
            super().__init__(stream)

    monkeypatch.setattr(yaml, "CSafeLoader", Watched)
    shipped_entries.cache_clear()
    try:
        entries = shipped_entries()
    finally:
        shipped_entries.cache_clear()
    assert len(read) == 1
    assert any(entry.name for entry in entries)


@needs_libyaml
def test_libyaml_and_the_python_loader_read_the_same_catalogue() -> None:
    text = resources.files("dermavigil.catalogue").joinpath("data/products.yaml").read_text("utf-8")
    assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.safe_load(text)
