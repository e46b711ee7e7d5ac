"""The operator docs exist, link only to things that exist, and show the architecture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

DOCS = [
    REPO_ROOT / "docs" / name
    for name in (
        "architecture.md",
        "api.md",
        "auth.md",
        "storage.md",
        "operations.md",
        "security.md",
        "scaling.md",
        "roadmap.md",
    )
]
LINKED_FROM = [*DOCS, REPO_ROOT / "README.md", REPO_ROOT / "infra" / "README.md"]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _anchors(path: Path) -> set[str]:
    headings = re.findall(r"^#+ (.+)$", path.read_text(), flags=re.M)
    return {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in headings}


def test_every_doc_exists() -> None:
    missing = [path.name for path in DOCS if not path.is_file()]
    assert not missing


@pytest.mark.parametrize("path", LINKED_FROM, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_relative_links_resolve(path: Path) -> None:
    external = ("http://", "https://", "mailto:")
    targets = [t for t in LINK.findall(path.read_text()) if not t.startswith(external)]
    if not targets:
        pytest.skip(f"{path.name} has no relative links to check")
    for target in targets:
        file_part, _, anchor = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        assert resolved.exists(), f"{path.name} links to missing {target}"
        if anchor and resolved.suffix == ".md":
            assert anchor in _anchors(resolved), f"{path.name} links to missing #{anchor}"


def test_architecture_has_a_diagram_and_links_the_analysis_doc() -> None:
    text = (REPO_ROOT / "docs" / "architecture.md").read_text()
    assert "```mermaid" in text
    assert "(analysis.md)" in text


def test_scaling_says_which_figures_are_measured() -> None:
    text = (REPO_ROOT / "docs" / "scaling.md").read_text()
    assert "## Measured" in text
    assert "## Estimates" in text
    assert "financials bench" in text, "measured figures must say how to reproduce them"
