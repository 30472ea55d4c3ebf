"""Benchmark: duplicate detection on synthetic registries of 1k and 10k cases.

Run:  .venv/bin/python bench/duplicates.py --sizes 1000,10000

Each registry is drawn with a fixed seed: aesthetic and drug products (with
their families and routes), Zipf-distributed reaction terms, mostly women,
ages 18-80, 15 countries, event dates over three years. A share of the cases
(``--duplicate-share``, default 5 %) is re-reported the way a second reporter
would: the product re-keyed with its strength, one reaction dropped or added,
and for some the age, the event day or the country not given. Prints the time
to build feature records, the time of splink (training + prediction), the
pairs found at 0.9, recall and precision against the known duplicates, peak
RSS, and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time
from datetime import date, timedelta

import duckdb
import numpy as np
import splink

from dermavigil.domain.case import Case
from dermavigil.duplicates import feature_table, find_duplicates

DRUG_NAMES = """
    atorvastatin metformin lisinopril amlodipine omeprazole simvastatin levothyroxine
    losartan gabapentin sertraline furosemide hydrochlorothiazide montelukast escitalopram
    rosuvastatin bupropion pantoprazole tramadol prednisone meloxicam citalopram
    clopidogrel carvedilol trazodone isotretinoin doxycycline methotrexate adalimumab
"""
PRODUCTS = [
    ("Botox", "botulinum_toxin", "intramuscular"),
    ("Dysport", "botulinum_toxin", "intramuscular"),
    ("Xeomin", "botulinum_toxin", "intramuscular"),
    ("Juvederm Voluma", "ha_filler", "subcutaneous"),
    ("Restylane Lyft", "ha_filler", "intradermal"),
    ("Belotero Balance", "ha_filler", "intradermal"),
    ("Sculptra", "plla", "subcutaneous"),
    ("Radiesse", "caha", "subcutaneous"),
    ("Rejuran", "polynucleotide", "intradermal"),
    ("lyophilized exosomes", "exosome", "intradermal"),
    ("Kybella", "mesotherapy", "subcutaneous"),
    ("platelet-rich plasma", "prp", "intradermal"),
    *[(name, "drug", "oral") for name in DRUG_NAMES.split()],
]
TERMS = [
    "injection site pain", "erythema", "swelling", "bruising", "nodule", "granuloma",
    "vascular occlusion", "skin necrosis", "ptosis", "headache", "infection", "abscess",
    "hypersensitivity", "urticaria", "pruritus", "hyperpigmentation", "asymmetry",
    "blindness", "dysphagia", "muscle weakness", "oedema", "pain", "rash", "fever",
    "lymphadenopathy", "migration of implant", "tyndall effect", "discolouration",
    "scarring", "panniculitis", *[f"term {i:03d}" for i in range(120)],
]  # fmt: skip
COUNTRIES = [
    "US",
    "KR",
    "BR",
    "FR",
    "DE",
    "IT",
    "ES",
    "GB",
    "TH",
    "JP",
    "CN",
    "MX",
    "TR",
    "IN",
    "AU",
]


def _document(rng: np.random.Generator) -> dict:
    product = PRODUCTS[int(rng.integers(len(PRODUCTS)))]
    weights = 1 / np.arange(1, len(TERMS) + 1)
    n_terms = int(rng.integers(1, 5))
    terms = rng.choice(len(TERMS), size=n_terms, replace=False, p=weights / weights.sum())
    event = date(2022, 1, 1) + timedelta(days=int(rng.integers(0, 3 * 365)))
    return {
        "report": {
            "source": str(rng.choice(["clinician", "consumer", "literature"])),
            "reporter": {"country": str(rng.choice(COUNTRIES))},
            "event_date": event.isoformat(),
        },
        "patient": {
            "sex": "female" if rng.random() < 0.8 else "male",
            "age": {"value": int(rng.integers(18, 81)), "unit": "year"},
        },
        "products": [{"name": product[0], "category": product[1], "route": product[2]}],
        "reactions": [
            {
                "verbatim": TERMS[t],
                "onset_latency": {"value": int(rng.integers(0, 30)), "unit": "day"},
            }
            for t in terms
        ],
    }


def _reported_again(doc: dict, rng: np.random.Generator) -> dict:
    again = {**doc, "report": {**doc["report"]}, "patient": {**doc["patient"]}}
    again["report"]["reporter"] = {**doc["report"]["reporter"]}
    again["products"] = [{**doc["products"][0], "name": doc["products"][0]["name"] + " 100 units"}]
    reactions = list(doc["reactions"])
    if len(reactions) > 1 and rng.random() < 0.5:
        reactions.pop(int(rng.integers(len(reactions))))
    elif rng.random() < 0.5:
        reactions.append({"verbatim": TERMS[int(rng.integers(len(TERMS)))]})
    again["reactions"] = reactions
    if rng.random() < 0.3:
        again["patient"]["age"] = None
    if rng.random() < 0.3:
        again["report"]["event_date"] = doc["report"]["event_date"][:7]
    if rng.random() < 0.2:
        again["report"]["reporter"]["country"] = None
        again["report"]["source"] = "literature"
    return again


def registry(n: int, share: float, seed: int = 7) -> tuple[list[Case], set[tuple[str, str]]]:
    """``n`` cases of which about ``share`` re-report an earlier one; the true pairs."""
    rng = np.random.default_rng(seed)
    originals = int(round(n / (1 + share)))
    docs = [_document(rng) for _ in range(originals)]
    cases = [Case.model_validate({**d, "case_id": f"C{i:06d}"}) for i, d in enumerate(docs)]
    truth = set()
    for j, i in enumerate(rng.choice(originals, size=n - originals, replace=False)):
        copy_id = f"D{j:06d}"
        cases.append(Case.model_validate({**_reported_again(docs[i], rng), "case_id": copy_id}))
        truth.add(tuple(sorted((f"C{i:06d}", copy_id))))
    return cases, truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--duplicate-share", type=float, default=0.05)
    parser.add_argument("--threshold", type=float, default=0.9)
    args = parser.parse_args()
    print(
        f"machine: {platform.platform()} | {platform.processor() or platform.machine()} | "
        f"{os.cpu_count()} CPUs | Python {platform.python_version()} | "
        f"splink {splink.__version__} | duckdb {duckdb.__version__}"
    )
    print(
        f"{'cases':>7} {'features s':>10} {'find s':>8} {'pairs':>6} {'recall':>7} {'precision':>9}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        cases, truth = registry(n, args.duplicate_share)
        started = time.perf_counter()
        feature_table(cases)
        features = time.perf_counter() - started
        started = time.perf_counter()
        pairs = find_duplicates(cases, threshold=args.threshold)
        found = time.perf_counter() - started
        flagged = {(p.case_a, p.case_b) for p in pairs}
        recall = len(flagged & truth) / len(truth)
        precision = len(flagged & truth) / len(flagged) if flagged else float("nan")
        row = f"{n:>7} {features:>10.2f} {found:>8.2f} {len(pairs):>6}"
        print(f"{row} {recall:>7.3f} {precision:>9.3f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MiB ('find s' includes building the features again)")


if __name__ == "__main__":
    main()
