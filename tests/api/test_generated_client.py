"""The typed client in clients/python: it is what `make client` generates from the committed
document, and it works against a real server process (granian, as in production)."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import Settings
from app.wiring.auth import dev_issuer
from tests.conftest import REPO_ROOT
from tests.support.api_server import RunningServer, api_server

CLIENT = REPO_ROOT / "clients" / "python"
# `make install-dev` puts openapi-python-client in its own environment beside the venv's.
GENERATOR = Path(sys.prefix) / "client-generator" / "bin" / "openapi-python-client"
STALE = "clients/python differs from what `make client` generates: run `make client`, commit it"

pytestmark = pytest.mark.slow


def _different(left: Path, right: Path) -> list[str]:
    """Files that differ, are missing or are extra, relative to the trees' roots."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only)
        found.extend(prefix + name for name in compared.diff_files + compared.funny_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return sorted(found)


def test_the_committed_client_is_what_the_generator_makes(tmp_path: Path) -> None:
    out = tmp_path / "client"
    subprocess.run(
        [sys.executable, "scripts/client.py", "--generator", str(GENERATOR), "--output", str(out)],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    assert _different(CLIENT, out) == [], STALE


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with api_server(tmp_path_factory.mktemp("client") / "data") as up:
        yield up


@pytest.fixture
def generated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client importable as its users install it (`pip install clients/python`)."""
    monkeypatch.syspath_prepend(str(CLIENT))


def _token(server: RunningServer, scopes: list[str]) -> str:
    return dev_issuer(Settings(_env_file=None, data_dir=server.data_dir)).mint("robot", scopes)


@pytest.mark.usefixtures("generated")
def test_the_client_makes_a_chart_and_reads_its_analysis(server: RunningServer) -> None:
    from financials_client import AuthenticatedClient
    from financials_client.api.analyses import get_analysis
    from financials_client.api.charts import fibonacci_chart
    from financials_client.models import (
        AnalysisDetail,
        ChartRequest,
        ChartRequestPeriodType0,
        ChartResponse,
    )

    token = _token(server, ["charts:read", "charts:write"])
    with AuthenticatedClient(base_url=server.url, token=token) as api:
        made = fibonacci_chart.sync(
            client=api,
            body=ChartRequest(
                symbol="apple", period=ChartRequestPeriodType0("1y"), interpret=False
            ),
        )
        assert isinstance(made, ChartResponse), made
        assert made.symbol == "AAPL"
        assert made.source == "sample"
        fibonacci = made.analysis.fibonacci
        assert fibonacci is not None
        assert [level.ratio for level in fibonacci.retracements][:3] == [0.0, 0.236, 0.382]
        verdicts = {rate.verdict for rate in made.analysis.hit_rates.levels}
        assert verdicts, "every ratio comes with its verdict beside the baseline"
        kept = get_analysis.sync(made.id, client=api)
        assert isinstance(kept, AnalysisDetail), kept
        assert kept.status == "done"
        assert kept.analysis is not None
        assert kept.analysis.to_dict() == made.analysis.to_dict()


@pytest.mark.usefixtures("generated")
def test_a_refused_call_comes_back_as_a_problem(server: RunningServer) -> None:
    from financials_client import AuthenticatedClient
    from financials_client.api.charts import fibonacci_chart
    from financials_client.models import ChartRequest, ChartRequestPeriodType0, Problem

    body = ChartRequest(symbol="apple", period=ChartRequestPeriodType0("1y"), interpret=False)
    with AuthenticatedClient(base_url=server.url, token="not-a-token") as forged:
        refused = fibonacci_chart.sync_detailed(client=forged, body=body)
    assert refused.status_code == 401
    assert isinstance(refused.parsed, Problem)
    assert refused.parsed.title == "Not authenticated"
    assert refused.headers["www-authenticate"].startswith("Bearer")

    with AuthenticatedClient(base_url=server.url, token=_token(server, ["charts:read"])) as api:
        refused = fibonacci_chart.sync_detailed(client=api, body=body)
    assert refused.status_code == 403
    assert isinstance(refused.parsed, Problem)
    assert "charts:write" in refused.parsed.detail

    with AuthenticatedClient(base_url=server.url, token=_token(server, ["charts:write"])) as api:
        unknown = fibonacci_chart.sync(client=api, body=ChartRequest(symbol="no such thing zz"))
    assert isinstance(unknown, Problem)
    assert unknown.status == 404
    assert "nothing matches" in unknown.detail
