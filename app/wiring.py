"""Composition root: the one place that reads settings and picks an adapter for each port.

Everything else receives its collaborators (market data, cache, records, chat history,
storage, AI, auth) from here, so swapping an embedded default for its cloud service is a
setting, not a code change. Ports are added here as their issues land.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Literal, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import SecretStr
from reflex.config import get_config
from sqlalchemy import Engine

from app.config import MarketDataSource, Settings, get_settings
from app.logging import get_logger
from app.metrics import CACHE_REQUESTS
from app.services.analyses import AnalysisPorts
from integrations.ai.offline_analyst import OfflineChartInterpreter
from integrations.ai.offline_planner import OfflineChatPlanner
from integrations.ai.port import ChartInterpreter, ChatPlanner, SymbolResolver
from integrations.auth.dev_issuer import DevIssuer
from integrations.auth.keys import KeySource, RemoteJwks
from integrations.auth.oidc_login import OidcClientConfig, OidcLogin
from integrations.auth.verifier import JwtVerifier
from integrations.cache import Cache, MemoryCache
from integrations.chat_history.port import ChatHistoryStore
from integrations.chat_history.sql import SqlChatHistoryStore
from integrations.market_data import MarketDataProvider
from integrations.market_data.auto import AutoProvider, tcp_probe
from integrations.market_data.caching import SAMPLE_TTL, CachedProvider, CacheTtl
from integrations.market_data.csv_source import CsvProvider
from integrations.market_data.sample import SampleProvider
from integrations.market_data.symbols import TableResolver
from integrations.market_data.yahoo import YahooProvider
from integrations.ratelimit.memory import MemoryRateLimiter
from integrations.ratelimit.port import BucketPolicy, RateLimiter
from integrations.records.port import AnalysisRepository
from integrations.records.sql import SqlAnalysisRepository
from integrations.sql import create_sql_engine, sqlite_url
from integrations.storage.local import LocalObjectStore
from integrations.storage.port import ObjectStore
from integrations.storage.signing import UrlSigner, load_or_create_secret

if TYPE_CHECKING:
    from integrations.ai.dashscope_transport import DashScopeTransport
    from integrations.credentials import CredentialSource

FILES_ROUTE = "/api/files"
DEV_SIGNING_KEY_FILE = "files-signing.key"

log = get_logger("financials.wiring")


class ConfigurationError(RuntimeError):
    """The settings cannot run this environment; the message says which variable to set."""


class NotStartedError(RuntimeError):
    """A service was asked for before the app's lifespan (or a test) started it."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not started: the app's lifespan starts it")


T = TypeVar("T")


class Slot(Generic[T]):
    """The running app's instance of one service: set by its lifespan task (or a test) for
    a while, read by the API, the UI and the services."""

    def __init__(self, name: str, default: Callable[[], T] | None = None) -> None:
        self._name, self._default = name, default
        self._value: T | None = None

    def get(self) -> T:
        if self._value is None:
            if self._default is None:
                raise NotStartedError(self._name)
            self._value = self._default()
        return self._value

    @asynccontextmanager
    async def use(self, value: T) -> AsyncIterator[T]:
        """`value` is the current one for the duration; the previous one comes back after."""
        previous, self._value = self._value, value
        try:
            yield value
        finally:
            self._value = previous


@dataclass(frozen=True)
class Persistence:
    """The three persistence ports, as chosen by the settings."""

    records: AnalysisRepository
    chat_history: ChatHistoryStore
    objects: ObjectStore
    # Set when objects live on local disk: the files route then serves and checks the links.
    local_files: LocalObjectStore | None


def database_url(settings: Settings) -> str:
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    return sqlite_url((settings.data_dir / "financials.db").resolve())


def files_signer(settings: Settings) -> UrlSigner:
    """The HMAC secret from the settings; in development, one kept under the data folder."""
    if settings.files_signing_key is not None:
        return UrlSigner(settings.files_signing_key.get_secret_value().encode())
    if settings.is_production:
        raise ConfigurationError(
            "FINANCIALS_FILES_SIGNING_KEY must be set in production (at least 32 random "
            "characters, e.g. `openssl rand -hex 32`): it signs the links to chart images. "
            "Or configure FINANCIALS_OSS_* to keep images on OSS."
        )
    return UrlSigner(load_or_create_secret(settings.data_dir / DEV_SIGNING_KEY_FILE))


# Cloud SDKs are imported only when their service is configured: they are slow to import and
# the Tablestore SDK logs warnings on import that an embedded setup has no use for.


def cloud_credentials(
    service: Literal["OSS", "Tablestore"],
    key_id: str | None,
    secret: SecretStr | None,
    env: Mapping[str, str] | None = None,
) -> CredentialSource:
    """Keys for one Alibaba Cloud service: its own settings, else RRSA, else ALIBABA_CLOUD_*.

    Refuses to start, naming what to set, when no link of the chain has any.
    """
    from integrations.credentials import MissingCredentialsError, credential_chain

    try:
        chain = credential_chain(
            service=service,
            access_key_id=key_id,
            access_key_secret=None if secret is None else secret.get_secret_value(),
            env=os.environ if env is None else env,
        )
    except MissingCredentialsError as missing:
        raise ConfigurationError(str(missing)) from None
    log.info("cloud credentials", service=service, source=chain.source)
    return chain


def _object_store(settings: Settings) -> ObjectStore:
    if settings.uses_oss:
        from integrations.storage.oss import OssConfig, OssObjectStore

        credentials = cloud_credentials(
            "OSS", settings.oss_access_key_id, settings.oss_access_key_secret
        )
        return OssObjectStore.from_config(
            OssConfig(
                endpoint=str(settings.oss_endpoint),
                bucket=str(settings.oss_bucket),
                region=str(settings.oss_region),
            ),
            credentials,
        )
    return LocalObjectStore(
        settings.data_dir / "objects", files_signer(settings), base_url=files_base_url()
    )


def backend_url(path: str) -> str:
    """`path` on the backend, as the browser reaches it (REFLEX_API_URL).

    In development the page comes from the frontend port and the API from the backend port,
    so a relative link would miss; `REFLEX_API_URL` is set to the public URL in production.
    """
    return get_config().api_url.rstrip("/") + path


def files_base_url() -> str:
    """Where browsers reach the files route."""
    return backend_url(FILES_ROUTE)


def _chat_history(settings: Settings, engine: Engine) -> ChatHistoryStore:
    if settings.uses_tablestore:
        from integrations.chat_history.tablestore import (
            TablestoreChatHistoryStore,
            TablestoreConfig,
        )

        credentials = cloud_credentials(
            "Tablestore",
            settings.tablestore_access_key_id,
            settings.tablestore_access_key_secret,
        )
        ttl_days = settings.tablestore_ttl_days
        return TablestoreChatHistoryStore.from_config(
            TablestoreConfig(
                endpoint=str(settings.tablestore_endpoint),
                instance=str(settings.tablestore_instance),
                table_prefix=settings.tablestore_table_prefix,
                ttl_seconds=-1 if ttl_days is None else ttl_days * 86_400,
            ),
            credentials,
        )
    return SqlChatHistoryStore(engine)


def _records(settings: Settings, engine: Engine) -> AnalysisRepository:
    if settings.mongodb_uri is not None:
        from integrations.records.mongo import MongoAnalysisRepository

        return MongoAnalysisRepository.from_uri(
            settings.mongodb_uri.get_secret_value(), settings.mongodb_database
        )
    return SqlAnalysisRepository(engine)


def build_persistence(settings: Settings) -> Persistence:
    """Picks the adapters; opens no connection (the SQL engine connects lazily)."""
    objects = _object_store(settings)
    engine = create_sql_engine(database_url(settings))
    return Persistence(
        records=_records(settings, engine),
        chat_history=_chat_history(settings, engine),
        objects=objects,
        local_files=objects if isinstance(objects, LocalObjectStore) else None,
    )


@asynccontextmanager
async def open_persistence(settings: Settings) -> AsyncIterator[Persistence]:
    """Builds and starts the adapters (migrations, indexes, tables), and closes them after."""
    persistence = build_persistence(settings)
    started: list[AnalysisRepository | ChatHistoryStore | ObjectStore] = []
    try:
        for port in (persistence.records, persistence.chat_history, persistence.objects):
            await port.start()
            started.append(port)
        log.info(
            "persistence ready",
            records=type(persistence.records).__name__,
            chat_history=type(persistence.chat_history).__name__,
            objects=type(persistence.objects).__name__,
        )
        yield persistence
    finally:
        for port in reversed(started):
            await port.close()


_persistence: Slot[Persistence] = Slot("persistence")
# The running app's persistence, for the API, the UI and the CLI's use cases.
current_persistence = _persistence.get
use_persistence = _persistence.use


@asynccontextmanager
async def persistence_lifespan() -> AsyncIterator[None]:
    """Reflex lifespan task: the app does not serve until migrations and indexes are done."""
    async with open_persistence(get_settings()) as persistence, use_persistence(persistence):
        yield


# --- Auth ---------------------------------------------------------------------------------

DEV_ISSUER_KEY_FILE = "dev-issuer-key.json"
AUTH_ROUTE = "/api/auth"


@dataclass(frozen=True)
class Auth:
    """How bearer tokens are verified; `dev_issuer` is set only for the embedded default."""

    verifier: JwtVerifier
    dev_issuer: DevIssuer | None


def dev_issuer(settings: Settings) -> DevIssuer:
    """The development issuer; refused in production, where a real OIDC issuer is required."""
    if settings.is_production:
        raise ConfigurationError(
            "FINANCIALS_OIDC_ISSUER must be set in production: the built-in development token "
            "issuer is for laptops and tests only"
        )
    return DevIssuer(settings.data_dir / DEV_ISSUER_KEY_FILE, issuer=backend_url(AUTH_ROUTE))


def build_auth(settings: Settings, http: httpx.AsyncClient) -> Auth:
    if settings.oidc_issuer is not None:
        keys: KeySource = RemoteJwks(settings.oidc_issuer, http)
        issuer, dev = settings.oidc_issuer, None
    else:
        dev = dev_issuer(settings)
        keys, issuer = dev.key_source(), dev.issuer
    verifier = JwtVerifier(
        keys,
        issuer=issuer,
        audience=settings.oidc_audience,
        leeway_seconds=settings.auth_leeway_seconds,
    )
    return Auth(verifier=verifier, dev_issuer=dev)


_auth: Slot[Auth] = Slot("auth")
current_auth = _auth.get
use_auth = _auth.use


@asynccontextmanager
async def auth_lifespan() -> AsyncIterator[None]:
    """Reflex lifespan task: one HTTP client for JWKS fetches, closed on shutdown."""
    async with httpx.AsyncClient() as http, use_auth(build_auth(get_settings(), http)):
        yield


# --- Rate limits --------------------------------------------------------------------------

_limiter: RateLimiter | None = None


def build_limiter(settings: Settings) -> RateLimiter:
    """Shared through Redis when `FINANCIALS_REDIS_URL` is set (several replicas), else local."""
    policy = BucketPolicy(
        per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst
    )
    if settings.redis_url:
        from integrations.ratelimit.redis_limiter import RedisRateLimiter

        return RedisRateLimiter.from_url(settings.redis_url, policy)
    return MemoryRateLimiter(policy)


def current_limiter() -> RateLimiter:
    """The process's limiter, made on first use from the settings."""
    global _limiter
    if _limiter is None:
        _limiter = build_limiter(get_settings())
    return _limiter


def reset_limiter(limiter: RateLimiter | None = None) -> None:
    """Replace (or forget) the limiter: settings changed, or a test wants a fresh one."""
    global _limiter
    _limiter = limiter


# --- Market data and cache ----------------------------------------------------------------


def build_cache(settings: Settings) -> Cache:
    """Redis when `FINANCIALS_REDIS_URL` is set, else memory; the caller closes it."""
    if settings.redis_url:
        from integrations.cache.redis_cache import RedisCache  # slow import, only when used

        return RedisCache(settings.redis_url)
    return MemoryCache()


def build_market_data(
    settings: Settings, cache: Cache, source: MarketDataSource | None = None
) -> MarketDataProvider:
    """The configured source (or `source`, e.g. the CLI's --source), each behind `cache`.

    `auto` is Yahoo with the sample as its offline fallback; both are cached under their own
    names, so an offline answer never poses as Yahoo's.
    """
    chosen = source or settings.market_data_source
    observe = _count_cache_lookup
    sample = CachedProvider(
        SampleProvider(), cache, source="sample", ttl=SAMPLE_TTL, observe=observe
    )
    if chosen == "sample":
        return sample
    ttl = CacheTtl(
        intraday=settings.cache_ttl_intraday_seconds, daily=settings.cache_ttl_daily_seconds
    )
    yahoo_source = YahooProvider(cache_dir=settings.data_dir / "yfinance")
    yahoo = CachedProvider(yahoo_source, cache, source="yahoo", ttl=ttl, observe=observe)
    if chosen == "yahoo":
        return yahoo
    return AutoProvider(online=yahoo, offline=sample, probe=tcp_probe())


def csv_market_data(source: Path | bytes, filename: str | None = None) -> MarketDataProvider:
    """A user's file as a source (CLI path or UI upload); never cached, it is already local."""
    return CsvProvider(source, filename=filename)


def _count_cache_lookup(result: str) -> None:
    CACHE_REQUESTS.labels(result=result).inc()


@dataclass(frozen=True)
class MarketData:
    """The configured market data source and the cache it sits behind."""

    provider: MarketDataProvider
    cache: Cache


_market: Slot[MarketData] = Slot("market data")
current_market_data = _market.get
use_market_data = _market.use


@asynccontextmanager
async def open_market_data(settings: Settings) -> AsyncIterator[MarketData]:
    cache = build_cache(settings)
    try:
        yield MarketData(provider=build_market_data(settings, cache), cache=cache)
    finally:
        await cache.close()


@asynccontextmanager
async def market_data_lifespan() -> AsyncIterator[None]:
    """Reflex lifespan task: one cache (and its Redis connections) for the process."""
    async with open_market_data(get_settings()) as market, use_market_data(market):
        yield


# --- AI -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ai:
    """The chart interpreter and the chat planner, both cloud or both offline."""

    interpreter: ChartInterpreter
    planner: ChatPlanner
    provider: str  # "dashscope" or "offline", for logs and the health page
    transport: DashScopeTransport | None = None

    async def close(self) -> None:
        if self.transport is not None:
            await self.transport.close()


def ai_symbol_resolver() -> SymbolResolver:
    """How the planner turns names into tickers: market data's table, exact matches only."""
    return TableResolver()


def build_ai(
    settings: Settings, resolver: SymbolResolver | None = None, *, offline: bool = False
) -> Ai:
    """DashScope when a key is set (and `offline` is not asked for), else the offline pair.

    Opens no connection; the SDK is imported only when a key is set (it is slow to import).
    """
    resolver = resolver if resolver is not None else ai_symbol_resolver()
    if offline or not settings.uses_dashscope or settings.dashscope_api_key is None:
        return Ai(OfflineChartInterpreter(), OfflineChatPlanner(resolver), provider="offline")
    from integrations.ai.dashscope_interpreter import DashScopeChartInterpreter
    from integrations.ai.dashscope_planner import DashScopeChatPlanner
    from integrations.ai.dashscope_transport import DashScopeConfig, DashScopeTransport

    transport = DashScopeTransport(
        DashScopeConfig(
            api_key=settings.dashscope_api_key,
            base_url=settings.dashscope_base_url,
            timeout_seconds=settings.ai_timeout_seconds,
        )
    )
    return Ai(
        interpreter=DashScopeChartInterpreter(transport, model=settings.vl_model),
        planner=DashScopeChatPlanner(transport, resolver, model=settings.chat_model),
        provider="dashscope",
        transport=transport,
    )


MISSING_AI_KEY = (
    "production runs without DashScope: FINANCIALS_DASHSCOPE_API_KEY is not set, so the "
    "offline analyst and planner answer; set the key (Secret financials-secrets), or set "
    "FINANCIALS_AI=offline if that is intended"
)


def warn_if_ai_key_missing(settings: Settings) -> None:
    """A start-up warning when production would quietly run on the offline analyst."""
    if settings.missing_ai_key:
        log.warning(MISSING_AI_KEY)


# Without a lifespan (a script, a test) the AI is built from the settings on first use.
_ai: Slot[Ai] = Slot("AI", default=lambda: build_ai(get_settings()))
current_ai = _ai.get
use_ai = _ai.use


@asynccontextmanager
async def ai_lifespan() -> AsyncIterator[None]:
    """Reflex lifespan task: the DashScope connection pool (if any) closes on shutdown."""
    settings = get_settings()
    warn_if_ai_key_missing(settings)
    ai = build_ai(settings)
    try:
        async with use_ai(ai):
            yield
    finally:
        await ai.close()


def analysis_ports(settings: Settings) -> AnalysisPorts:
    """What a chart analysis runs on, from the current adapters: one recipe for chat and API."""
    persistence, ai = current_persistence(), current_ai()
    return AnalysisPorts(
        market=current_market_data().provider,
        records=persistence.records,
        objects=persistence.objects,
        link_lifetime=settings.signed_url_ttl,
        interpreter=ai.interpreter,
        interpreter_reads_images=ai.provider == "dashscope",
    )


# --- Browser sign-in ----------------------------------------------------------------------

DEV_SESSION_KEY_FILE = "session-signing.key"
LOGIN_CALLBACK_ROUTE = AUTH_ROUTE + "/callback"


def session_secret(settings: Settings) -> bytes:
    """The secret signing session cookies; in development, one kept under the data folder."""
    if settings.session_secret is not None:
        return settings.session_secret.get_secret_value().encode()
    if settings.is_production:
        raise ConfigurationError(
            "FINANCIALS_SESSION_SECRET must be set in production (at least 32 random "
            "characters, e.g. `openssl rand -hex 32`, the same on every replica): it signs the "
            "session cookies that keep people signed in."
        )
    return load_or_create_secret(settings.data_dir / DEV_SESSION_KEY_FILE)


@dataclass(frozen=True)
class Login:
    """How people sign in to the web UI.

    `oidc` is set when an issuer and a client id are configured; `dev_login` (one click, as a
    local user) only for the embedded default outside production.
    """

    oidc: OidcLogin | None
    dev_login: bool


def build_login(settings: Settings, http: httpx.AsyncClient) -> Login:
    """Checks the session secret (refused in production without one) and picks the sign-in."""
    session_secret(settings)
    if settings.oidc_issuer is None:
        return Login(oidc=None, dev_login=not settings.is_production)
    if settings.oidc_client_id is None:
        log.warning(
            "browser sign-in is off: set FINANCIALS_OIDC_CLIENT_ID to sign in at the issuer",
            issuer=settings.oidc_issuer,
        )
        return Login(oidc=None, dev_login=False)
    config = OidcClientConfig(
        issuer=settings.oidc_issuer,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        scopes=settings.oidc_scopes,
        leeway_seconds=settings.auth_leeway_seconds,
    )
    return Login(oidc=OidcLogin(config, http), dev_login=False)


_login: Slot[Login] = Slot("sign-in")
current_login = _login.get
use_login = _login.use


@asynccontextmanager
async def login_lifespan() -> AsyncIterator[None]:
    """Reflex lifespan task: refuses to start without a session secret in production; one
    HTTP client for the issuer's metadata, keys and token endpoint, closed on shutdown."""
    async with httpx.AsyncClient() as http, use_login(build_login(get_settings(), http)):
        yield


def login_callback_url() -> str:
    """The redirect URI registered at the issuer: the backend's public URL, as for files."""
    return backend_url(LOGIN_CALLBACK_ROUTE)


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def frontend_url(path: str) -> str:
    """Where a relative `path` of the UI is, as seen from a response of the backend.

    In development the UI is served from the frontend port and the API from the backend
    port, so a redirect after sign-in must name the frontend (`REFLEX_DEPLOY_URL`); when both
    share an origin, the path stays relative.
    """
    config = get_config()
    frontend = (config.deploy_url or "").rstrip("/")
    if frontend and _origin(frontend) != _origin(config.api_url):
        return frontend + path
    return path
