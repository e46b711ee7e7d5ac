"""One `Settings` object for the whole app, read from `FINANCIALS_*` environment variables.

Every field has an embedded default that works on a laptop with no cloud account; setting the
matching variable switches that concern to its production service. `.env.example` documents each
variable, and a test keeps the two in step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "test", "production"]
LogFormat = Literal["auto", "console", "json"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
MarketDataSource = Literal["auto", "yahoo", "sample"]


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
        default=Path("data"),
        description="Folder for embedded state: SQLite database, chart images, dev signing key.",
    )

    market_data_source: MarketDataSource = Field(
        default="auto",
        description="`auto`: Yahoo Finance, or the bundled sample when offline; `yahoo`; `sample`.",
    )
    redis_url: str | None = Field(
        default=None,
        description="Redis for the bar cache, e.g. redis://localhost:6379/0; unset: in memory.",
    )
    cache_ttl_intraday_seconds: int = Field(
        default=120, ge=0, description="How long intraday bars (1m..1h) stay cached."
    )
    cache_ttl_daily_seconds: int = Field(
        default=3600, ge=0, description="How long daily and longer bars stay cached."
    )

    @field_validator("redis_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def json_logs(self) -> bool:
        if self.log_format == "auto":
            return self.is_production
        return self.log_format == "json"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once; tests build their own `Settings(...)` instead."""
    return Settings()
