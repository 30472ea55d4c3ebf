"""The FAERS version-link bench (``bench/faers_links.py``), one job a module: the quarters
and their cache (:mod:`~faerslinks.sources`), the reports and their true pairs
(:mod:`~faerslinks.reports`), the scoring (:mod:`~faerslinks.scoring`), how a pair is shown
(:mod:`~faerslinks.explain`) and the printed sections (:mod:`~faerslinks.printout`). Figures
and their history: docs/faers-links.md."""
