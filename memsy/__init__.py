"""Python SDK for Memsy, the memory service for AI agents."""

__version__ = "0.4.0"
