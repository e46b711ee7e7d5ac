"""The services container: every port and use case of the running app, built once.

`app.wiring.open_services` builds one from the settings at start-up (a Reflex lifespan
task) and closes it on shutdown. The API receives it through `Depends(get_services)`, the
UI through its one accessor (`app.ui.services`), the CLI by building its own. Tests build
one with fakes (`dataclasses.replace`) instead of patching globals: nothing else in the
app keeps a running service in a module variable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import Settings
from app.services.analyses import AnalysisPorts
from app.services.scan_schemas import ScanOutcome, ScanTask
from app.services.scans import ScanJobs, ScanPorts
from app.services.sessions import SessionTokens
from integrations.ai.port import ChartInterpreter, ChatPlanner
from integrations.auth.dev_issuer import DevIssuer
from integrations.auth.oidc_login import OidcLogin
from integrations.auth.verifier import JwtVerifier
from integrations.cache import Cache
from integrations.chat_history.port import ChatHistoryStore
from integrations.market_data import MarketDataProvider
from integrations.ratelimit.port import RateLimiter
from integrations.records.port import AnalysisRepository
from integrations.records.scans import ScanRepository
from integrations.scans import ScanExecutor
from integrations.storage.local import LocalObjectStore
from integrations.storage.port import ObjectStore

if TYPE_CHECKING:
    from integrations.ai.dashscope_transport import DashScopeTransport


class NotStartedError(RuntimeError):
    """The services were asked for before the app's lifespan (or a test) built them."""

    def __init__(self) -> None:
        super().__init__("the services are not started: the app's lifespan starts them")


@dataclass(frozen=True)
class Persistence:
    """The persistence ports, as chosen by the settings."""

    records: AnalysisRepository
    chat_history: ChatHistoryStore
    scans: ScanRepository
    objects: ObjectStore
    # Set when objects live on local disk: the files route then serves and checks the links.
    local_files: LocalObjectStore | None


@dataclass(frozen=True)
class Auth:
    """How bearer tokens are verified; `dev_issuer` is set only for the embedded default."""

    verifier: JwtVerifier
    dev_issuer: DevIssuer | None


@dataclass(frozen=True)
class Login:
    """How people sign in to the web UI.

    `oidc` is set when an issuer and a client id are configured; `dev_login` (one click, as a
    local user) only for the embedded default outside production.
    """

    oidc: OidcLogin | None
    dev_login: bool


@dataclass(frozen=True)
class MarketData:
    """The configured market data source, the cache it sits behind, and how a user's file
    (a CLI path or an upload's bytes, with its name) becomes a source."""

    provider: MarketDataProvider
    cache: Cache
    from_file: Callable[[Path | bytes, str | None], MarketDataProvider]


@dataclass(frozen=True)
class Ai:
    """The chart interpreter and the chat planner, both cloud or both offline.

    `fallback` answers when the interpreter fails (the offline analyst); each port names
    itself (`interpreter.name`), so nothing here guesses the provider.
    """

    interpreter: ChartInterpreter
    planner: ChatPlanner
    fallback: ChartInterpreter
    transport: DashScopeTransport | None = None

    @property
    def provider(self) -> str:
        """`dashscope` or `offline`, for logs, metrics and the health page."""
        return self.interpreter.name

    async def close(self) -> None:
        if self.transport is not None:
            await self.transport.close()


@dataclass(frozen=True)
class Scanning:
    """Where scans fan out (`executor`), the scans running here, and the per-symbol work."""

    executor: ScanExecutor
    jobs: ScanJobs
    task: Callable[[ScanTask], ScanOutcome]


@dataclass(frozen=True)
class Services:
    """What the running app is made of: settings, ports, and the ports a chart runs on."""

    settings: Settings
    persistence: Persistence
    auth: Auth
    login: Login
    market: MarketData
    ai: Ai
    limiter: RateLimiter
    sessions: SessionTokens
    scanning: Scanning

    @property
    def analysis(self) -> AnalysisPorts:
        """What a chart analysis runs on: one recipe for the chat, the API and the CLI."""
        return AnalysisPorts(
            market=self.market.provider,
            records=self.persistence.records,
            objects=self.persistence.objects,
            link_lifetime=self.settings.signed_url_ttl,
            interpreter=self.ai.interpreter,
            fallback=self.ai.fallback,
        )

    @property
    def scans(self) -> ScanPorts:
        """What a scan runs on: one recipe for the chat, the API and the CLI."""
        return ScanPorts(
            executor=self.scanning.executor,
            repository=self.persistence.scans,
            task=self.scanning.task,
            jobs=self.scanning.jobs,
        )
