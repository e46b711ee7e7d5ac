"""A loopback DashScope: the real `dashscope` SDK talks to it over HTTP on 127.0.0.1.

It speaks the native API the SDK uses (`POST /api/v1/services/aigc/{task}/generation`,
JSON bodies, Server-Sent Events with `event:result` / `event:error` and `data:` lines),
refuses a wrong key with 401 `InvalidApiKey` as DashScope does, and answers with whatever a
test queued: JSON, an SSE stream, an error, or a stall longer than the client's timeout. It
records every request so tests can check what we sent.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

API_KEY = "sk-loopback-test-key"
VL_PATH = "/api/v1/services/aigc/multimodal-generation/generation"
TEXT_PATH = "/api/v1/services/aigc/text-generation/generation"


@dataclass(frozen=True)
class JsonAnswer:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SseAnswer:
    """`chunks` are `data:` payloads; `error` (a payload) ends the stream as event:error."""

    chunks: list[dict[str, Any]]
    error: dict[str, Any] | None = None


@dataclass(frozen=True)
class Stall:
    """Answer nothing until the test ends (the client must time out first)."""


Answer = JsonAnswer | SseAnswer | Stall


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class DashScopeState:
    answers: deque[Answer] = field(default_factory=deque)
    requests: list[Request] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


def vl_message(text: str, finish: str = "stop") -> dict[str, Any]:
    return {
        "output": {
            "choices": [
                {
                    "finish_reason": finish,
                    "message": {"role": "assistant", "content": [{"text": text}]},
                }
            ]
        },
        "usage": {"input_tokens": 1200, "output_tokens": 80, "image_tokens": 760},
        "request_id": "loopback-vl",
    }


def text_message(text: str) -> dict[str, Any]:
    return {
        "output": {
            "choices": [
                {"finish_reason": "stop", "message": {"role": "assistant", "content": text}}
            ]
        },
        "usage": {"input_tokens": 300, "output_tokens": 20, "total_tokens": 320},
        "request_id": "loopback-text",
    }


def tool_calls_message(*calls: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "output": {
            "choices": [
                {
                    "finish_reason": "tool_calls",
                    "message": {
                        "role": "assistant",
                        "content": "",
                        "tool_calls": [
                            {
                                "index": i,
                                "id": f"call_{i}",
                                "type": "function",
                                "function": {"name": name, "arguments": json.dumps(args)},
                            }
                            for i, (name, args) in enumerate(calls)
                        ],
                    },
                }
            ]
        },
        "usage": {"input_tokens": 500, "output_tokens": 30, "total_tokens": 530},
        "request_id": "loopback-tools",
    }


def error(code: str, message: str) -> dict[str, Any]:
    return {"code": code, "message": message, "request_id": "loopback-error"}


class _Handler(BaseHTTPRequestHandler):
    state: DashScopeState
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        self.state.requests.append(Request(self.path, dict(self.headers.items()), body))
        if self.path not in (VL_PATH, TEXT_PATH):
            self._json(JsonAnswer(404, error("NotFound", f"no route {self.path}")))
            return
        if self.headers.get("Authorization") != f"Bearer {API_KEY}":
            self._json(JsonAnswer(401, error("InvalidApiKey", "Invalid API-key provided.")))
            return
        if not self.state.answers:
            self._json(JsonAnswer(500, error("InternalError", "loopback: no answer queued")))
            return
        answer = self.state.answers.popleft()
        if isinstance(answer, Stall):
            self.state.release.wait(timeout=30)
            self.close_connection = True
        elif isinstance(answer, JsonAnswer):
            self._json(answer)
        else:
            self._sse(answer)

    def _json(self, answer: JsonAnswer) -> None:
        data = json.dumps(answer.body).encode()
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _sse(self, answer: SseAnswer) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream;charset=UTF-8")
        self.send_header("Connection", "close")
        self.end_headers()
        for number, chunk in enumerate(answer.chunks, start=1):
            event = f"id:{number}\nevent:result\n:HTTP_STATUS/200\ndata:{json.dumps(chunk)}\n\n"
            self.wfile.write(event.encode())
            self.wfile.flush()
        if answer.error is not None:
            event = f"id:err\nevent:error\n:HTTP_STATUS/400\ndata:{json.dumps(answer.error)}\n\n"
            self.wfile.write(event.encode())
        self.close_connection = True


@dataclass
class DashScopeServer:
    state: DashScopeState
    base_url: str

    def queue(self, *answers: Answer) -> None:
        self.state.answers.extend(answers)

    @property
    def requests(self) -> list[Request]:
        return self.state.requests


@contextmanager
def running_dashscope() -> Iterator[DashScopeServer]:
    state = DashScopeState()
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield DashScopeServer(state, f"http://127.0.0.1:{server.server_address[1]}/api/v1")
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
