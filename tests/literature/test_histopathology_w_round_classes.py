"""Histopathology failure classes of the w0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or histological examination showed.
A result told by an adverb ("histologically compatible with EN", the short form coded by the
long form the text defines) or before its test ("a lobular panniculitis was seen in both
biopsies"); a numbered enumeration of patterns across semicolons; "histological features of";
a reporting verb followed by its means ("confirmed with a causality scale") shows nothing.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def _labels(text: str) -> set[str]:
    return {c["label"] for f in _histology(text) for c in f.get("codes", [])}


def test_a_result_told_by_an_adverb_with_a_short_form_the_text_defines():
    assert "Erythema nodosum" in _labels(
        "Tender nodules of the shins during a biologic\nErythema nodosum (EN) is a septal "
        "panniculitis. A 41-year-old woman with Crohn disease received adalimumab "
        "subcutaneously. Two days after the third injection, tender red nodules appeared on "
        "her shins, histologically compatible with EN."
    )


def test_a_result_told_before_its_test():
    assert "Panniculitis" in _labels(
        "Nodules at infusion sites\nA 66-year-old man developed firm nodules at the sites of "
        "his subcutaneous apomorphine infusions. A lobular panniculitis was seen in both "
        "biopsies."
    )


def test_a_numbered_enumeration_across_semicolons_and_features_of():
    (finding,) = _histology(
        "Hardened skin after a filler\nA 48-year-old woman developed hard plaques where a "
        "polyalkylimide gel had been injected. Histological examination showed two patterns: "
        "(1) an acute pattern with oedema of the fat; (2) a late pattern with dermal sclerosis."
    )
    assert "dermal sclerosis" in finding["result"]
    (finding,) = _histology(
        "Ulcers at interferon injection sites\nA 35-year-old woman developed ulcers at the "
        "sites of her interferon beta injections. Histological features of a nonspecific "
        "inflammatory reaction with vascular hyperplasia were noted."
    )
    assert finding["result"].startswith("a nonspecific inflammatory reaction")


def test_a_reporting_verb_followed_by_its_means_shows_nothing():
    assert not _histology(
        "Psoriasiform eruption during a biologic\nA 44-year-old man developed a psoriasiform "
        "eruption after certolizumab injections. The diagnosis rested on the clinical and "
        "histopathological findings and was further confirmed with the Naranjo scale, which "
        "gave a score of nine."
    )
