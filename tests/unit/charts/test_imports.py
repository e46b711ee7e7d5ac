"""Drawing a chart must not drag in market data clients or the web stack."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_chart_modules_import_without_yfinance_or_the_web_stack() -> None:
    code = (
        "import sys\n"
        "import analysis.charts.static, analysis.charts.interactive\n"
        "bad = [m for m in ('yfinance', 'reflex', 'fastapi', 'starlette', 'app', 'integrations',"
        " 'matplotlib') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
