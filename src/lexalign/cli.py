"""Command line: a thin layer over the library. Each command calls pipeline, report or store functions."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

import typer

from lexalign.errors import UnusableInput

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Check national legislation against the UN Convention against Cybercrime.")


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn unusable input into one line on stderr and exit code 2, never a traceback."""
    try:
        yield
    except UnusableInput as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None


def emit(text: str | bytes, output: str | None) -> None:
    """Write to a file when --output is given, else to stdout."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            typer.echo(text)
        return
    from pathlib import Path

    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
