"""One glibc malloc arena for the whole process while a signal run reads on a thread.

glibc gives a thread that allocates while another holds the main arena an arena of its
own (``M_ARENA_MAX``, mallopt(3)); a signal run reads, codes and counts a file on a
thread (``signals.detect``) and the main thread then allocates the statistics' arrays:
memory the reading thread freed stays in its arena, and the main thread's arrays came
from fresh pages -- 10,000 page faults (40 MB) more for a FAERS quarter, which this VM
charges dearly (system time). With one arena the freed memory is reused. Only for a
small file's run (a large file is read on the main thread, where Arrow's parsing threads
would share the one arena's lock for nothing). Elsewhere than glibc (no ``mallopt``)
nothing changes.
"""

from __future__ import annotations

import ctypes

M_ARENA_MAX = -8  # glibc's <malloc.h>


def single_arena() -> bool:
    """Let every thread allocate from glibc's main arena from now on (mallopt
    ``M_ARENA_MAX`` = 1); whether it was set (false off glibc)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, 1))
