"""The translation glossaries and the skeleton table are read from the disk cache, and
rebuilt when a source they are built from changes."""

import pytest

from dermavigil.terminology import disease_spans, gloss_cache, translation_gloss


def _clear() -> None:
    gloss_cache._key.cache_clear()
    disease_spans.disease_keys.cache_clear()
    translation_gloss.glossary.cache_clear()
    translation_gloss._skeletons.cache_clear()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMAVIGIL_CACHE_DIR", str(tmp_path / "cache"))
    obo = tmp_path / "hp.obo"  # stands for the packaged release: the key reads its stat only
    obo.write_text("format-version: 1.2\n")
    monkeypatch.setattr(gloss_cache, "packaged_hpo_path", lambda: obo)
    _clear()
    yield tmp_path / "cache", obo
    _clear()


def _fail(*_args):
    raise AssertionError("rebuilt, not read from the cache")


def test_the_glossary_and_skeletons_are_read_back_from_the_cache(cache, monkeypatch):
    folder, _ = cache
    built = translation_gloss.glossary("es")
    skeletons = translation_gloss._skeletons()
    written = sorted(p.name for p in folder.glob("gloss-*"))
    assert written == [
        "gloss-disease-keys-1.marshal",  # the skeletons spell the Disease Ontology's words too
        "gloss-es-1.marshal",
        "gloss-skeletons-1.marshal",
    ]
    _clear()
    monkeypatch.setattr(translation_gloss, "_induce", _fail)
    monkeypatch.setattr(translation_gloss, "_build_skeletons", _fail)
    assert translation_gloss.glossary("es") == built
    assert translation_gloss._skeletons() == skeletons
    assert translation_gloss.english_word("eritema", "es") == "erythema"


def test_a_changed_source_rebuilds_the_glossary(cache, monkeypatch):
    _, obo = cache
    translation_gloss.glossary("fr")
    obo.write_text("format-version: 1.2\ndata-version: a newer release\n")
    _clear()
    monkeypatch.setattr(translation_gloss, "_induce", lambda language: {"rougeur": "redness"})
    assert translation_gloss.glossary("fr") == {"rougeur": "redness"}
    _clear()
    monkeypatch.setattr(translation_gloss, "_induce", _fail)
    assert translation_gloss.glossary("fr") == {"rougeur": "redness"}  # the rebuilt file


def test_the_head_word_sets_are_read_back_from_the_cache(cache, monkeypatch):
    from dermavigil.terminology import finding_heads, function_heads

    finding_heads.finding_heads.cache_clear()
    function_heads.function_heads.cache_clear()
    built = (finding_heads.finding_heads(), function_heads.function_heads())
    folder, _ = cache
    assert {"gloss-finding-heads-1.marshal", "gloss-function-heads-1.marshal"} <= {
        p.name for p in folder.glob("gloss-*")
    }
    finding_heads.finding_heads.cache_clear()
    function_heads.function_heads.cache_clear()
    monkeypatch.setattr(finding_heads, "_build", _fail)
    monkeypatch.setattr(function_heads, "_build", _fail)
    assert (finding_heads.finding_heads(), function_heads.function_heads()) == built
    finding_heads.finding_heads.cache_clear()
    function_heads.function_heads.cache_clear()


def test_the_disease_names_are_read_back_from_the_cache(cache, monkeypatch):
    built = disease_spans.disease_keys()
    folder, _ = cache
    assert "gloss-disease-keys-1.marshal" in {p.name for p in folder.glob("gloss-*")}
    disease_spans.disease_keys.cache_clear()
    monkeypatch.setattr(disease_spans, "_read_disease_keys", _fail)
    read = disease_spans.disease_keys()
    assert read == built and list(read) == list(built)
    assert read["sarcoidosis"].startswith("DOID:")
