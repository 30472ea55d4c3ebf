"""The coder tables' disk cache: written once, read back identical, rebuilt when unusable."""

from dermavigil.terminology import coder_cache
from dermavigil.terminology.coder import PhraseCoder
from dermavigil.terminology.hpo import load_hpo


def test_tables_are_cached_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMAVIGIL_CACHE_DIR", str(tmp_path))
    built = coder_cache.coder_tables()
    files = list(tmp_path.glob("hpo-coder-*.marshal"))
    assert len(files) == 1
    monkeypatch.setattr(coder_cache, "build_tables", lambda: (_ for _ in ()).throw(AssertionError))
    read = coder_cache.coder_tables()  # must come from the file, not a rebuild
    assert read == built
    coder = PhraseCoder(read)
    assert [c.code for c in coder.code("skin necrosis")] == ["HP:0033126"]


def test_a_corrupt_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMAVIGIL_CACHE_DIR", str(tmp_path))
    coder_cache.coder_tables()
    path = next(tmp_path.glob("hpo-coder-*.marshal"))
    path.write_bytes(b"not marshal data")
    tables = coder_cache.coder_tables()
    assert "HP:0033126" in tables.names
    assert path.read_bytes() != b"not marshal data"


def test_cached_tables_code_like_the_full_index():
    full = PhraseCoder(load_hpo())
    cached = PhraseCoder(coder_cache.build_tables())
    for phrase in ("painful purplish papules and nodules", "leucocytoclastic vasculitis", "hives"):
        assert full.code(phrase) == cached.code(phrase)


def test_table_terms_outside_the_codable_branch_keep_their_label():
    from dermavigil.terminology.clinical_wordings import EQUIVALENT, NEAREST_PARENT

    tables = coder_cache.build_tables()
    for term_id in {**NEAREST_PARENT, **EQUIVALENT}.values():
        assert term_id in tables.names or tables.alt.get(term_id) in tables.names, term_id
