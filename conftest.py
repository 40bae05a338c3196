"""Settings shared by the tests and the doctests (pytest loads this file first)."""

from __future__ import annotations

import os

# The tests fit tiny models. scikit-learn's OpenMP threads busy-wait for each other, which slows
# those fits by orders of magnitude when another process holds a core; one thread is faster here.
os.environ.setdefault("OMP_NUM_THREADS", "1")
