"""Fidelity and time of the exchange formats on FDA's E2B(R3) example ICSRs, and every export.

Usage: ``.venv/bin/python bench/exchange.py [--repeat N]``

First table, per FDA example instance (fidelity of import -> export):

- ``input``: data items of the case (``investigationEvent``): element text
  and the value/code/extension attributes, as
  :mod:`dermavigil.exchange.e2b.unmapped` counts them;
- ``held``: items read into case-model fields (``input`` - ``unmapped``);
- ``unmapped``: items kept verbatim in ``Case.unmapped`` (listed with
  ``--list``);
- ``lost``: held items whose value is not in the XML re-exported for FDA
  (receiver ``ZZFDA``: the E2B elements alone, FDA's business rules passed),
  must be 0;
- ``changed``: held items the exporter replaces by its own (the sender's
  C.1.1; C.1.2 and C.3.1 are outside the counted case data);
- import and export times.

Then the time of each export format for the seed case and for 100 copies of
it, the import of a 100-case batch, and the machine.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from dermavigil.demo import load_seed_case
from dermavigil.exchange.formats import EXPORT_FORMATS, export_cases, import_document
from dermavigil.settings import load_settings

try:
    from dermavigil.exchange.e2b.unmapped import collect
except ImportError:  # the flat layout before issue 11
    from dermavigil.exchange.e2b_unmapped import collect  # type: ignore[no-redef]

RECEIVER = "ZZFDA"
"""Re-exported for FDA: what a regulator receives (E2B elements alone, FDA's rules passed)."""
HL7 = "urn:hl7-org:v3"
NS = {"h": HL7}
SUPPLEMENT = "dermavigil case supplement"
_CODE = re.compile(r"^(\S+)(?: \(.*\))? \[(.+)\]$")
_NOT_A_PATH = ("G.k.9.i.2.r", "H.4", "G.k.1 (", "dermavigil supplement")
_SENDERS_OWN = re.compile(r"^id(\[\d+\])?$")  # C.1.1 (and C.1.8.1) of the investigationEvent


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _events(data: bytes) -> list[etree._Element]:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for doc in root.xpath(f"//h:reference[h:document/h:title='{SUPPLEMENT}']", namespaces=NS):
        doc.getparent().remove(doc)
    return root.xpath("//h:investigationEvent", namespaces=NS)


def _norm(value: str) -> str:
    """A datum as compared: a code with its system (display names aside), else the text."""
    match = _CODE.match(value)
    return f"{match.group(1)} [{match.group(2)}]" if match else " ".join(value.split())


def fidelity(path: Path) -> dict[str, object]:
    """The fidelity counts of one FDA example (see the module docstring)."""
    data = path.read_bytes()
    [case] = import_document(data, path.name).cases
    [event] = _events(data)
    items = collect(event, set())
    unmapped = [k for k in case.unmapped if not k.startswith(_NOT_A_PATH)]
    held = {
        k: v for k, v in items.items() if k.split("#")[0] not in {u.split("#")[0] for u in unmapped}
    }
    sent = export_cases([case], "e2b", receiver=RECEIVER, sender=path.stem)
    out_values = {_norm(v) for e in _events(sent) for v in collect(e, set()).values()}
    missing = {k: v for k, v in held.items() if _norm(v) not in out_values}
    changed = {k: v for k, v in missing.items() if _SENDERS_OWN.match(k)}
    lost = {k: v for k, v in missing.items() if k not in changed}
    return {
        "input": len(items),
        "held": len(items) - len(unmapped),
        "unmapped": unmapped,
        "lost": lost,
        "changed": changed,
    }


def main() -> None:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    listing = "--list" in sys.argv
    examples = load_settings().shared_data_dir.parent / "standards" / "e2b_r3" / "fda_examples"
    head = f"{'FDA example':26} {'input':>6} {'held':>5} {'unmapped':>9} {'lost':>5} {'changed':>8}"
    print(f"{head} {'import s':>9} {'export s':>9}")
    for path in sorted(Path(examples).glob("*.xml")):
        data = path.read_bytes()
        cases = import_document(data, path.name).cases
        t_in = _best(lambda d=data, n=path.name: import_document(d, n), repeat)
        t_out = _best(lambda c=cases: export_cases(c, "e2b"), repeat)
        f = fidelity(path)
        print(
            f"{path.name:26} {f['input']:6d} {f['held']:5d} {len(f['unmapped']):9d} "  # type: ignore[arg-type]
            f"{len(f['lost']):5d} {len(f['changed']):8d} {t_in:9.4f} {t_out:9.4f}"  # type: ignore[arg-type]
        )
        if listing:
            for key in f["unmapped"]:  # type: ignore[attr-defined]
                print(f"    unmapped: {key}")
            for key, value in {**f["lost"], **f["changed"]}.items():  # type: ignore[dict-item]
                kind = "changed" if key in f["changed"] else "lost"  # type: ignore[operator]
                print(f"    {kind}: {key} = {value[:60]}")
    seed = load_seed_case()
    print(f"\n{'format':10} {'seed case s':>12} {'100 cases s':>12} {'100 cases KB':>13}")
    for fmt in EXPORT_FORMATS:
        one = _best(lambda f=fmt: export_cases([seed], f), repeat)
        batch = [seed] * 100
        many = _best(lambda f=fmt, b=batch: export_cases(b, f), 1)
        size = len(export_cases(batch, fmt)) / 1024
        print(f"{fmt:10} {one:12.4f} {many:12.3f} {size:13.0f}")
    data = export_cases([seed] * 100, "e2b")
    t_batch = statistics.median(
        _best(lambda: import_document(data, "batch.xml"), 1) for _ in range(repeat)
    )
    print(f"\nimport of a 100-case E2B batch: {t_batch:.3f} s")
    print(
        f"\nmachine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}"
    )


if __name__ == "__main__":
    main()
