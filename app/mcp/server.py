"""The MCP server over one services container, whatever the transport."""

from __future__ import annotations

from mcp.server.mcpserver import MCPServer

from app import __version__
from app.mcp.tools import CallerOf, Toolbox, tool_annotations
from app.services.container import Services

INSTRUCTIONS = (
    "Financials analyses markets: Fibonacci retracements, market structure and "
    "support/resistance levels that do not repaint, each level's hit-rate beside random "
    "levels with a plain verdict. Quote the numbers the tools return; they say where the "
    "data came from (an offline notice when it is the bundled sample)."
)


def build_server(services: Services, caller_of: CallerOf) -> MCPServer:
    server: MCPServer = MCPServer(
        "financials", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING"
    )
    toolbox = Toolbox(services, caller_of)
    for spec in toolbox.tools:
        server.add_tool(spec.fn, title=spec.title, annotations=tool_annotations(spec))
    return server
