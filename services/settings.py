"""All of govkg's configuration, read once from ``GOVKG_*`` (and ``NEO4J_*``) environment variables.

Only the front ends (``api/``, ``cli/``) and the service layer read settings;
nothing below ``services/`` reads the environment: the layers underneath take
what they need as arguments, and this module is where those values come from.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Upper bound of rows any one query may return to an HTTP caller.
MAX_ROWS_CAP = 100_000
#: Rows the API's own list queries may read (whole filtered lists, paged in memory per store generation).
INTERNAL_ROWS_CAP = 1_000_000


class Settings(BaseSettings):
    """govkg's settings; each field's environment variable is ``GOVKG_<FIELD>`` unless noted."""

    model_config = SettingsConfigDict(env_prefix="GOVKG_", extra="ignore")

    # -- store ---------------------------------------------------------------
    store: Path = Field(Path("data/store"), description="Folder of the embedded Oxigraph store.")
    sparql_endpoint: str | None = Field(
        None, description="Query URL of a remote SPARQL 1.1 endpoint; when set, it replaces the embedded store."
    )
    sparql_update_endpoint: str | None = Field(
        None, description="Update URL of the remote endpoint (defaults to the query URL)."
    )

    # -- ingestion -----------------------------------------------------------
    max_article_bytes: int = Field(2 * 1024 * 1024, gt=0, description="Files larger than this are rejected.")
    validation_batch: int = Field(
        32, ge=1, le=256, description="Articles validated per pySHACL run (and written per transaction)."
    )
    decisions_file: Path = Field(Path("data/decisions.yaml"), description="Identity decisions (same/different).")
    change_log_retention_days: int = Field(
        30, ge=1, le=36_500, description="Days the change log keeps an entry a later one has not superseded."
    )

    # -- queries from the outside --------------------------------------------
    query_timeout: float = Field(10.0, gt=0, le=600, description="Seconds a query may run before it is stopped.")
    max_rows: int = Field(10_000, gt=0, le=MAX_ROWS_CAP, description="Rows (or triples) a query may return.")
    query_workers: int = Field(2, ge=1, le=32, description="Worker processes that run SPARQL queries.")
    allowed_service_endpoints: list[str] = Field(
        default_factory=list, description="Endpoints a SPARQL SERVICE clause may call (none by default)."
    )
    snapshot_dir: Path | None = Field(
        None,
        description="Folder of the read-only store snapshots the query workers open "
        "(default: the store's folder name + '-snapshots', beside it).",
    )
    query_cache_size: int = Field(
        4096, ge=0, le=1_000_000, description="Answers kept per store generation (0 turns the cache off)."
    )
    max_query_chars: int = Field(100_000, ge=100, le=10_000_000, description="Longest SPARQL text /sparql accepts.")

    # -- HTTP ----------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    api_key: SecretStr | None = Field(None, description="Key for write endpoints; writes are disabled when unset.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed to call the API from a browser.")
    page_size: int = Field(50, ge=1, le=1000, description="Default page size of list endpoints.")
    max_page_size: int = Field(500, ge=1, le=MAX_ROWS_CAP, description="Largest page a caller may ask for.")
    max_upload_files: int = Field(100, ge=1, le=10_000, description="Articles one POST /articles may carry.")

    # -- exports, analytics, explorer ----------------------------------------
    analytics_top: int = Field(20, ge=1, le=10_000, description="Officials /analytics/centrality lists by default.")

    # -- Neo4j ---------------------------------------------------------------
    neo4j_uri: str | None = Field(None, validation_alias=AliasChoices("NEO4J_URI", "GOVKG_NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "GOVKG_NEO4J_USER"))
    neo4j_password: SecretStr = Field(
        SecretStr("govkg-test-password"), validation_alias=AliasChoices("NEO4J_PASSWORD", "GOVKG_NEO4J_PASSWORD")
    )
    neo4j_database: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "GOVKG_NEO4J_DATABASE"))
    neo4j_connect_timeout: float = Field(
        5.0, gt=0, le=120, description="Seconds to reach Neo4j, and to keep retrying a failed transaction."
    )
    neo4j_batch_size: int = Field(1000, ge=1, le=50_000, description="Rows per UNWIND statement when syncing.")
    neo4j_sync_chunk: int = Field(500, ge=1, le=100_000, description="Articles per step of `govkg neo4j sync`.")

    # -- logging -------------------------------------------------------------
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR.")


@cache
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings()


def change_log_retention(settings: Settings) -> timedelta:
    """How long the change log keeps entries (``GOVKG_CHANGE_LOG_RETENTION_DAYS``)."""
    return timedelta(days=settings.change_log_retention_days)


def snapshot_root(settings: Settings) -> Path:
    """Where the query workers' snapshots of the store go (``GOVKG_SNAPSHOT_DIR`` or beside the store)."""
    return settings.snapshot_dir or settings.store.parent / f"{settings.store.name}-snapshots"
