"""One exception tree for wirewatch.

Library code raises these; only the edges (CLI, web API) turn them into messages and exit
codes. Every message says what happened and what to do about it.
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class of every error wirewatch raises on purpose."""


class InputError(WirewatchError):
    """An input file or record cannot be read as news text.

    Attributes:
        origin: the file, or ``file:line`` for a record in a JSONL/CSV file.
    """

    def __init__(self, origin: str, message: str) -> None:
        self.origin = origin
        self.reason = message
        super().__init__(f"{origin}: {message}")


class ConfigError(WirewatchError):
    """A setting, option or user-supplied dictionary is invalid."""


class ModelError(WirewatchError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class StoreError(WirewatchError):
    """The record store cannot be opened, migrated or written."""


class DependencyError(WirewatchError):
    """An optional extra is needed but not installed."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the package {package!r}, which is not installed; "
            f"install it with: pip install 'wirewatch[{extra}]'"
        )
