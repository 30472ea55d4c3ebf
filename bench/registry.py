"""Registry speed: writes, reads, searches and contended updates, with the machine.

Builds a registry of ``--cases`` variants of the seed case (product category,
route and reaction varied so that filters select subsets), then times:

1. ``create``, one transaction per case (the CLI/web pattern: assessment,
   version, facets and audit row each time);
2. ``get`` of a random case (load + re-assessment with overrides);
3. ``list`` pages under several filters, with the total count;
4. ``update`` by ``--writers`` threads on one case with optimistic retries:
   committed versions per second and conflicts seen (none may be lost);
5. ``all_current`` over every case (the registry-export read path).

Usage: ``.venv/bin/python bench/registry.py [--cases 2000] [--writers 4] [--url URL]``
(default URL: a fresh SQLite file in a temporary folder).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Callable

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory
from dermavigil.errors import ConflictError
from dermavigil.registry import CaseFilter, CaseService, Registry, open_registry

CATEGORIES = [ProductCategory.exosome, ProductCategory.ha_filler, ProductCategory.polynucleotide]
ROUTES = [Route.intradermal, Route.subcutaneous, Route.topical]
TERMS = ["skin necrosis", "swelling", "nodule", "erythema", "granuloma"]


def _variant(seed: Case, i: int) -> Case:
    case = seed.model_copy(deep=True)
    product = case.products[0]
    product.category = CATEGORIES[i % len(CATEGORIES)]
    product.route = ROUTES[i % len(ROUTES)]
    case.reactions[0].verbatim = f"{TERMS[i % len(TERMS)]} {i}"
    return case


def _timed(label: str, n: int, work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    elapsed = time.perf_counter() - start
    print(f"{label:48} {n:7d} in {elapsed:7.2f} s = {n / elapsed:9.1f} /s")
    return elapsed


def _latency(label: str, runs: int, work: Callable[[int], object]) -> None:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        work(i)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"{label:48} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms")


def _contended(registry: Registry, seed: Case, writers: int, per_writer: int) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="bench").case_id
    conflicts = [0] * writers

    def writer(w: int) -> None:
        for k in range(per_writer):
            while True:
                try:
                    with registry.transaction() as session:
                        service = CaseService(session)
                        version = service.get(case_id).version
                        service.update(case_id, _variant(seed, w * 1000 + k), f"w{w}", version)
                    break
                except ConflictError:
                    conflicts[w] += 1

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    with registry.transaction(readonly=True) as session:
        versions = [v.version for v in CaseService(session).history(case_id)]
    total = writers * per_writer
    assert versions == list(range(1, total + 2)), "a version was lost or duplicated"
    print(
        f"{'contended updates, ' + str(writers) + ' threads on one case':48} {total:7d} in "
        f"{elapsed:7.2f} s = {total / elapsed:9.1f} /s  ({sum(conflicts)} conflicts retried, "
        f"versions 1..{versions[-1]} without gaps)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--url", default=None)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp(prefix='dv-bench-')}/registry.sqlite"
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    print(f"registry: {url.split('@')[-1]}\n")
    seed = load_seed_case()
    registry = open_registry(url)
    ids: list[str] = []

    def create_all() -> None:
        for i in range(args.cases):
            with registry.transaction() as session:
                ids.append(CaseService(session).create(_variant(seed, i), by="bench").case_id)

    _timed("create (one transaction per case)", args.cases, create_all)
    rng = random.Random(7)

    def get(_i: int) -> None:
        with registry.transaction(readonly=True) as session:
            CaseService(session).get(rng.choice(ids))

    _latency("get + assess one case", 200, get)
    filters = {
        "list, no filter": CaseFilter(),
        "list --category ha_filler": CaseFilter(category="ha_filler"),
        "list --off-label --route intradermal": CaseFilter(off_label=True, route="intradermal"),
        "list --reaction necrosis": CaseFilter(reaction="necrosis"),
        "list --text 'nodule 1'": CaseFilter(text="nodule 1"),
    }
    for label, criteria in filters.items():

        def page(_i: int, criteria: CaseFilter = criteria) -> None:
            with registry.transaction(readonly=True) as session:
                CaseService(session).list(criteria, limit=50)

        _latency(f"{label} (50 per page + total)", 30, page)

    def read_all() -> None:
        with registry.transaction(readonly=True) as session:
            sum(1 for _ in CaseService(session).all_current())

    _timed("all_current (export read path)", args.cases, read_all)
    _contended(registry, seed, args.writers, per_writer=25)
    registry.close()


if __name__ == "__main__":
    main()
