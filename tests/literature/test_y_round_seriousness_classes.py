"""Seriousness failure classes of the y0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, the y0xx decisions: surgical or endovascular removal of an implant is
serious, a routine office removal is not; the operation a dye was given in is the setting of
the exposure, not a surgical treatment of the reaction.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def test_an_implant_taken_out_under_general_anaesthesia_or_percutaneously_is_serious():
    assert extract_draft(
        "Migration of a contraceptive rod\nA 27-year-old woman could not feel her etonogestrel "
        "implant. Imaging placed it beside the brachial artery; extraction was performed under "
        "general anaesthesia and her arm pain settled."
    ).serious()
    assert extract_draft(
        "A rod in the lung\nA 23-year-old woman had an etonogestrel implant inserted in her "
        "arm. A year later it was found in a pulmonary artery and percutaneously retrieved."
    ).serious()
    assert not extract_draft(
        "A deep rod\nA 30-year-old woman had an etonogestrel implant inserted in her arm. It "
        "could not be felt two years later and was removed in the clinic under local "
        "anaesthesia without complication."
    ).serious()


def test_the_operation_a_dye_was_given_in_is_no_surgery_on_the_reaction():
    assert not extract_draft(
        "Blue skin after a dye in the intraoperative setting\nA 64-year-old man had methylene "
        "blue infused in the intraoperative setting of a parathyroid operation. The skin of "
        "the forearm turned blue around the cannula and the colour faded over a week."
    ).serious()
