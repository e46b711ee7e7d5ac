"""The MCP server: the analysis, quotes, compare and past analyses as tools for AI agents.

A client of `app.services`, like the API: the tools call the same use cases on the same
services container. `financials mcp` serves it over stdio; the web app at `/mcp` over
streamable HTTP, behind the API's bearer tokens, scopes and rate limits (`app/api/mcp.py`).
"""
