"""Settings: each is an environment variable LEXALIGN_<NAME> with a default, and a CLI flag.

No other configuration system: the CLI passes its flags in, everything else reads here.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_ROOT.parent.parent


def _env(name: str) -> str | None:
    value = os.environ.get(f"LEXALIGN_{name}")
    return value if value not in (None, "") else None


def max_file_mb() -> float:
    """Largest input file accepted, in megabytes."""
    return float(_env("MAX_FILE_MB") or 50)


def pdf_engine() -> str:
    """PDF text engine: pypdfium2 (default; fast, content-stream reading order) or pdfplumber
    (position-based reading order, splits two-column pages at their gutter)."""
    value = (_env("PDF_ENGINE") or "pypdfium2").lower()
    return value if value in ("pypdfium2", "pdfplumber") else "pypdfium2"


def convention_dir() -> Path:
    """Folder holding the Convention model (articles and per-language terms)."""
    return Path(_env("CONVENTION_DIR") or REPO_ROOT / "convention")


def dev_data_dir() -> Path:
    """Folder of the development set (laws/ and gold/), read by tests and benchmarks."""
    return Path(_env("DEV_DATA") or REPO_ROOT.parent / "shared" / "eval" / "dev")


def data_dir() -> Path:
    """Per-user folder for the review store and app uploads."""
    default = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "lexalign"
    return Path(_env("DATA_DIR") or default)


def jobs() -> int:
    """Worker processes for batch runs."""
    return int(_env("JOBS") or max(1, min(os.cpu_count() or 1, 4)))
