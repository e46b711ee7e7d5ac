"""Records, chat history and chart images: which adapter each setting picks."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Literal

from pydantic import SecretStr
from sqlalchemy import Engine

from app.config import ConfigurationError, Settings
from app.logging import get_logger
from app.services.container import Persistence
from app.urls import files_base_url
from integrations.chat_history.port import ChatHistoryStore
from integrations.chat_history.sql import SqlChatHistoryStore
from integrations.records.port import AnalysisRepository
from integrations.records.scans import ScanRepository
from integrations.records.scans_sql import SqlScanRepository
from integrations.records.sql import SqlAnalysisRepository
from integrations.sql import create_sql_engine, sqlite_url
from integrations.storage.local import LocalObjectStore
from integrations.storage.port import ObjectStore
from integrations.storage.signing import UrlSigner, load_or_create_secret

if TYPE_CHECKING:
    from integrations.credentials import CredentialSource

DEV_SIGNING_KEY_FILE = "files-signing.key"

log = get_logger("financials.wiring")


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


def _scans(settings: Settings, engine: Engine) -> ScanRepository:
    if settings.mongodb_uri is not None:
        from integrations.records.scans_mongo import MongoScanRepository

        return MongoScanRepository.from_uri(
            settings.mongodb_uri.get_secret_value(), settings.mongodb_database
        )
    return SqlScanRepository(engine)


def build_persistence(settings: Settings) -> Persistence:
    """Picks the adapters; opens no connection (the SQL engine connects lazily)."""
    objects = _object_store(settings)
    engine = create_sql_engine(database_url(settings))
    return Persistence(
        records=_records(settings, engine),
        chat_history=_chat_history(settings, engine),
        scans=_scans(settings, engine),
        objects=objects,
        local_files=objects if isinstance(objects, LocalObjectStore) else None,
    )


@asynccontextmanager
async def open_persistence(settings: Settings) -> AsyncIterator[Persistence]:
    """Builds and starts the adapters (migrations, indexes, tables), and closes them after."""
    persistence = build_persistence(settings)
    started: list[AnalysisRepository | ChatHistoryStore | ScanRepository | ObjectStore] = []
    try:
        ports = (persistence.records, persistence.chat_history, persistence.scans)
        for port in (*ports, persistence.objects):
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
