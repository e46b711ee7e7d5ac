"""docs/analysis.md documents every field of the analysis JSON."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from analysis import models
from tests.conftest import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "analysis.md").read_text()
MODELS = [
    obj
    for obj in vars(models).values()
    if isinstance(obj, type)
    and issubclass(obj, BaseModel)
    and obj.__module__ == models.__name__
    and not obj.__name__.startswith("_")
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    assert model.__name__ in DOC, f"{model.__name__} has no section"
    for name in model.model_fields:
        assert re.search(rf"`(?:[a-z_]+\[\]\.)?{name}`", DOC), f"{model.__name__}.{name}"
