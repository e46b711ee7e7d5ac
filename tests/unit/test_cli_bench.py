"""`financials bench --section cli`: each command beside the baselines of the same run."""

from __future__ import annotations

import pytest

from app.bench import cli_bench
from app.bench.cli_bench import Row, heavy_modules, report


def test_the_report_puts_each_command_beside_bare_python_and_says_the_verdict() -> None:
    rows = [
        Row("python -c pass", 0.02, 0.018, None),
        Row("python -c 'import pandas'", 0.9, 0.85, None),
        Row("version", 0.2, 0.15, ()),
        Row("parse", 0.7, 0.6, ("pandas",)),
        Row("token", 0.0, 0.0, (), failed="error: FINANCIALS_OIDC_ISSUER is set"),
    ]
    lines = report(rows, bytecode=False).splitlines()
    assert lines[1].startswith("bytecode cache: absent")
    assert lines[3].startswith("python -c pass")
    assert "1.0x" in lines[3]
    assert lines[5].startswith("financials version")
    assert "10.0x" in lines[5]
    assert "150.0 ms" in lines[5]  # its CPU time
    assert lines[5].endswith("meets target; none")
    assert lines[6].endswith("over target; pandas")
    assert "failed  error: FINANCIALS_OIDC_ISSUER is set" in lines[7]
    assert lines[-1].startswith("target: each command under 0.5 s wall")


def test_heavy_libraries_are_read_from_importtime_output() -> None:
    stderr = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       120 |        120 |   numpy.core\n"
        "import time:      5000 |     900000 | pandas\n"
        "import time:        80 |         80 | typer\n"
    )
    assert heavy_modules(stderr) == ("pandas", "numpy")


def test_a_run_times_the_commands_in_fresh_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_bench, "BASELINES", (("python -c pass", "pass"),))
    monkeypatch.setattr(cli_bench, "COMMANDS", (("version", ("version",)), ("nope", ("nope",))))

    python, version, nope = cli_bench.run(repeat=1)

    assert (python.heavy, version.heavy) == (None, ())
    assert min(python.seconds, version.seconds, version.cpu) > 0
    assert nope.failed == "No such command 'nope'."
