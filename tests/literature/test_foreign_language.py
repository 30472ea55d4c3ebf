"""Case reports in Spanish, Portuguese, French, German or Italian: read with the official HPO
translations and the few words of their language, still partial (issue 10, "Bad input")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.ascii_folding import ascii_fold
from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.extract.foreign_draft import fill_gaps
from dermavigil.literature.extract.language import profile_language
from dermavigil.terminology.coder import code_phrase, default_coder
from dermavigil.terminology.drug_spellings import english_drug
from dermavigil.terminology.translations import fold, translated_spans

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"
TRANSLATIONS = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "dermavigil"
    / "terminology"
    / "data"
    / "hpo_translations.tsv"
)


def _code(english: str) -> str:
    return code_phrase(english)[0].code


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        ("eritema y edema", "es", ["erythema", "edema"]),
        ("úlceras cutáneas", "es", ["skin ulcer"]),
        ("eritema e prurido", "pt", ["erythema"]),  # no Portuguese label for pruritus
        ("edema doloroso", "pt", ["edema", "pain"]),  # a Spanish label; "doloroso" is dor
        ("une douleur intense et un œdème", "fr", ["pain", "edema"]),
        ("Schmerzen und Erythem", "de", ["pain", "erythema"]),
        ("dolore e eritema", "it", ["pain", "erythema"]),
    ],
)
def test_translated_labels_give_the_english_paths_hpo_ids(text, language, english):
    found = [s.term_id for s in translated_spans(text, language)]
    assert found == [_code(e) for e in english]


def test_the_translations_are_small_and_only_terms_the_coder_indexes():
    assert TRANSLATIONS.stat().st_size < 3_200_000  # eight languages, each read on first use
    indexed = set(default_coder().tables.mention_keys.values())
    lines = TRANSLATIONS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# HPO translations") and "CC BY 4.0" in lines[0]
    assert all(line.split("\t")[1] in indexed for line in lines[1:])


def test_folding_keeps_spans_and_cuts_plurals():
    assert ascii_fold("Mejoría Straße") == "mejoria strase"
    assert fold("lesiones", "es") == fold("lesión", "es")
    assert fold("nódulos", "es") == fold("nódulo", "es")
    assert fold("lesões", "pt") == fold("lesão", "pt")
    assert fold("coma", "es") != fold("como", "es")


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("enoxaparina", "enoxaparin"),
        ("paracetamol", "paracetamol"),
        ("heparine", "heparin"),
        ("amoxicilina", "amoxicillin"),
        ("prednisona", "prednisone"),
        ("pentoxifilina", "pentoxifylline"),  # the same spelling skeleton (y/i, ll/l)
        ("azitromicina", "azithromycin"),
        ("mujer", None),
        ("predominio", None),
        ("clemastinum", "clemastine"),  # the Latin ending of a pharmacopoeia name
        ("amoxicilinas", "amoxicillin"),  # a plural
        ("verlauf", None),  # a consonant ending is no inflection: "verla" is no stem of it
        ("cambiar", None),
    ],
)
def test_drug_names_written_as_their_cognates(word, english):
    assert english_drug(word) == english


def test_a_text_wholly_in_portuguese_is_read_and_stays_partial():
    """Every fact of a Portuguese case report, in English with the Portuguese words as
    evidence; a negated sign ("Não houve febre") is no reaction; the draft is partial with
    the language named."""
    text = (DATA / "dg01_portuguese_nicolau.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft.partial and "Portuguese" in draft.warnings[0]
    case = draft.case
    assert [r["verbatim"] for r in case["reactions"]] == [
        "Nicolau syndrome",
        "pain",
        "erythema",
        "plaque",  # "placas violáceas": the skin lesion's head word (skin_heads)
        "skin necrosis",
    ]
    assert all(r["verbatim_source"] == "translation" for r in case["reactions"])
    assert case["reactions"][0]["outcome"] == "recovered"
    assert case["reactions"][0]["seriousness"] == ["medically_important"]  # the debridement
    assert case["reactions"][0]["onset_latency"] == {"value": 2.0, "unit": "hour"}
    assert [t["drug"] for t in case["treatments"]] == ["dressings", "amoxicillin", "debridement"]
    assert case["patient"] == {"age": {"value": 54.0, "unit": "year"}, "sex": "female"}
    product = case["products"][0]
    assert (product["name"], product["category"], product["route"]) == (
        "diclofenaco",
        "drug",
        "intramuscular",
    )
    assert product["body_sites"] == ["buttock"]
    shown = {key: [text[a:b] for a, b in spans] for key, spans in draft.evidence.items()}
    assert shown["reactions.1.verbatim"] == ["dor"]
    assert shown["treatments.1.drug"] == ["amoxicilina"]
    assert shown["patient.age"] == ["54 anos"]
    assert shown["reactions.0.onset_latency"] == ["duas horas após a aplicação"]


def test_an_english_title_over_a_french_case():
    """The English title is read by the English pipeline; the French body adds the patient,
    the onset, the biopsy finding (histopathology, not a reaction), the treatments and the
    outcome."""
    draft = extract_draft((DATA / "dg02_french_body_english_title.txt").read_text("utf-8"))
    case = draft.case
    assert draft.partial
    assert case["patient"] == {"age": {"value": 41.0, "unit": "year"}, "sex": "male"}
    assert [t["drug"] for t in case["treatments"]] == ["hyaluronidase", "corticosteroids"]
    assert [f["kind"] for f in case["findings"]] == ["histopathology"]
    assert "fever" not in {r["verbatim"] for r in case["reactions"]}
    assert case["reactions"][0]["outcome"] == "recovering"
    assert case["reactions"][0]["onset_latency"] == {"value": 3.0, "unit": "week"}


def test_background_and_keywords_are_not_this_patients_reactions():
    text = (
        "El síndrome de Nicolau es una complicación infrecuente que se caracteriza por dolor, "
        "eritema y necrosis. Presentamos el caso de un varón de 60 años que presentó edema del "
        "muslo tras la inyección de un fármaco. Palabras clave: necrosis; úlcera."
    )
    facts = read_foreign(text, "es")
    assert [r.verbatim for r in facts.reactions] == ["edema"]
    assert facts.sites == ["thigh"] and facts.sex is not None


def test_a_bilingual_abstract_keeps_the_english_facts():
    """The English abstract names everything: its Portuguese *resumo* adds nothing."""
    text = (DATA / "dq12_second_abstract_portuguese.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    resumo = text.index("RESUMO")
    assert all(a < resumo for spans in draft.evidence.values() for a, _ in spans)
    assert not any(w.startswith("read in") for w in draft.warnings)


def test_a_near_language_and_a_list_of_names():
    """A paragraph py3langid calls Galician is read as Portuguese; an author list ("César
    Daniel Niño") names no patient."""
    text = "Relatamos o caso de uma mulher de 30 anos com eritema na face."
    case: dict = {"patient": {}, "reactions": [], "products": []}
    fill_gaps(text, [(0, len(text), "gl")], case, {}, [])
    assert case["patient"] == {"age": {"value": 30.0, "unit": "year"}, "sex": "female"}
    names = "Jairo Arturo Pérez, César Daniel Niño, Sabrina Gallego y Carlos Alfonso Builes"
    assert read_foreign(names, "es").sex is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Se presenta el caso de una paciente de 40 años con eritema y dolor tras la "
            "aplicación de un relleno en la cara, que fue tratada con antibióticos.",
            "es",
        ),
        (
            "Relatamos o caso de uma paciente de 40 anos com eritema e dor após a aplicação de "
            "um preenchedor na face, que foi tratada com antibióticos.",
            "pt",
        ),
        (
            "Il s'agit d'une patiente de 40 ans qui a présenté un érythème et une douleur après "
            "une injection d'acide hyaluronique dans le visage.",
            "fr",
        ),
        (
            "Wir berichten über eine Patientin, die nach der Injektion eines Fillers in das "
            "Gesicht ein Erythem und Schmerzen entwickelte und mit Antibiotika behandelt wurde.",
            "de",
        ),
        (
            "Descriviamo il caso di una paziente di 40 anni con eritema e dolore dopo "
            "l'iniezione di un filler nel viso, che è stata trattata con antibiotici.",
            "it",
        ),
        ("Aleia Boccardi, DO\nAysham Chaudry, DO\nJennifer A. Racanelli, DO", None),
        ("A woman developed erythema and pain after a filler injection in the face.", None),
    ],
)
def test_the_languages_read_are_told_by_their_function_words(text, code):
    assert profile_language(text) == code


def test_a_text_in_one_of_these_languages_loads_no_identification_model():
    """The stop-word profile names the language: py3langid's model (about a second to
    load) is not loaded for it."""
    script = (
        "import sys; from pathlib import Path; "
        "from dermavigil.literature.extract import extract_draft; "
        f"extract_draft(Path({str(DATA / 'dg01_portuguese_nicolau.txt')!r}).read_text()); "
        "print('py3langid.langid' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_treatments_in_portuguese_and_spanish():
    """dt03, dt04 (ours): the usual treatments in the language's words ('compressa morna',
    'anti-inflamatório', 'ozonioterapia'), hyaluronidase given after the filler the text
    names (its treatment, not a second suspect), a drug class with its members ('a base de
    amoxicilina', 'con claritromicina': the members) and a combination written with a hyphen
    ('trimetoprima-sulfametoxazol': one treatment); r703, r767, r780."""
    pt = extract_draft((DATA / "dt03_portuguese_filler_abscess_treatments.txt").read_text("utf-8"))
    assert [p["category"] for p in pt.case["products"]] == ["ha_filler"]
    assert [t["drug"] for t in pt.case["treatments"]] == [
        "warm compresses",
        "anti-inflammatory drugs",
        "hyaluronidase",
        "amoxicillin",
        "ozone therapy",
    ]
    es = extract_draft((DATA / "dt04_spanish_combination_treatment.txt").read_text("utf-8"))
    assert [p["category"] for p in es.case["products"]] == ["mesotherapy"]
    assert [t["drug"] for t in es.case["treatments"]] == [
        "clarithromycin",
        "trimethoprim-sulfamethoxazole",
    ]


def test_a_german_word_ending_in_a_consonant_is_no_drug():
    """ "Verlauf" (course) cut by two letters is a lexicon name; a consonant ending is no
    inflection of a drug's stem, so the course is no treatment."""
    text = (
        "Schwellung nach Hyaluronsäure-Injektion: ein Fallbericht\n"
        "Eine 50-jährige Patientin stellte sich mit einer schmerzhaften Schwellung der Lippe "
        "drei Tage nach einer Injektion von Hyaluronsäure vor. Therapie und Verlauf: Die "
        "Patientin wurde mit Hyaluronidase behandelt; im weiteren Verlauf bildete sich die "
        "Schwellung vollständig zurück."
    )
    draft = extract_draft(text)
    assert [t["drug"] for t in draft.case["treatments"]] == ["hyaluronidase"]


@pytest.mark.parametrize(
    ("text", "language", "sites"),
    [
        (
            "Una mujer de 40 años presentó nódulos en la cara anterior del muslo tras la "
            "inyección. Se midieron anticuerpos frente al toxoide.",
            "es",
            ["thigh"],
        ),
        (
            "Un homme de 50 ans présentait des plaques sur la face externe de la jambe après "
            "l'injection.",
            "fr",
            ["leg"],
        ),
        (
            "Una mujer de 40 años presentó edema de la cara y de la frente.",
            "es",
            ["forehead", "face"],
        ),
    ],
)
def test_a_limbs_surface_and_frente_a_are_no_face_or_forehead(text, language, sites):
    """'Cara anterior', 'face externe': the surface of the limb named next; 'frente a': the
    preposition "against". The face and the forehead themselves stay sites."""
    assert read_foreign(text, language).sites == sites
