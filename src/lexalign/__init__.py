"""LexAlign: checks national legislation against the UN Convention against Cybercrime.

The pipeline is load -> segment -> match -> assess -> report; `pipeline.check` runs it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lexalign")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+local"
