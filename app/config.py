"""One `Settings` object for the whole app, read from `FINANCIALS_*` environment variables.

Every field has an embedded default that works on a laptop with no cloud account; setting the
matching variable switches that concern to its production service. `.env.example` documents each
variable, and a test keeps the two in step.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "test", "production"]
LogFormat = Literal["auto", "console", "json"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
MarketDataSource = Literal["auto", "yahoo", "sample"]
AiMode = Literal["auto", "offline"]

# A cloud service is used when its group is set, and every field of the group is needed.
# Its access keys are optional (RRSA or ALIBABA_CLOUD_* keys otherwise), but go in pairs.
_CLOUD_GROUPS = {
    ("Tablestore", "tablestore"): ("endpoint", "instance"),
    ("OSS", "oss"): ("endpoint", "bucket", "region"),
}
_KEY_PAIR = ("access_key_id", "access_key_secret")
MIN_SIGNING_KEY_CHARS = 32


class Settings(BaseSettings):
    """Application settings; the defaults are the embedded, offline configuration."""

    model_config = SettingsConfigDict(
        env_prefix="FINANCIALS_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    env: Environment = Field(
        default="development",
        description="Deployment environment; `production` refuses development-only shortcuts.",
    )
    log_level: LogLevel = Field(default="INFO", description="Minimum level of log records.")
    log_format: LogFormat = Field(
        default="auto",
        description="`console` for people, `json` for log shippers; `auto` is json in production.",
    )
    data_dir: Path = Field(
        # Hidden on purpose: Reflex's dev server reloads the backend on changes in every
        # non-hidden top-level folder, and the embedded database writes here at every start.
        default=Path(".data"),
        description="Folder for embedded state: SQLite database, chart images, dev signing key.",
    )

    # Persistence: records and chat history in SQL, chart images on disk, unless a cloud
    # service below is configured. Each cloud group is all-or-nothing.
    database_url: SecretStr | None = Field(
        default=None,
        description="SQLAlchemy URL for records and chat history; unset: SQLite in data_dir.",
    )
    mongodb_uri: SecretStr | None = Field(
        default=None, description="MongoDB URI; set to keep analysis records in MongoDB."
    )
    mongodb_database: str = Field(default="financials", min_length=1)
    tablestore_endpoint: str | None = Field(default=None, pattern=r"^https?://")
    tablestore_instance: str | None = None
    tablestore_access_key_id: str | None = Field(
        default=None,
        description="Static keys for Tablestore; unset: RRSA in ACK, else ALIBABA_CLOUD_* keys.",
    )
    tablestore_access_key_secret: SecretStr | None = None
    tablestore_table_prefix: str = Field(default="financials_", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    tablestore_ttl_days: int | None = Field(
        default=None, ge=1, description="Days chat messages are kept; unset keeps them forever."
    )
    oss_endpoint: str | None = Field(default=None, pattern=r"^https?://")
    oss_bucket: str | None = None
    oss_region: str | None = Field(
        default=None,
        pattern=r"^[a-z]{2}(-[a-z0-9]+)+$",
        description="The bucket's region, e.g. cn-hangzhou: Signature V4 is scoped to it.",
    )
    oss_access_key_id: str | None = Field(
        default=None,
        description="Static keys for OSS; unset: RRSA in ACK, else ALIBABA_CLOUD_* keys.",
    )
    oss_access_key_secret: SecretStr | None = None
    files_signing_key: SecretStr | None = Field(
        default=None,
        description="HMAC secret for /api/files links; development makes one in data_dir.",
    )
    signed_url_ttl_seconds: int = Field(
        default=3600, ge=60, le=7 * 24 * 3600, description="How long an image link works."
    )

    # Auth: bearer JWTs from any OIDC issuer; unset, a built-in development issuer signs them.
    oidc_issuer: str | None = Field(
        default=None,
        pattern=r"^https?://",
        description="OIDC issuer URL whose JWKS verifies bearer tokens; unset: dev issuer.",
    )
    oidc_audience: str = Field(
        default="financials-api", min_length=1, description="Required `aud` of bearer tokens."
    )
    auth_leeway_seconds: int = Field(
        default=30, ge=0, le=300, description="Clock skew tolerated on exp and nbf."
    )

    # Browser sign-in: authorization code + PKCE against the issuer above with this client;
    # without an issuer, a one-click development login. Sessions are signed cookies.
    oidc_client_id: str | None = Field(
        default=None,
        min_length=1,
        description="OIDC client id of the web UI at the issuer; needed for sign-in with it.",
    )
    oidc_client_secret: SecretStr | None = Field(
        default=None,
        description="OIDC client secret; unset for a public client (PKCE protects the code).",
    )
    oidc_scopes: str = Field(
        default="openid profile email",
        pattern=r"(^|\s)openid(\s|$)",
        description="Scopes asked at sign-in; `openid` is required (the ID token names the user).",
    )
    session_secret: SecretStr | None = Field(
        default=None,
        description="Secret signing session cookies; development makes one in data_dir.",
    )
    session_ttl_seconds: int = Field(
        default=12 * 3600,
        ge=300,
        le=30 * 24 * 3600,
        description="How long a sign-in lasts before the person signs in again.",
    )

    # Abuse limits for self-hosted installs (API Gateway limits production traffic too).
    rate_limit_per_minute: int = Field(
        default=120, ge=1, description="Sustained API requests per minute per caller."
    )
    rate_limit_burst: int = Field(
        default=30, ge=1, description="Requests a caller may make at once before the rate applies."
    )
    max_request_bytes: int = Field(
        default=1_048_576, ge=1024, description="Largest request body accepted (413 above)."
    )

    market_data_source: MarketDataSource = Field(
        default="auto",
        description="`auto`: Yahoo Finance, or the bundled sample when offline; `yahoo`; `sample`.",
    )
    redis_url: str | None = Field(
        default=None,
        description="Redis for the bar cache, e.g. redis://localhost:6379/0; unset: in memory.",
    )
    dask_scheduler: str | None = Field(
        default=None,
        pattern=r"^(tcp|tls|ws|wss|inproc)://",
        description="Dask scheduler for scans, e.g. tcp://financials-scan-scheduler:8786; "
        "unset: a process pool sized to the cores.",
    )
    cache_ttl_intraday_seconds: int = Field(
        default=120, ge=0, description="How long intraday bars (1m..4h) stay cached."
    )
    cache_ttl_daily_seconds: int = Field(
        default=3600, ge=0, description="How long daily and longer bars stay cached."
    )

    # AI: Qwen on Alibaba Cloud Model Studio (DashScope) when a key is set; otherwise the
    # offline analyst and planner, which need no network.
    dashscope_api_key: SecretStr | None = Field(
        default=None,
        # The SDK's own variable name works too, so an existing DashScope setup just works.
        validation_alias=AliasChoices(
            "FINANCIALS_DASHSCOPE_API_KEY", "DASHSCOPE_API_KEY", "dashscope_api_key"
        ),
        description="DashScope API key; unset: the offline analyst and planner.",
    )
    ai: AiMode = Field(
        default="auto",
        description="`auto`: DashScope when its key is set; `offline`: the offline analyst on "
        "purpose (production without a key is otherwise reported as degraded).",
    )
    dashscope_base_url: str = Field(
        default="https://dashscope-intl.aliyuncs.com/api/v1",
        pattern=r"^https?://",
        description="DashScope API base URL (international endpoint by default).",
    )
    vl_model: str = Field(
        default="qwen3-vl-plus", min_length=1, description="Qwen-VL model that reads charts."
    )
    chat_model: str = Field(
        default="qwen-plus", min_length=1, description="Qwen model that plans chat tool calls."
    )
    ai_timeout_seconds: int = Field(
        default=30,
        ge=1,
        le=600,
        description="Longest wait for a DashScope answer (while streaming: for the next token).",
    )

    @field_validator(
        "oidc_issuer",
        "redis_url",
        "dask_scheduler",
        "database_url",
        "mongodb_uri",
        "tablestore_endpoint",
        "tablestore_instance",
        "tablestore_access_key_id",
        "tablestore_access_key_secret",
        "tablestore_ttl_days",
        "oss_endpoint",
        "oss_bucket",
        "oss_region",
        "oss_access_key_id",
        "oss_access_key_secret",
        "files_signing_key",
        "oidc_client_id",
        "oidc_client_secret",
        "session_secret",
        "dashscope_api_key",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        """`FINANCIALS_X=` in a .env file means "not set", as in .env.example."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("files_signing_key", "session_secret")
    @classmethod
    def _signing_key_is_long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < MIN_SIGNING_KEY_CHARS:
            raise ValueError(
                f"use at least {MIN_SIGNING_KEY_CHARS} random characters "
                "(for example the output of `openssl rand -hex 32`)"
            )
        return value

    @model_validator(mode="after")
    def _cloud_groups_are_complete(self) -> Self:
        for (label, prefix), parts in _CLOUD_GROUPS.items():
            names = [f"{prefix}_{part}" for part in parts]
            missing = [name for name in names if getattr(self, name) is None]
            if 0 < len(missing) < len(names):
                shown = ", ".join(f"FINANCIALS_{name.upper()}" for name in missing)
                raise ValueError(
                    f"{label} is partly configured: also set {shown}, or unset every "
                    f"FINANCIALS_{prefix.upper()}_* variable to use the embedded default"
                )
            keys = [f"{prefix}_{part}" for part in _KEY_PAIR]
            unset = [name for name in keys if getattr(self, name) is None]
            if len(unset) == 1:
                raise ValueError(
                    f"{label} has half a key pair: set FINANCIALS_{unset[0].upper()} too, or "
                    f"unset both to take credentials from RRSA or ALIBABA_CLOUD_ACCESS_KEY_*"
                )
        return self

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def signed_url_ttl(self) -> timedelta:
        return timedelta(seconds=self.signed_url_ttl_seconds)

    @property
    def uses_tablestore(self) -> bool:
        return self.tablestore_endpoint is not None

    @property
    def uses_oss(self) -> bool:
        return self.oss_endpoint is not None

    @property
    def uses_mongodb(self) -> bool:
        return self.mongodb_uri is not None

    @property
    def uses_dashscope(self) -> bool:
        return self.ai == "auto" and self.dashscope_api_key is not None

    @property
    def missing_ai_key(self) -> bool:
        """Production without DashScope and without `FINANCIALS_AI=offline` saying it is meant."""
        return self.is_production and self.ai == "auto" and self.dashscope_api_key is None

    @property
    def json_logs(self) -> bool:
        if self.log_format == "auto":
            return self.is_production
        return self.log_format == "json"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once; tests build their own `Settings(...)` instead."""
    return Settings()


class ConfigurationError(RuntimeError):
    """The settings cannot run this environment; the message says which variable to set."""


MISSING_AI_KEY = (
    "production runs without DashScope: FINANCIALS_DASHSCOPE_API_KEY is not set, so the "
    "offline analyst and planner answer; set the key (Secret financials-secrets), or set "
    "FINANCIALS_AI=offline if that is intended"
)
