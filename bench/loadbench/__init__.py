"""The HTTP load bench (``bench/load.py``), one job a module: the clients and what they
tally (:mod:`~loadbench.client`) and the CPU accounting of the processes involved
(:mod:`~loadbench.cpu`)."""
