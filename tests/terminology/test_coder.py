"""The HPO coder against the confirmed ids in shared/reference/terminology.md."""

from __future__ import annotations

import pytest

from dermavigil.terminology.clinical_wordings import CLINICAL_SENSE, EQUIVALENT, NEAREST_PARENT
from dermavigil.terminology.coder import code_phrase, default_coder, finding_adjective
from dermavigil.terminology.hpo import about, load_hpo
from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.obo import packaged_hpo_path, parse_obo


def test_obo_reader_counts_and_release() -> None:
    ontology = parse_obo(packaged_hpo_path())
    assert ontology.release == "2025-01-16"
    assert len(ontology.terms) > 19000
    necrosis = ontology.terms["HP:0033126"]
    assert necrosis.name == "Cutaneous necrosis"
    assert [s.text for s in necrosis.synonyms] == ["Skin necrosis"]
    assert necrosis.is_a == ["HP:0011355"]
    assert sum(len(t.synonyms) for t in ontology.terms.values()) > 23000


def test_about_cites_the_release() -> None:
    facts = about()
    assert facts["release"] == "2025-01-16"
    assert "license" in facts["licence"]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("skin necrosis", "HP:0033126"),
        ("Cutaneous necrosis", "HP:0033126"),
        ("leukocytoclastic vasculitis", "HP:0034786"),
        ("leucocytoclastic vasculitis", "HP:0034786"),
        ("cutaneous vasculitis", "HP:0200029"),
        ("purpura", "HP:0000979"),
        ("papules", "HP:0200034"),
        ("nodules", "HP:0200036"),
        ("erosions", "HP:0200041"),
        ("hyperpigmentation", "HP:0000953"),
        ("granuloma", "HP:6000070"),
        ("erythema", "HP:0010783"),
        ("pain", "HP:0012531"),
        ("urticaria", "HP:0001025"),
        ("skin ulcer", "HP:0200042"),
        ("Red or purple spots on the skin", "HP:0000979"),
    ],
)
def test_confirmed_ids(phrase: str, code: str) -> None:
    coded = code_phrase(phrase)
    assert coded and coded[0].code == code
    assert coded[0].matched_text == phrase
    assert not coded[0].nearest_parent
    assert coded[0].system == "HPO 2025-01-16"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("eccrine necrosis", "HP:0000971"), ("post-inflammatory hyperpigmentation", "HP:0000953")],
)
def test_nearest_parent(phrase: str, code: str) -> None:
    (coded,) = code_phrase(phrase)
    assert coded.code == code and coded.nearest_parent and coded.score == 0.8


def test_sub_phrases_are_coded_in_order() -> None:
    coded = code_phrase("palpable, painful, non-blanchable purplish papules and nodules")
    assert [c.code for c in coded] == ["HP:0012531", "HP:0200034", "HP:0200036"]
    assert [c.matched_text for c in coded] == ["painful", "papules", "nodules"]
    assert all(c.score is not None and c.score < 1 for c in coded)


def test_fuzzy_fallback_catches_misspelling() -> None:
    (coded,) = code_phrase("leukocytoklastic vaskulitis")
    assert coded.code in {"HP:0034786", "HP:0200029"}
    assert 0.9 <= coded.score < 1


def test_fuzzy_fallback_is_no_other_word_a_syllable_away() -> None:
    """A single word two edits from a term in nine letters is another word, not its
    spelling ("hyperemia" is not Hyperoxemia, "neutrophils" not Neutrophilia); one edit is
    a misspelling ("erythma")."""
    assert "HP:0012419" not in {c.code for c in code_phrase("hyperemia")}
    assert code_phrase("neutrophils") == []
    assert [c.code for c in code_phrase("erythma")] == ["HP:0010783"]


@pytest.mark.parametrize("phrase", ["", "   ", "Tyndall effect", "central", "recurrent"])
def test_uncoded_phrases_stay_uncoded(phrase: str) -> None:
    assert code_phrase(phrase) == []


def test_every_table_id_exists_and_is_current() -> None:
    index = load_hpo()
    for key, term_id in {**NEAREST_PARENT, **EQUIVALENT, **CLINICAL_SENSE}.items():
        assert key == normalize(key), key
        assert index.term(term_id).id == term_id, key
    assert default_coder() is default_coder()


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("delayed hypersensitivity reaction", "HP:0100326"),  # not Emotional hypersensitivity
        ("allergic reaction", "HP:0100326"),
        ("red and swollen", "HP:0010783"),
        ("decreased range of motion", "HP:0001376"),
        ("violaceous", "HP:0000953"),  # a colour alone is a discoloration
        ("purplish papules", "HP:0200034"),  # inside a description it is not
        ("skin depressions", "HP:0100578"),  # a dent where it was injected, not the mood
        ("subcutaneous depression", "HP:0100578"),
        ("hyperemia", "HP:0010783"),  # the skin's hyperaemia is its redness
        ("numb", "HP:0033748"),
        ("flushed", "HP:0031284"),
        ("unconscious", "HP:0007185"),
    ],
)
def test_clinical_wordings_of_reactions(phrase: str, code: str) -> None:
    assert code in {c.code for c in code_phrase(phrase)}


def test_a_colour_inside_a_lesion_description_is_no_discoloration() -> None:
    assert "HP:0000953" not in {c.code for c in code_phrase("purplish papules")}


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("hypopigmented", "HP:0001010"),  # -ed -> -ation
        ("atrophic", "HP:0004334"),  # -ic -> -y, skin form "skin atrophy"
        ("telangiectatic", "HP:0001009"),  # -atic -> -asia
        ("bullous", "HP:0008066"),  # -ous -> -a, a clinical wording
        ("vesicular", "HP:0200037"),  # -ular -> -le
        ("desquamative", "HP:0040189"),  # -ive -> -ion
        ("ecchymotic", "HP:0031364"),  # -otic -> -osis
    ],
)
def test_a_descriptive_adjective_codes_as_its_noun(word: str, code: str) -> None:
    assert [c.code for c in code_phrase(word)] == [code]
    assert [c.code for c in finding_adjective(word)] == [code]


def test_derived_nouns_stay_in_the_skin_and_only_adjectives_stand_alone() -> None:
    assert code_phrase("depressed") == []  # "depression" is no skin finding
    assert [c.code for c in code_phrase("hyperpigmented plaques")] == ["HP:0000953", "HP:0200035"]
    # a colour, the histology word and verbs name no finding on their own
    for word in ("red", "granulomatous", "injected", "developed", "nodule"):
        assert finding_adjective(word) == ()
    assert [c.code for c in finding_adjective("tender")] == ["HP:0025283"]


def test_an_inverted_wording_codes_as_the_hpo_label() -> None:
    """'X of the Y' is tried as 'Y X', the word order of most HPO labels."""
    assert [c.code for c in code_phrase("occlusion of the ophthalmic artery")] == ["HP:0020164"]


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("paraesthesia", "paresthesia"),
        ("ischaemic", "ischemic"),
        ("anaesthesia", "anesthesia"),
        ("dyspnoea", "dyspnea"),
        ("oesophageal", "esophageal"),
        ("foetal", "fetal"),
        ("coeliac", "celiac"),
        ("haematoma", "hematoma"),
    ],
)
def test_ligature_spellings_fold_to_the_hpo_spelling(british: str, american: str) -> None:
    assert normalize(british) == normalize(american)


def test_ligature_folding_spares_other_words() -> None:
    assert normalize("toes shoes bullae") == "toe shoe bullae"


def test_a_ligature_spelling_inside_a_coordination_is_coded() -> None:
    """The sub-phrase scan looks words up exactly: "paraesthesia" beside "pain" was lost."""
    coded = [c.code for c in code_phrase("pain and paraesthesia in the hand")]
    assert coded[:2] == ["HP:0012531", "HP:0003401"]
    assert [c.code for c in code_phrase("ischaemic stroke")] == ["HP:0002140"]
