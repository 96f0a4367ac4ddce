"""Start-up time and time to check one large law (one core), measured, not asserted.

    .venv/bin/python benchmarks/speed.py [--law PATH] [--repeat N]

Start-up = importing LexAlign, loading the Convention model and compiling its matchers.
Check = ingest + segment + match + assess + report of a law already on disk, after start-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--law", type=Path, default=None, help="default: the largest dev law")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from lexalign.convention import load_convention
    from lexalign.lexicon import lexicon_for
    from lexalign.pipeline import check
    from lexalign.segment import segment
    from lexalign.ingest import load
    from lexalign.settings import dev_data_dir

    convention = load_convention()
    lexicon_for(convention, "en")
    startup = time.perf_counter() - started

    law = args.law or max((dev_data_dir() / "laws").glob("*.txt"), key=lambda p: p.stat().st_size)
    document = load(law)
    check(law, convention=convention)  # warm caches that depend on the law's language
    checks, segments = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        check(law, convention=convention)
        checks.append(time.perf_counter() - started)
        started = time.perf_counter()
        segment(document)
        segments.append(time.perf_counter() - started)
    print(f"law: {law.name} ({len(document.text):,} characters)")
    print(f"start-up: {startup:.2f} s")
    print(f"check (median of {args.repeat}): {statistics.median(checks):.3f} s")
    print(f"segment only (median of {args.repeat}): {statistics.median(segments):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
