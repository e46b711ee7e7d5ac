"""The chat's tools map onto the chart that answers them."""

from __future__ import annotations

from typing import get_args

from analysis.charts.spec import FOCUSES
from app.services.analyses import chart_focus
from language.vocabulary import ToolName


def test_each_tool_gets_the_chart_of_its_question() -> None:
    assert chart_focus("fibonacci") == "fibonacci"
    assert chart_focus("structure") == "structure"
    assert chart_focus("levels") == "levels"
    for tool in get_args(ToolName):
        assert chart_focus(tool) in FOCUSES
    assert chart_focus("compare") == "fibonacci"
    assert chart_focus("anything else") == "fibonacci"
