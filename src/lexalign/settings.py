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


class SettingError(ValueError):
    """A LEXALIGN_* variable with a value LexAlign cannot use; str() is one line for the user."""


def _number(name: str, default: float, *, whole: bool = False) -> float:
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        raise SettingError(f"LEXALIGN_{name}={raw!r} is not a {'whole ' if whole else ''}number: set it to one, or unset it for the default {default:g}") from None
    if value <= 0:
        raise SettingError(f"LEXALIGN_{name}={raw!r} must be above zero: set it to a positive number, or unset it for the default {default:g}")
    return value


def max_file_mb() -> float:
    """Largest input file accepted, in megabytes."""
    return _number("MAX_FILE_MB", 50)


PDF_ENGINES = ("pypdfium2", "pdfplumber")


def pdf_engine() -> str:
    """PDF text engine: pypdfium2 (default; fast, content-stream reading order) or pdfplumber
    (position-based reading order, splits two-column pages at their gutter)."""
    value = (_env("PDF_ENGINE") or "pypdfium2").lower()
    if value not in PDF_ENGINES:
        raise SettingError(f"LEXALIGN_PDF_ENGINE={value!r} is not a PDF engine: use pypdfium2 or pdfplumber")
    return value


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
    return int(_number("JOBS", max(1, min(os.cpu_count() or 1, 4)), whole=True))
