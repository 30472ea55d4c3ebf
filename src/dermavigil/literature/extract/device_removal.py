"""The removal of a device or drug implant: routine or surgical (docs/annotation.md, the y0xx
decisions: "surgical or endovascular removal of an implant is serious, a routine office
removal is not").

An implant, rod, pellet, sensor, chip or device taken out in the clinic, as an outpatient,
under local anaesthesia or through a small incision, in a sentence that names no surgery,
general anaesthesia, operating room, exploration, imaging guidance or endovascular route, is
a routine removal: no seriousness criterion. The incision an implant went in or came out
through ("a pellet extruded through the incision") is no surgical treatment either. Pure:
text in, yes or no out.
"""

from __future__ import annotations

import re

_DEVICE = re.compile(r"\b(?:implants?|rods?|pellets?|sensors?|(?:micro)?chips?|devices?)\b", re.I)
_ROUTINE = re.compile(
    r"\b(?:in (?:the |an? )?(?:clinic|office|outpatient\w*)|as an outpatient|at the bedside"
    r"|under local an(?:a|ae)?esthe\w+|through (?:a |the )?(?:small |stab |tiny )?incision"
    r"|routine(?:ly)?)\b",
    re.I,
)
_SURGICAL = re.compile(
    r"\b(?:surg\w+|general an(?:a|ae)?esthe\w+|operating (?:room|theatre)|theatre"
    r"|explor\w+|endovascular\w*|fluoroscop\w+|ultrasound[- ]guided|open (?:excision|removal))\b",
    re.I,
)
_INSERTION_INCISION = re.compile(
    r"\b(?:through|via|from) (?:the |its )?(?:insertion )?$|\binsertion $", re.I
)
ENDOVASCULAR = (
    r"|(?:endovascular|percutaneous)\w* (?:\w+ ){0,3}?(?:retriev|remov|extract)\w*"
    r"|(?:retriev|remov|extract)\w* (?:\w+ ){0,4}?(?:endovascular\w*"
    r"|under general an(?:a)?esthe\w*)|in the operating (?:room|theatre)"
)
"""An implant retrieved or removed by an endovascular or percutaneous procedure (a rod that
embolised to a pulmonary artery), under general anaesthesia or in the operating room (a rod
that migrated to the axilla, a sensor wire lost between muscles): a seriousness criterion
(docs/annotation.md, the y0xx decisions: surgical or endovascular removal is serious, a
routine office removal is not), appended to the surgical wordings of :mod:`.seriousness`."""


def routine_removal(text: str, match: re.Match[str]) -> bool:
    """``match`` (a surgical wording of ``text``) is a device's routine removal or the
    incision it went in or came out through."""
    if match.group(0).lower().startswith("incision") and _INSERTION_INCISION.search(
        text[: match.start()]
    ):
        return True
    return bool(
        _DEVICE.search(match.group(0)) and _ROUTINE.search(text) and not _SURGICAL.search(text)
    )
