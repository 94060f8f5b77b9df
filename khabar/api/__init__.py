"""HTTP API (``/v1``) and the web reader, served by one FastAPI app: ``create_app(config)``."""

from .app import create_app
from .config import ApiConfig

__all__ = ["create_app", "ApiConfig"]
