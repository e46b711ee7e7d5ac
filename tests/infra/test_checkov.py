"""checkov finds nothing in the infrastructure code but what infra/checkov-skips.yaml accepts,
with a reason, and every accepted finding still exists (the list cannot go stale)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.infra.conftest import CHECKOV_FRAMEWORKS, SKIPS_FILE, CheckovRun, Finding


def _skips() -> list[dict[str, Any]]:
    skips: list[dict[str, Any]] = yaml.safe_load(SKIPS_FILE.read_text())["skips"]
    return skips


def _accepted(finding: Finding, skip: dict[str, Any]) -> bool:
    return finding.check_id == skip["check"] and finding.resource in skip["resources"]


def test_every_skip_names_a_check_resources_and_a_reason() -> None:
    for skip in _skips():
        assert set(skip) == {"check", "resources", "reason"}, skip
        assert skip["resources"], f"{skip['check']} must name the resources it accepts"
        assert len(skip["reason"].split()) >= 8, f"{skip['check']}: give a real reason"


def test_checkov_scanned_every_framework(checkov_run: CheckovRun) -> None:
    assert set(checkov_run.scanned) == set(CHECKOV_FRAMEWORKS)
    assert all(count > 0 for count in checkov_run.scanned.values()), checkov_run.scanned


def test_no_finding_outside_the_skip_list(checkov_run: CheckovRun) -> None:
    unexpected = [
        f"{f.check_id} {f.name!r} on {f.resource} ({f.file})"
        for f in checkov_run.findings
        if not any(_accepted(f, skip) for skip in _skips())
    ]
    assert not unexpected, "checkov found:\n" + "\n".join(unexpected)


@pytest.mark.parametrize("index", range(len(_skips())))
def test_each_skip_still_matches_a_finding(checkov_run: CheckovRun, index: int) -> None:
    skip = _skips()[index]
    matched = {f.resource for f in checkov_run.findings if _accepted(f, skip)}
    stale = set(skip["resources"]) - matched
    assert not stale, f"{skip['check']} no longer fails on {sorted(stale)}: drop it from the list"
