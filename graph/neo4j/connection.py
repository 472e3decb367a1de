"""Where the Neo4j projection lives: a driver for one database, and what "unavailable" means.

Any Neo4j 5 deployment works: a single server (``bolt://``, ``neo4j://``), a
cluster through its routing URI (``neo4j://``) or Aura (``neo4j+s://``); the
URI scheme says whether to route and encrypt, so nothing else is configured.
The driver keeps a connection pool and reconnects on its own after a server
restart; transaction functions are retried on transient failures for at most
``retry_seconds``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from ontology.errors import Unavailable


class Neo4jUnavailable(Unavailable):
    """Neo4j is not configured, cannot be reached, or refused govkg's credentials; the message says which."""

    kind = "neo4j-unavailable"
    title = "Neo4j is unavailable"


#: URI schemes govkg accepts: plain, encrypted (``+s``) and self-signed (``+ssc``); ``neo4j`` routes.
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: Failures that mean "the server is not there (now)", as opposed to a faulty query.
UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (
    ServiceUnavailable,
    SessionExpired,
    TransientError,
    AuthError,
    OSError,
)


@dataclass(slots=True)
class Neo4jConnection:
    """A driver for the database ``database`` of the server at ``uri``."""

    uri: str
    database: str
    driver: Driver = field(repr=False)

    def close(self) -> None:
        """Close the driver and its connections."""
        self.driver.close()

    def verify(self) -> None:
        """Check that the server answers and accepts the credentials; raise :class:`Neo4jUnavailable` if not."""
        try:
            self.driver.verify_connectivity()
        except AuthError as exc:
            raise Neo4jUnavailable(f"Neo4j at {self.uri} refused the credentials (NEO4J_USER/NEO4J_PASSWORD)") from exc
        except (DriverError, Neo4jError, OSError) as exc:
            raise Neo4jUnavailable(f"Neo4j at {self.uri} cannot be reached: {exc}") from exc


def connect(
    uri: str,
    user: str,
    password: str,
    database: str,
    *,
    connect_seconds: float = 5.0,
    retry_seconds: float = 5.0,
) -> Neo4jConnection:
    """A connection to ``database`` on the server at ``uri`` (the driver connects lazily, on first use)."""
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in URI_SCHEMES:
        raise Neo4jUnavailable(f"NEO4J_URI {uri!r} is not a Bolt URI: use one of {', '.join(URI_SCHEMES)}")
    try:
        driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=connect_seconds,
            connection_acquisition_timeout=connect_seconds * 2,
            max_transaction_retry_time=retry_seconds,
            notifications_min_severity="OFF",  # the projection's own statements are known; analysts get rows
        )
    except (ValueError, ConfigurationError) as exc:
        raise Neo4jUnavailable(f"NEO4J_URI {uri!r} is not a Neo4j URI: {exc}") from exc
    return Neo4jConnection(uri, database, driver)
