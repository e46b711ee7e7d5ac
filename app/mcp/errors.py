"""What a tool says when a call cannot be answered: a tool error the agent can act on (what
was wrong and what is accepted), never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mcp.server.mcpserver.exceptions import ToolError
from pydantic import ValidationError

from analysis import AnalysisInputError
from integrations.auth.models import AuthError
from integrations.market_data import MarketDataError


@contextmanager
def as_tool_errors() -> Iterator[None]:
    """Turns the failures a caller can fix (or must wait out) into `ToolError`s."""
    try:
        yield
    except ValidationError as exc:
        raise ToolError(_first_problem(exc)) from None
    except (MarketDataError, AnalysisInputError) as exc:
        raise ToolError(str(exc)) from None
    except AuthError as exc:
        raise ToolError(exc.description) from None


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error.get("loc", ()))
    message = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
    return f"{field}: {message}" if field else message
