"""The duplicate detection bench (``bench/duplicates.py``), one job a module: the bench
store (:mod:`~dupbench.store`), how duplicates are made (:mod:`~dupbench.perturbations`,
:mod:`~dupbench.records_sql`, :mod:`~dupbench.records`), what is measured
(:mod:`~dupbench.measures`, :mod:`~dupbench.blocking_checks`, :mod:`~dupbench.vaers_audit`,
:mod:`~dupbench.diana`), one size run (:mod:`~dupbench.one_size`) and its table printed
(:mod:`~dupbench.report`). Figures and their history: docs/duplicates-bench.md."""
