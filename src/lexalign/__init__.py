"""LexAlign: checks national legislation against the UN Convention against Cybercrime.

The pipeline is load -> segment -> match -> assess -> report; `check` runs it on a file.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lexalign")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+local"

# The stage functions share their modules' names; importing them here binds the package
# attributes to the functions (the module objects stay reachable through sys.modules).
from lexalign.assess import assess  # noqa: E402
from lexalign.convention import load_convention  # noqa: E402
from lexalign.errors import UnusableInput  # noqa: E402
from lexalign.ingest import load  # noqa: E402
from lexalign.match import match  # noqa: E402
from lexalign.models import Article, Assessment, Convention, Document, Element, Evidence, Provision, Report, SegmentedLaw  # noqa: E402
from lexalign.pipeline import check  # noqa: E402
from lexalign.report import build_report as report  # noqa: E402
from lexalign.segment import segment  # noqa: E402

__all__ = [
    "__version__",
    "load",
    "segment",
    "match",
    "assess",
    "report",
    "check",
    "load_convention",
    "UnusableInput",
    "Document",
    "Provision",
    "SegmentedLaw",
    "Article",
    "Element",
    "Convention",
    "Evidence",
    "Assessment",
    "Report",
]
