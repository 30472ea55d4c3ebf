"""Bibliographic records: PubMed MEDLINE, RIS and Web-of-Science-style plain records.

Three readers produce one :class:`Record` shape:

- **MEDLINE** (PubMed's "PubMed format", ``.nbib`` / ``.txt``): four-character
  tags followed by ``- `` with 6-space continuation lines (NLM, "MEDLINE/PubMed
  Data Element (Field) Descriptions").
- **RIS** (Research Information Systems tagged format), parsed by the
  well-kept ``rispy`` package.
- **Web-of-Science-style plain records** such as ``shared/seed/case_report.txt``
  (exported from a Chinese WoS/CNKI interface): a title line, then labelled
  sections (作者 authors, 机构 affiliations, 关键词 keywords, D O I, 摘要
  abstract, 页码 pages, 相关论文 references), labels in Chinese or English.

:func:`dedupe` removes duplicates by DOI, then PMID, then normalised title.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import rispy

from dermavigil.domain.literature_screening import RecordKeys, matches
from dermavigil.errors import InputError, Problem

if TYPE_CHECKING:  # the case model (pydantic) loads when a reference is made, not on import
    from dermavigil.domain.case import LiteratureReference

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+?)(?=[\s.;,]*(?:\[doi\])?\s*$|\s)", re.IGNORECASE)


@dataclass
class Record:
    """One publication as read from a bibliographic file."""

    title: str
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    doi: str | None = None
    pmid: str | None = None
    journal: str | None = None
    year: int | None = None
    pages: str | None = None
    abstract: str = ""
    references: list[str] = field(default_factory=list)
    format: str = "plain"

    def text(self) -> str:
        """Title and abstract as one text, the title on its own first line."""
        return f"{self.title}\n{self.abstract}".strip()

    def citation(self) -> str:
        """A Vancouver-style citation (ICMJE / NLM "Citing Medicine").

        "Surname AB, Surname C. Title. Journal Year:pages. doi:..." with up to
        six authors then "et al"; "pp. pages" when no journal or year is known.
        """
        names = [_vancouver(a) for a in self.authors[:6]]
        if len(self.authors) > 6:
            names.append("et al")
        parts = [p for p in (", ".join(names), self.title.rstrip(".")) if p]
        where = " ".join(str(p) for p in (self.journal, self.year) if p)
        if where:
            parts.append(where + (f":{self.pages}" if self.pages else ""))
        elif self.pages:
            parts.append(f"pp. {self.pages}")
        if self.doi:
            parts.append(f"doi:{self.doi}")
        return ". ".join(parts)

    def reference(self) -> LiteratureReference:
        """The E2B C.4.r literature reference of this record."""
        from dermavigil.domain.case import LiteratureReference

        return LiteratureReference(
            citation=self.citation(),
            title=self.title or None,
            journal=self.journal,
            year=self.year,
            authors=list(self.authors),
            doi=self.doi,
            pmid=self.pmid,
        )


def record_keys(record: Record) -> RecordKeys:
    """The identifiers ``record`` is recognised by in the screening log and by
    :func:`dedupe`: DOI, PMID, normalised title."""
    return RecordKeys(record.doi, record.pmid, normalized_title(record.title) or None)


def record_fields(record: Record) -> dict[str, object]:
    """``record``'s fields as JSON-ready values (the screening log keeps them)."""
    return dataclasses.asdict(record)


def record_from_fields(fields: dict[str, object]) -> Record:
    """The record :func:`record_fields` gave (unknown keys ignored)."""
    known = {f.name for f in dataclasses.fields(Record)}
    return Record(**{k: v for k, v in fields.items() if k in known})  # type: ignore[arg-type]


def _vancouver(author: str) -> str:
    """ "Tawanwongsri, Weeratian" -> "Tawanwongsri W"; names without a comma kept."""
    surname, comma, given = author.partition(",")
    if not comma:
        return author.strip()
    initials = "".join(part[0].upper() for part in re.split(r"[\s.-]+", given) if part)
    return f"{surname.strip()} {initials}".strip()


def _clean_doi(value: str | None) -> str | None:
    if not value:
        return None
    match = _DOI.search(value.strip())
    return match.group(1).rstrip(".").lower() if match else None


def _year(value: str | None) -> int | None:
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", value or "")
    return int(match.group(1)) if match else None


# --- MEDLINE -----------------------------------------------------------------

_MEDLINE_TAG = re.compile(r"^([A-Z]{2,4})\s*- (.*)$")


def _medline_fields(block: str) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for line in block.splitlines():
        match = _MEDLINE_TAG.match(line)
        if match:
            fields.append((match.group(1), match.group(2).strip()))
        elif line.startswith("      ") and fields:
            tag, value = fields[-1]
            fields[-1] = (tag, f"{value} {line.strip()}")
    return fields


def _medline_record(block: str) -> Record:
    fields = _medline_fields(block)

    def all_of(tag: str) -> list[str]:
        return [v for t, v in fields if t == tag]

    def one(tag: str) -> str | None:
        values = all_of(tag)
        return values[0] if values else None

    doi = next((v for t, v in fields if t in ("LID", "AID") and "[doi]" in v), None)
    return Record(
        title=one("TI") or "",
        authors=all_of("FAU") or all_of("AU"),
        affiliations=all_of("AD"),
        keywords=all_of("OT") or all_of("MH"),
        doi=_clean_doi(doi),
        pmid=one("PMID"),
        journal=one("JT") or one("TA"),
        year=_year(one("DP")),
        pages=one("PG"),
        abstract=one("AB") or "",
        format="medline",
    )


def parse_medline(text: str) -> list[Record]:
    """Records of a MEDLINE file, one per block of tagged lines after a blank line
    (PubMed's start with ``PMID-``; another database's export may have none)."""
    blocks = [b for b in re.split(r"\n\s*\n(?=[A-Z]{2,4}\s*- )", text.strip()) if b.strip()]
    return [_medline_record(b) for b in blocks]


# --- RIS ---------------------------------------------------------------------


def _ris_record(entry: dict[str, object]) -> Record:
    def text(*keys: str) -> str | None:
        for key in keys:
            value = entry.get(key)
            if isinstance(value, list) and value:
                return str(value[0])
            if value:
                return str(value)
        return None

    def many(key: str) -> list[str]:
        value = entry.get(key) or []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    start, end = text("start_page"), text("end_page")
    pages = f"{start}-{end}" if start and end else start
    return Record(
        title=text("title", "primary_title", "translated_title") or "",
        authors=many("authors") or many("first_authors"),
        affiliations=many("author_address"),
        keywords=many("keywords"),
        doi=_clean_doi(text("doi")),
        pmid=text("accession_number") if (text("accession_number") or "").isdigit() else None,
        journal=text("journal_name", "secondary_title", "alternate_title3", "alternate_title1"),
        year=_year(text("year", "publication_year", "date")),
        pages=pages,
        abstract=text("abstract", "notes_abstract") or "",
        format="ris",
    )


def parse_ris(text: str, source: str = "input") -> list[Record]:
    """Records of an RIS file, read with ``rispy`` (a last record without its ``ER  -``
    line, as a file cut by hand ends, is closed)."""
    if not re.search(r"^ER  -", text.rstrip().rsplit("\n", 1)[-1]):
        text = text.rstrip() + "\nER  - \n"
    try:
        entries = rispy.loads(text)
    except Exception as exc:  # rispy raises bare IOError/ValueError/KeyError on bad input
        check = "each record starts with 'TY  - ' and ends with 'ER  - ', a tag per line"
        raise InputError(
            f"{source}: not a readable RIS file", [Problem(source, f"{check} ({exc!r})")]
        ) from exc
    return [_ris_record(e) for e in entries]


# --- Web-of-Science-style plain record ---------------------------------------

_SECTIONS = {
    "作者": "authors",
    "authors": "authors",
    "author(s)": "authors",
    "机构": "affiliations",
    "affiliations": "affiliations",
    "关键词": "keywords",
    "keywords": "keywords",
    "d o i": "doi",
    "doi": "doi",
    "摘要": "abstract",
    "abstract": "abstract",
    "页码": "pages",
    "相关论文": "references",
    "references": "references",
    "source": "journal",
    "journal": "journal",
    "中图分类号": "skip",
    "学科分类号": "skip",
    "引用": "skip",
    "收藏": "skip",
}
_INLINE = re.compile(r"^(页码|页数|被引|year|published)\s*[:：]\s*(.*)$", re.IGNORECASE)
_REF_START = re.compile(r"^\[\d+\]\s*")


def _sections(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = "skip"
    for line in lines:
        label = line.strip().rstrip(":：").lower()
        inline = _INLINE.match(line.strip())
        if label in _SECTIONS:
            current = _SECTIONS[label]
        elif inline:
            key = {"页码": "pages", "year": "year", "published": "year"}.get(
                inline.group(1).lower()
            )
            if key:
                out.setdefault(key, []).append(inline.group(2))
        elif line.strip():
            out.setdefault(current, []).append(line.strip())
    return out


def _references(lines: list[str]) -> list[str]:
    refs: list[str] = []
    for line in lines:
        if _REF_START.match(line):
            refs.append(_REF_START.sub("", line))
        elif refs:
            refs[-1] = f"{refs[-1]} {line}"
    return [" ".join(r.split()) for r in refs]


def parse_plain(text: str) -> list[Record]:
    """One Web-of-Science-style record: title line, then labelled sections."""
    lines = text.strip().splitlines()
    if not lines:
        return []
    sections = _sections(lines[1:])
    keywords = [k.strip() for k in " ".join(sections.get("keywords", [])).split(";") if k.strip()]
    pages = " ".join(sections.get("pages", [])).replace(" ", "").replace("/", "-") or None
    return [
        Record(
            title=lines[0].strip(),
            authors=[re.sub(r"\s*\[[\d\s,]*\]\s*$", "", a) for a in sections.get("authors", [])],
            affiliations=[_REF_START.sub("", a) for a in sections.get("affiliations", [])],
            keywords=keywords,
            doi=_clean_doi(" ".join(sections.get("doi", []))),
            journal=" ".join(sections.get("journal", [])) or None,
            year=_year(" ".join(sections.get("year", []))),
            pages=pages,
            abstract=" ".join(sections.get("abstract", [])),
            references=_references(sections.get("references", [])),
            format="plain",
        )
    ]


# --- dispatch and dedupe -----------------------------------------------------


def detect_format(text: str) -> str:
    """``medline``, ``ris`` or ``plain`` from the first tagged lines."""
    head = text.lstrip()[:2000]
    if re.match(r"PMID- ", head) or re.search(r"^PMID- \d+", head, re.MULTILINE):
        return "medline"
    if re.match(r"TY  - ", head):
        return "ris"
    tagged = _MEDLINE_TAG.match(head.split("\n", 1)[0])
    if tagged and re.search(r"^(TI|AB)  - ", head, re.MULTILINE) and "\nER  -" not in head:
        return "medline"
    return "plain"


READERS = {"medline": parse_medline, "plain": parse_plain}


def parse_records(text: str, source: str = "input") -> list[Record]:
    """Records of a bibliographic file in any of the three formats."""
    if "\x00" in text:
        raise InputError(f"{source}: binary content, not a bibliographic text file")
    if not text.strip():
        raise InputError(f"{source} is empty", [Problem(source, "the file holds no text")])
    fmt = detect_format(text)
    found = parse_ris(text, source) if fmt == "ris" else READERS[fmt](text)
    records = [r for r in found if r.title or r.abstract]
    if not records:
        raise InputError(
            f"{source}: no bibliographic record found",
            [Problem(source, f"read as {fmt}; no title or abstract present")],
        )
    return records


def normalized_title(title: str) -> str:
    """The case-folded words of a title (NFKC, letters and digits of any script, so that
    two Japanese titles do not both read "1"), for duplicate detection."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


@dataclass
class DedupResult:
    """Unique records, and each duplicate with the key that matched it."""

    unique: list[Record]
    duplicates: list[tuple[Record, str]]


def dedupe(records: Iterable[Record]) -> DedupResult:
    """Keep the first record of each publication: the same DOI, else the same PMID, else
    the same normalised title (two records with different DOIs are two publications even
    under one title), the rule of :func:`~dermavigil.domain.literature_screening.matches`."""
    unique: list[Record] = []
    duplicates: list[tuple[Record, str]] = []
    seen: dict[tuple[str, str], list[RecordKeys]] = {}
    for record in records:
        keys = record_keys(record)
        named = (("doi", keys.doi), ("pmid", keys.pmid), ("title", keys.title_key))
        earlier = [k for name, value in named if value for k in seen.get((name, value), [])]
        hit = next((k for k in earlier if matches(keys, k)), None)
        if hit is not None:
            duplicates.append((record, _matched_by(keys, hit)))
            continue
        unique.append(record)
        for name, value in named:
            if value:
                seen.setdefault((name, value), []).append(keys)
    return DedupResult(unique=unique, duplicates=duplicates)


def _matched_by(keys: RecordKeys, earlier: RecordKeys) -> str:
    if keys.doi and earlier.doi:
        return "doi"
    return "pmid" if keys.pmid and earlier.pmid else "title"


def merge_files(texts: Sequence[tuple[str, str]]) -> DedupResult:
    """Parse several (name, text) files and de-duplicate across them."""
    records: list[Record] = []
    for name, text in texts:
        records.extend(parse_records(text, name))
    return dedupe(records)
