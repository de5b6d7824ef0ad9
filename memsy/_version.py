"""The SDK version (also the ``memsy`` distribution version)."""

__version__ = "0.4.0"
