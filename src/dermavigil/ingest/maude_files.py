"""MAUDE bulk files: which file is which, their column layouts and a streamed row reader.

FDA publishes MAUDE as pipe-delimited text files without quoting
(https://www.fda.gov/medical-devices/mandatory-reporting-requirements-manufacturers-importers-and-device-user-facilities/manufacturer-and-user-facility-device-experience-database-maude;
layouts as in ``../shared/data/maude_samples/layouts_leiMizzou_schema``):

==================  =========================================================
kind                files
==================  =========================================================
``mdrfoi``          ``mdrfoi.txt``, ``mdrfoiThru2023.txt``, ``mdrfoiAdd.txt``, ``mdrfoiChange.txt``
``device``          ``foidev*.txt`` (to 2009), ``DEVICE2023.txt``, ``deviceAdd``/``deviceChange``
``patient``         ``patient*.txt``
``patient_problem`` ``patientproblemcode*.txt`` (report key, patient, problem code)
``text``            ``foitext*.txt`` (narratives: D event description, N manufacturer narrative)
==================  =========================================================

Headers are upper-case in FDA's files and lower-case in openFDA's fixtures; a
file without a header (a first line that does not name ``MDR_REPORT_KEY``) is
read with the kind's standard layout. Rows shorter than the header (FDA omits
trailing empty fields in pre-2010 device rows) are padded; a narrative with
``|`` in its text keeps the extra fields in the text; any other overlong row
is rejected. Bytes are UTF-8, else Windows-1252.

The unit of a file orders it for "the latest supplement wins": ``thru`` files
first, then yearly files by year, then ``add``, then ``change`` files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dermavigil.errors import InputError
from dermavigil.ingest.files import Member
from dermavigil.ingest.problems import ProblemLog
from dermavigil.ingest.rows import decode_line

LAYOUTS: dict[str, tuple[str, ...]] = {
    "mdrfoi": (
        "mdr_report_key", "event_key", "report_number", "report_source_code",
        "manufacturer_link_flag", "number_devices_in_event", "number_patients_in_event",
        "date_received", "adverse_event_flag", "product_problem_flag", "date_report",
        "date_of_event", "reprocessed_and_reused_flag", "reporter_occupation_code",
        "health_professional", "initial_report_to_fda", "date_facility_aware", "report_date",
        "report_to_fda", "date_report_to_fda", "event_location", "date_report_to_manufacturer",
        "manufacturer_contact_t_name", "manufacturer_contact_f_name",
        "manufacturer_contact_l_name", "manufacturer_contact_street_1",
        "manufacturer_contact_street_2", "manufacturer_contact_city",
        "manufacturer_contact_state", "manufacturer_contact_zip_code",
        "manufacturer_contact_zip_ext", "manufacturer_contact_country",
        "manufacturer_contact_postal", "manufacturer_contact_area_code",
        "manufacturer_contact_exchange", "manufacturer_contact_phone_no",
        "manufacturer_contact_extension", "manufacturer_contact_pcountry",
        "manufacturer_contact_pcity", "manufacturer_contact_plocal", "manufacturer_g1_name",
        "manufacturer_g1_street_1", "manufacturer_g1_street_2", "manufacturer_g1_city",
        "manufacturer_g1_state_code", "manufacturer_g1_zip_code", "manufacturer_g1_zip_code_ext",
        "manufacturer_g1_country_code", "manufacturer_g1_postal_code",
        "date_manufacturer_received", "device_date_of_manufacture", "single_use_flag",
        "remedial_action", "previous_use_code", "removal_correction_number", "event_type",
        "distributor_name", "distributor_address_1", "distributor_address_2", "distributor_city",
        "distributor_state_code", "distributor_zip_code", "distributor_zip_code_ext",
        "report_to_manufacturer", "manufacturer_name", "manufacturer_address_1",
        "manufacturer_address_2", "manufacturer_city", "manufacturer_state_code",
        "manufacturer_zip_code", "manufacturer_zip_code_ext", "manufacturer_country_code",
        "manufacturer_postal_code", "type_of_report", "source_type", "date_added",
        "date_changed", "reporter_country_code", "pma_pmn_num", "exemption_number",
        "summary_report", "noe_summarized",
    ),
    "device": (
        "mdr_report_key", "device_event_key", "implant_flag", "date_removed_flag",
        "device_sequence_no", "date_received", "brand_name", "generic_name",
        "manufacturer_d_name", "manufacturer_d_address_1", "manufacturer_d_address_2",
        "manufacturer_d_city", "manufacturer_d_state_code", "manufacturer_d_zip_code",
        "manufacturer_d_zip_code_ext", "manufacturer_d_country_code",
        "manufacturer_d_postal_code", "device_operator", "expiration_date_of_device",
        "model_number", "catalog_number", "lot_number", "other_id_number",
        "device_availability", "date_returned_to_manufacturer", "device_report_product_code",
        "device_age_text", "device_evaluated_by_manufactur", "combination_product_flag",
        "udi_di", "udi_public",
    ),
    "patient": (
        "mdr_report_key", "patient_sequence_number", "date_received",
        "sequence_number_treatment", "sequence_number_outcome", "patient_age", "patient_sex",
        "patient_weight", "patient_ethnicity", "patient_race",
    ),
    "patient_problem": (
        "mdr_report_key", "patient_sequence_number", "problem_code", "date_added", "date_changed",
    ),
    "text": (
        "mdr_report_key", "mdr_text_key", "text_type_code", "patient_sequence_number",
        "date_report", "text",
    ),
}  # fmt: skip
"""Standard layouts (FDA's current column order) for files that come without a header."""

ALIASES = {
    "device_sequence_number": "device_sequence_no",
    "foi_text": "text",
    "patient_sequence_no": "patient_sequence_number",
    "manufacturer_d_state": "manufacturer_d_state_code",
    "manufacturer_d_country": "manufacturer_d_country_code",
}
"""Column names of other eras and of openFDA's fixtures -> the names used here."""

_KINDS = (
    ("patient_problem", re.compile(r"^patientproblemcode", re.I)),
    ("device_problem", re.compile(r"^foidevproblem", re.I)),
    ("mdrfoi", re.compile(r"^mdrfoi", re.I)),
    ("device", re.compile(r"^(?:foidev|device)", re.I)),
    ("patient", re.compile(r"^patient", re.I)),
    ("text", re.compile(r"^foitext", re.I)),
)
_PERIOD = re.compile(
    r"(?P<thru>thru)?(?P<year>(?:19|20)\d\d)|(?P<add>add)|(?P<change>change)", re.I
)


def file_kind(basename: str) -> str | None:
    """``mdrfoi``, ``device``, ``patient``, ``patient_problem``, ``text``,
    ``device_problem`` or None (not a MAUDE bulk file: JSON files are openFDA's)."""
    if ".json" in basename.lower():
        return None
    for kind, pattern in _KINDS:
        if pattern.match(basename):
            return kind
    return None


def unit_rank(basename: str) -> str:
    """A prefix that sorts a file by how late its records are: thru < year < add < change."""
    match = _PERIOD.search(basename)
    if match is None:
        return "1y"
    if match.group("change"):
        return "3change"
    if match.group("add"):
        return "2add"
    if match.group("thru"):
        return f"0thru{match.group('year')}"
    return f"1y{match.group('year')}"


def pipe_rows(
    member: Member, kind: str, problems: ProblemLog
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Header (lower-case, aliases applied) and ``(line, fields)`` rows, each exactly as wide
    as the header."""
    stream = member.open()
    first = stream.readline()
    if not first:
        stream.close()
        raise InputError(f"{member.name}: empty file")
    text = decode_line(first.rstrip(b"\r\n"))[0].lstrip("\ufeff")
    names = [n.strip().lower() for n in text.split("|")]
    if "mdr_report_key" in names:
        header = [ALIASES.get(n, n) for n in names]
        pending: list[tuple[int, bytes]] = []
    elif kind in LAYOUTS:
        header = list(LAYOUTS[kind])
        pending = [(1, first)]
    else:
        stream.close()
        raise InputError(f"{member.name}: no header line and no standard layout for {kind}")
    return header, _body(member, stream, pending, header, kind == "text", problems)


def _body(
    member: Member,
    stream,  # type: ignore[no-untyped-def]
    pending: list[tuple[int, bytes]],
    header: list[str],
    joins_tail: bool,
    problems: ProblemLog,
) -> Iterator[tuple[int, list[str]]]:
    width = len(header)

    def lines() -> Iterator[tuple[int, bytes]]:
        yield from pending
        yield from enumerate(stream, start=2)

    try:
        for line_no, raw in lines():
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            text, was_cp1252 = decode_line(raw)
            if was_cp1252:
                problems.repair(member.name, line_no, "(line)", "not UTF-8", "read as Windows-1252")
            fields = text.split("|")
            if len(fields) < width:
                fields += [""] * (width - len(fields))
            elif len(fields) > width:
                if joins_tail:
                    fields = fields[: width - 1] + ["|".join(fields[width - 1 :])]
                elif all(not f.strip() for f in fields[width:]):
                    fields = fields[:width]
                else:
                    problems.reject(
                        member.name,
                        line_no,
                        "(row)",
                        "overlong row",
                        f"{len(fields)} fields, header has {width}",
                    )
                    continue
            yield line_no, fields
    finally:
        stream.close()
