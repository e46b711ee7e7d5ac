"""The `financials` command: the same use cases as the web app, from a terminal."""

from __future__ import annotations

import json

import typer

from app import __version__
from app.config import get_settings

cli = typer.Typer(
    name="financials",
    help="Fibonacci, market structure and levels from the terminal.",
    no_args_is_help=True,
    add_completion=False,
)


@cli.command()
def version() -> None:
    """Print the installed version."""
    typer.echo(__version__)


@cli.command()
def settings() -> None:
    """Print the effective settings (defaults plus FINANCIALS_* variables) as JSON."""
    typer.echo(json.dumps(get_settings().model_dump(mode="json"), indent=2))


def main() -> None:
    cli()
