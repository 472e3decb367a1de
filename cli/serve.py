"""``govkg serve``: the HTTP API (and the explorer page) with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from services.settings import get_settings

#: The API's application factory, named for uvicorn (the command line does not import the API: they are peers).
APP_FACTORY = "api.app:create_app"


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``govkg`` app."""
    app.command()(serve)


def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default 8000).")] = None,
) -> None:
    """Serve the HTTP API (and the explorer page) with uvicorn."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
    )
