"""Throughput table: (a) blank tokenizer, (b) extraction, (c) full build with RDF writing,
single process and with --jobs N. The same as ``kg bench`` (see kg/commands/bench.py).

    python benchmarks/bench_throughput.py                                   # corpus-10000, jobs 1 and 2
    python benchmarks/bench_throughput.py benchmarks/data/corpus-1000 --stages ab
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
