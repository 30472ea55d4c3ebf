"""Codes of FDA's example ICSRs kept in their own slots (issue 11): G.k.1 roles apart from
FDA's regional FDA.G.k.1.a, no MedDRA code or verbatim invented, E.i.1.2 in its slot."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from dermavigil.domain import Case
from dermavigil.exchange import codes as c
from dermavigil.exchange.formats import export_cases, import_document

ROLES = "//h:causalityAssessment[h:code/@code='20']"
REACTION = "//h:observation[h:code/@code='29']"


def _example(paths: list[Path], name: str) -> Case:
    [path] = [p for p in paths if p.name == name]
    [case] = import_document(path.read_bytes(), path.name).cases
    return case


def _xpath(data: bytes, path: str) -> list[str]:
    return [str(x) for x in etree.fromstring(data).xpath(path, namespaces=c.NS)]


def test_fda_similar_device_is_not_a_suspect(fda_examples: list[Path]) -> None:
    case = _example(fda_examples, "FAERS2022Scenario7.xml")
    assert [p.role for p in case.products] == ["suspect", "not_administered"]
    assert [p.regional_role for p in case.products] == [None, "similar_device"]
    data = export_cases([case], "e2b")
    ich = _xpath(data, f"{ROLES}/h:value[@codeSystem='{c.OID_ROLE}']/@code")
    fda = _xpath(data, f"{ROLES}/h:value[@codeSystem='{c.OID_FDA_OTHER_ROLE}']/@code")
    assert (ich, fda) == (["1", "4"], ["1"])
    [back] = import_document(data).cases
    assert [(p.role, p.regional_role) for p in back.products] == [
        (p.role, p.regional_role) for p in case.products
    ]


def test_roles_are_read_in_drug_order_when_ids_repeat(fda_examples: list[Path]) -> None:
    # FDA's scenario 5-3 gives its first two drugs the same id; its three roles are 4, 1, 2
    case = _example(fda_examples, "FAERS2022Scenario5-3.xml")
    assert [p.role for p in case.products] == ["not_administered", "suspect", "concomitant"]
    assert "G.k.1 (roles matched by position)" in case.unmapped


def test_an_uncoded_reaction_is_sent_unencoded_never_with_a_made_up_code(
    seed_case: Case,
) -> None:
    data = export_cases([seed_case], "e2b")
    values = etree.fromstring(data).xpath(f"{REACTION}/h:value", namespaces=c.NS)
    assert len(values) == len(seed_case.reactions)
    for value, reaction in zip(values, seed_case.reactions, strict=True):
        assert value.get("nullFlavor") == "UNC"
        assert value.get("code") is None
        assert value.findtext(f"{{{c.HL7}}}originalText") == reaction.verbatim


def test_no_verbatim_is_invented_for_a_coded_reaction(fda_examples: list[Path]) -> None:
    case = _example(fda_examples, "FAERS2022Scenario6.xml")
    coded_only = [r for r in case.reactions if r.verbatim_source == "code"]
    assert coded_only and all(r.codes[0].system.startswith("MedDRA") for r in coded_only)
    data = export_cases([case], "e2b")
    said = _xpath(data, f"{REACTION}/h:value/h:originalText/text()")
    assert not [t for t in said if t.startswith("MedDRA")]
    assert said[0] == "consciência alterada"
    assert _xpath(data, f"{REACTION}/h:value/h:originalText/@language")[0] == "por"
    [back] = import_document(data).cases
    assert [r.verbatim_source for r in back.reactions] == [
        r.verbatim_source for r in case.reactions
    ]


def test_the_term_for_translation_stays_in_its_slot(fda_examples: list[Path]) -> None:
    case = _example(fda_examples, "FAERS2022Scenario1.xml")
    first = case.reactions[0]
    assert first.translation == "THROMBOSE VEINEUSE PROFONDE"
    assert first.verbatim_source == "translation"
    assert first.country == "US"
    data = export_cases([case], "e2b")
    assert "THROMBOSE VEINEUSE PROFONDE" not in _xpath(
        data, f"{REACTION}/h:value/h:originalText/text()"
    )
    translated = _xpath(
        data, f"{REACTION}/h:outboundRelationship2/h:observation[h:code/@code='30']/h:value/text()"
    )
    assert translated[0] == "THROMBOSE VEINEUSE PROFONDE"
    assert _xpath(data, f"{REACTION}/h:location//h:code/@code")[0] == "US"


def test_repeated_ingredients_stay_apart(fda_examples: list[Path]) -> None:
    case = _example(fda_examples, "FAERS2022Scenario6.xml")
    product = case.products[0]
    assert product.active_ingredient == "TERBINAFINE HYDROCHLORIDE"
    assert product.other_ingredients == ["ARGEMONE MEXICANA SEED OIL"]
    path = "//h:kindOfProduct/h:ingredient/h:ingredientSubstance/h:name/text()"
    names = _xpath(export_cases([case], "e2b"), path)
    assert names[:2] == ["TERBINAFINE HYDROCHLORIDE", "ARGEMONE MEXICANA SEED OIL"]


def test_fda_examples_lose_nothing_they_held_on_the_way_to_fda(fda_examples: list[Path]) -> None:
    """The bench's fidelity table: every value held in a field is in the export sent to FDA;
    only the sender's own C.1.1 changes (and scenario 6's lower-case country 'eu' is sent as
    the ISO code 'EU')."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    from exchange import fidelity  # type: ignore[import-not-found]

    for path in fda_examples:
        found = fidelity(path)
        lost = found["lost"]
        if path.name == "FAERS2022Scenario6.xml":
            assert list(lost.values()) == ["eu [1.0.3166.1.2.2]"]
        else:
            assert lost == {}, (path.name, lost)
        assert all(k.startswith("id") for k in found["changed"])  # C.1.1 only


def test_regulatory_numbers_highlighting_and_c17_are_held(fda_examples: list[Path]) -> None:
    case = _example(fda_examples, "FAERS2022Scenario1.xml")
    product = case.products[0]
    assert (product.authorisation_number, product.authorisation_country) == ("NDA012345", "US")
    assert case.reactions[0].highlighted is not None
    assert case.report.expedited is not None
    [back] = import_document(export_cases([case], "e2b", receiver="ZZFDA")).cases
    assert back.products[0].authorisation_number == "NDA012345"
    assert [r.highlighted for r in back.reactions] == [r.highlighted for r in case.reactions]
    assert back.report.expedited == case.report.expedited
