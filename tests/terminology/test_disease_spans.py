from dermavigil.terminology.disease_spans import disease_keys, disease_spans


def _found(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.term_id.split("|")[0] for s in disease_spans(text)}


def test_disease_names_of_the_ontology_are_found_longest_first():
    text = "She had cutaneous sarcoidosis, then botulism and an Arthus reaction."
    assert _found(text) == {
        "cutaneous sarcoidosis": "DOID:13402",
        "botulism": "DOID:11976",
        "Arthus reaction": "DOID:1556",
    }


def test_the_table_holds_only_its_four_branches_and_no_bare_abbreviation():
    branches = {v.split("|")[1].split("/")[0] for v in disease_keys().values()}
    assert branches == {"infectious", "skin", "vascular", "immune"}
    # "MAC" (Mycobacterium avium complex) and other short capitals are ambiguous in text
    assert "mac" not in disease_keys()
    assert "Mycobacterium avium complex disease" in _found(
        "a Mycobacterium avium complex disease of the skin"
    )
