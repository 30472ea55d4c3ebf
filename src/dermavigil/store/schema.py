"""The analytic schema shared by every source (see DESIGN.md).

Three tables, one row shape for FAERS, VAERS, CAERS, openFDA and the registry:

- ``reports``: one row per kept report (latest case version only);
- ``report_products``: one row per product line of a report;
- ``report_reactions``: one row per reaction term of a report.

Columns added after a store was built read as null from its older files
(DuckDB ``union_by_name``, Spark ``mergeSchema``, pyarrow with the schema).

Counts use distinct (report, product_key) and (report, term_key); the
stratification columns (sex, age band, year, source) come from ``reports``.
"""

from __future__ import annotations

import pyarrow as pa

REPORTS = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("case_id", pa.string()),
        pa.field("version", pa.int32()),
        pa.field("received_date", pa.date32()),
        pa.field("event_date", pa.date32()),
        # the last day a partial event date stands for ("2014" -> 2014-12-31; event_date
        # holds its first day), null for a full date: duplicate detection compares periods
        pa.field("event_date_last", pa.date32()),
        pa.field("country", pa.string()),
        # a subdivision of the country where the source gives one (VAERS STATE, "CA"):
        # a fact that tells two patients apart in duplicate detection
        pa.field("region", pa.string()),
        pa.field("sex", pa.string()),  # "F", "M" or null
        pa.field("age_years", pa.float64()),
        # the unit the age was given in (E2B(R3) D.2.2b: "decade", "year", "month"...; null
        # where the source gives none): "7 decades" is stored as 70 years but stands for
        # 70-79, which duplicate detection compares as a span
        pa.field("age_unit", pa.string()),
        # the age group as given (E2B(R3) D.2.2.1, domain AgeGroup: "elderly"), beside or
        # instead of an age (FAERS age_grp)
        pa.field("age_group", pa.string()),
        pa.field("serious", pa.bool_()),
        pa.field("outcome", pa.string()),
        pa.field("reporter_type", pa.string()),
        pa.field("literature", pa.string()),
        # the manufacturer's report number where the source gives one (FAERS mfr_num,
        # VAERS SPLTTYPE): one sender's number for one case, kept over its follow-ups
        pa.field("manufacturer_number", pa.string()),
        # the regulatory authority's case number where the report came through one (FAERS
        # auth_num: "EU-AFSSAPS-AM2025000750"; E2B(R3) C.1.9.1.r.2): several firms
        # forwarding one authority's case give it alike
        pa.field("authority_number", pa.string()),
        # the report's own free text where the source gives one (VAERS SYMPTOM_TEXT): a
        # follow-up or a resubmission repeats it, duplicate detection compares its words
        pa.field("narrative", pa.string()),
    ]
)

REPORT_PRODUCTS = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("seq", pa.int32()),
        pa.field("role", pa.string()),  # suspect / concomitant / interacting
        pa.field("product_verbatim", pa.string()),
        pa.field("product_key", pa.string(), nullable=False),
        pa.field("category", pa.string()),
        pa.field("route", pa.string()),
        pa.field("route_approved", pa.bool_()),
        # the product catalogue's entry and regulatory class for the name as reported
        # (null when the catalogue does not know it); device product code (MAUDE) and
        # the manufacturer where the source gives them
        pa.field("entry", pa.string()),
        pa.field("regulatory_class", pa.string()),
        pa.field("product_code", pa.string()),
        pa.field("manufacturer", pa.string()),
        # lot (batch) number as reported (VAERS VAX_LOT, FAERS lot_num, the registry's)
        pa.field("lot", pa.string()),
        # the dose as given, amount and unit ("30 MG"; FAERS dose_amt + dose_unit, the
        # registry's; E2B(R3) G.k.4.r.1a/b), else as worded (FAERS dose_vbm, G.k.4.r.8)
        pa.field("dose", pa.string()),
        # how often (FAERS dose_freq, "QD") and the cumulative dose to the first reaction
        # ("600 MG"; FAERS cum_dose_chr + cum_dose_unit, E2B(R3) G.k.5a/b)
        pa.field("dose_frequency", pa.string()),
        pa.field("cumulative_dose", pa.string()),
    ]
)

REPORT_REACTIONS = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("term_verbatim", pa.string()),
        pa.field("term_key", pa.string(), nullable=False),
        pa.field("code", pa.string()),
        pa.field("onset_days", pa.float64()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "reports": REPORTS,
    "report_products": REPORT_PRODUCTS,
    "report_reactions": REPORT_REACTIONS,
}

ROLES = ("suspect", "concomitant", "interacting")
