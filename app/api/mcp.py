"""`/mcp`: the MCP server over streamable HTTP, behind the API's tokens, scopes and limits.

Every request (each JSON-RPC message is one POST) is admitted like an API call: a bearer
token (401 without one), the `charts:read` scope (403), the caller's request budget, shared
with the API (429). Tools that keep a record also need `charts:write`, checked per tool.

Stateless and answering in JSON: any worker or replica can serve any request, as for the
REST API, so no session is pinned to a process. The SDK's session manager runs for as long
as the app serves; it is started by the Reflex lifespan task with the services
(`app.wiring.services_lifespan`), not by FastAPI's lifespan, which does not run under Reflex.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.transport_security import TransportSecuritySettings
from starlette.requests import Request
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from app.api.deps import admit
from app.mcp.server import build_server
from app.services.container import NotStartedError, Services
from integrations.auth.models import Principal
from integrations.auth.scopes import CHARTS_READ

MCP_PATH = "/mcp"


def caller_of(ctx: Context) -> Principal:
    """The principal `admit` verified for this HTTP request (kept on the request's state)."""
    request = ctx.request_context.request
    caller = getattr(getattr(request, "state", None), "principal", None)
    if not isinstance(caller, Principal):  # only reachable if the endpoint were bypassed
        raise ToolError("not authenticated: send `Authorization: Bearer <token>`")
    return caller


class McpEndpoint:
    """The ASGI endpoint: admits the caller, then hands the request to the MCP transport."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        await admit(request, CHARTS_READ)
        transport = getattr(request.app.state, "mcp", None)
        if transport is None:
            raise NotStartedError
        await transport(scope, receive, send)


def mcp_route() -> Route:
    return Route(MCP_PATH, endpoint=McpEndpoint(), methods=["GET", "POST", "DELETE"])


@asynccontextmanager
async def serving_mcp(api: FastAPI, services: Services) -> AsyncIterator[None]:
    """`/mcp` answers with tools over `services` until the block ends."""
    server = build_server(services, caller_of)
    transport = server.streamable_http_app(
        streamable_http_path=MCP_PATH,
        stateless_http=True,
        json_response=True,
        # The SDK's DNS-rebinding guard only admits localhost Host headers; the bearer token
        # (never a cookie) is what protects this endpoint, as it does the API.
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
    )
    async with server.session_manager.run():
        api.state.mcp = transport
        try:
            yield
        finally:
            del api.state.mcp
