"""Literature: bibliographic records, case-report extraction, case-series tables.

Public API::

    biblio.parse_records(text) -> list[Record]; biblio.dedupe(records)
    extract.extract_draft(text, record=None) -> Draft   # .case, .evidence, .partial
    series.build_series(cases) -> Series                # .to_csv() .to_markdown() .to_html()
"""
