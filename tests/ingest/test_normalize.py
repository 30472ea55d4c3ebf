import pytest
from hypothesis import given
from hypothesis import strategies as st

from dermavigil.ingest.normalize import fold_text, product_key, route_key, term_key


@pytest.mark.parametrize(
    ("name", "ingredient", "key"),
    [
        ("BOTOX 100 UNITS Injection", None, "botox"),
        ("Botox, 100 units (injection)", None, "botox"),
        ("IBUPROFEN 400MG TABLETS", None, "ibuprofen"),
        ("Lidocaine 2% gel", None, "lidocaine"),
        ("Juvéderm Voluma", None, "juvéderm voluma"),
        ("Restylane-L", None, "restylane l"),
        ("Tablets", None, "tablets"),  # nothing but a form word: keep it rather than ""
        ("SANDOSTATIN LAR DEPOT", "OCTREOTIDE ACETATE", "octreotide acetate"),
        (
            "Norco",
            "ACETAMINOPHEN\\HYDROCODONE BITARTRATE",
            "acetaminophen / hydrocodone bitartrate",
        ),
        (
            "Norco",
            "HYDROCODONE BITARTRATE\\ACETAMINOPHEN",
            "acetaminophen / hydrocodone bitartrate",
        ),
        ("Metformin", "  ", "metformin"),
    ],
)
def test_product_key(name: str, ingredient: str | None, key: str) -> None:
    assert product_key(name, ingredient) == key


def test_term_key() -> None:
    assert term_key("INJECTION SITE  NODULE ") == "injection site nodule"
    assert term_key("Injection site nodule") == "injection site nodule"


WORDS = st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), max_size=40)


@given(WORDS)
def test_product_key_ignores_case_and_punctuation(name: str) -> None:
    assert product_key(name.upper()) == product_key(name.lower()) or any(
        c.upper().lower() != c.lower() for c in name
    )
    assert product_key(name.replace(" ", " - ")) == product_key(name)


@given(WORDS)
def test_keys_are_stable(text: str) -> None:
    assert term_key(term_key(text)) == term_key(text)
    assert fold_text(fold_text(text)) == fold_text(text)
    assert term_key(text.upper()) == term_key(text.lower()) or any(
        c.upper().lower() != c.lower() for c in text
    )


@given(st.lists(st.text(alphabet="abcdefghij ", min_size=1, max_size=12), min_size=1, max_size=4))
def test_ingredient_order_does_not_matter(parts: list[str]) -> None:
    assert product_key("x", "\\".join(parts)) == product_key("x", "\\".join(reversed(parts)))


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("023", "intradermal"),
        ("INTRADERMAL", "intradermal"),
        ("Intravenous (not otherwise specified)", "intravenous"),
        ("IM", "intramuscular"),
        ("Intra-articular", "intra_articular"),
        ("Jet Injector Thing", "jet injector thing"),
        ("  ", None),
    ],
)
def test_route_key(given: str, key: str | None) -> None:
    assert route_key(given) == key
