"""How fast the quick commands start: `--help`, `version`, `parse` and `token`, each in a fresh
process, beside bare Python and `import pandas` timed in the same run.

A command's start-up is what a person waits for at every call, so each one runs as a new
process (the installed `financials` script), and the best wall time of `repeat` runs counts;
the best CPU time (user + system) is printed beside it, since it moves less than wall time
when other work shares the machine.
`parse` reads the settings as usual but with `FINANCIALS_AI=offline` (the start-up, not a
cloud round trip); `token` runs against a throwaway data folder in development mode, so it
neither touches the real dev key nor is refused by a production setting. One extra run of
each under `python -X importtime` lists which heavy libraries it loaded.
"""

from __future__ import annotations

import functools
import os
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.bench.timing import best_of, format_seconds

TARGET_SECONDS = 0.5
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("--help", ("--help",)),
    ("version", ("version",)),
    ("parse", ("parse", "fib on TSLA over 3 months")),
    ("token", ("token",)),
)
# Bare Python; the floor of any Typer command (a one-command app; Typer coerces every
# option, --help included, through pydantic); and the import the CLI must not pay for.
EMPTY_TYPER_APP = "import typer\napp = typer.Typer()\napp.command()(lambda: None)\napp()"
BASELINES: tuple[tuple[str, str], ...] = (
    ("python -c pass", "pass"),
    ("one-command Typer app", EMPTY_TYPER_APP),
    ("python -c 'import pandas'", "import pandas"),
)
# Libraries none of the quick commands needs; each costs from a tenth of a second to seconds.
HEAVY = (
    "pandas", "numpy", "sqlalchemy", "alembic", "plotly", "reflex", "fastapi", "structlog",
    "yfinance", "dashscope", "httpx",
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    name: str
    seconds: float  # best wall time
    cpu: float  # best user + system time
    heavy: tuple[str, ...] | None  # None for the baselines
    failed: str | None = None


def _script() -> list[str]:
    """The installed console script when there is one, else the same entry point by hand."""
    script = Path(sys.executable).with_name("financials")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]


def _environment(data_dir: Path) -> dict[str, str]:
    """This environment, with a throwaway data folder, development mode and no cloud AI."""
    env = {k: v for k, v in os.environ.items() if k != "FINANCIALS_OIDC_ISSUER"}
    env |= {
        "FINANCIALS_DATA_DIR": str(data_dir),
        "FINANCIALS_ENV": "development",
        "FINANCIALS_AI": "offline",  # parse plans offline even where a DashScope key is set
    }
    return env


def bytecode_cached() -> bool:
    """Whether imported libraries come precompiled (.pyc), or are compiled at every start."""
    import importlib.util

    import typer

    return Path(importlib.util.cache_from_source(typer.__file__)).exists()


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  # our own arguments, no shell
        argv, env=env, capture_output=True, text=True, check=False
    )


def _best(repeat: int, argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Best wall and best CPU seconds of `repeat` runs."""
    walls, cpus = [], []
    for _ in range(max(1, repeat)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(best_of(1, functools.partial(_run, argv, env)))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def heavy_modules(importtime_stderr: str) -> tuple[str, ...]:
    """The `HEAVY` libraries named in `python -X importtime` output."""
    loaded = set()
    for line in importtime_stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            loaded.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return tuple(name for name in HEAVY if name in loaded)


def _last_words(stderr: str) -> str:
    """The last line of an error that says something (Typer draws boxes around usage errors)."""
    for line in reversed(stderr.splitlines()):
        words = line.strip(" │╭╮╰╯─")
        if any(c.isalnum() for c in words):
            return words
    return "no output"


def run(repeat: int) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="financials-bench-cli-") as folder:
        env = _environment(Path(folder))
        for name, code in BASELINES:
            rows.append(Row(name, *_best(repeat, [sys.executable, "-c", code], env), None))
        script = _script()
        for name, args in COMMANDS:
            argv = [*script, *args]
            first = _run(argv, env)  # also creates the dev key once, outside the timing
            if first.returncode != 0:
                rows.append(Row(name, 0.0, 0.0, (), failed=_last_words(first.stderr)))
                continue
            wall, cpu = _best(repeat, argv, env)
            traced = _run([argv[0], "-X", "importtime", *argv[1:]], env)
            rows.append(Row(name, wall, cpu, heavy_modules(traced.stderr)))
    return rows


def report(rows: list[Row], *, bytecode: bool) -> str:
    python = next(row.seconds for row in rows if row.heavy is None)
    cache = (
        "present"
        if bytecode
        else "absent: every process compiles what it imports from source (`uv sync "
        "--compile-bytecode` writes it, as the image does)"
    )
    lines = [
        "cli: start-up in a fresh process, best wall time, beside bare Python in the same run",
        f"bytecode cache: {cache}",
        f"{'':<28}{'wall':>10}{'vs python':>11}{'cpu':>10}  verdict / heavy libraries loaded",
    ]
    for row in rows:
        if row.failed is not None:
            lines.append(f"financials {row.name:<17}{'failed':>10}  {row.failed}")
            continue
        label = row.name if row.heavy is None else f"financials {row.name}"
        ratio = f"{row.seconds / python:.1f}x" if python > 0 else "-"
        if row.heavy is None:
            verdict = "baseline"
        else:
            verdict = "meets target" if row.seconds < TARGET_SECONDS else "over target"
            verdict += f"; {', '.join(row.heavy) if row.heavy else 'none'}"
        lines.append(
            f"{label:<28}{format_seconds(row.seconds):>10}{ratio:>11}"
            f"{format_seconds(row.cpu):>10}  {verdict}"
        )
    lines.append(
        f"target: each command under {TARGET_SECONDS:g} s wall; none loads "
        + ", ".join(HEAVY[:4])
        + " or the other libraries listed"
    )
    return "\n".join(lines)
