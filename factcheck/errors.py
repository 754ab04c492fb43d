"""Typed errors. The core raises these; only the command line catches them.

Every error carries a :class:`~factcheck.model.Location` so the user is told
which file, line and column to fix, and usually a hint.
"""

from __future__ import annotations

from factcheck.model import Location


class FactcheckError(Exception):
    """Base class: something the user can fix, with where and how."""

    def __init__(self, message: str, location: Location | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class RuleError(FactcheckError):
    """One problem in a rule file, located at the offending key or value."""

    location: Location  # always set, unlike the base class's

    def __init__(
        self, message: str, location: Location, hint: str | None = None, kind: str = "invalid"
    ):
        super().__init__(message, location, hint)
        self.kind = kind


class RuleFileError(FactcheckError):
    """All the problems found in one or more rule files, reported together."""

    def __init__(self, errors: list[RuleError]):
        first = errors[0]
        super().__init__(f"{len(errors)} error(s) in rule files", first.location, first.hint)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


class InputError(FactcheckError):
    """A missing path, an unreadable file, an empty corpus."""


class ValueParseError(ValueError):
    """A value written in a rule (``expect``, an example) that does not parse
    for the claim's type. Raised without a location; the rule loader adds it."""
