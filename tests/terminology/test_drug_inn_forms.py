"""Drug names in their Latin INN and in the form that drops the English final -e.

WHO, *Guidelines on the use of INNs*: the Latin INN adds -um to the English name, replacing a
final -e ("meropenemum", "clemastinum"); German and Slavic INNs drop the final -e
("Clemastin", "Metamizol"). Each is the lexicon drug; a common word in -um is not.
"""

from __future__ import annotations

from dermavigil.terminology.drugs import drug_names, find_drugs, inn_form


def test_latin_inns_name_the_english_drug():
    found = find_drugs("therapy with meropenemum and linezolidum, then clemastinum")
    assert [d.name for d in found] == ["meropenem", "linezolid", "clemastine"]


def test_an_inn_without_its_final_e_names_the_drug():
    assert [d.name for d in find_drugs("Clemastin was given")] == ["clemastine"]
    assert inn_form("metamizol", drug_names()) == "metamizole"


def test_common_words_in_um_or_without_e_are_no_drugs():
    assert find_drugs("a premium museum with a medium auditorium and a protein") == []
