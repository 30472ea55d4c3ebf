"""The one exception family of dermavigil.

Every error a user can cause derives from :class:`DermavigilError` and carries
what the user needs to fix the input::

    DermavigilError
     ├── InputError            bad input: a file, a record, a field (has ``problems``)
     │    └── ImportRowError   one row of a public-source file (file, line, field)
     ├── NotFoundError         an id that does not exist
     ├── ConflictError         a concurrent change won the race; retry on the new version
     ├── PermissionDenied      the actor's role does not allow the action
     ├── EngineError           the analytic engine failed or is not installed
     └── StorageError          the machine's storage failed (no space, permission,
                               read-only): names the path and what was left unchanged

The CLI prints these without a traceback; the API returns them as 4xx JSON problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and why it is wrong."""

    location: str
    message: str
    value: object | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class DermavigilError(Exception):
    """Base of every error a user can cause or act on."""

    status_code = 400

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

    def to_problem_json(self) -> dict[str, object]:
        """RFC 9457-style problem document for the API."""
        return {
            "title": type(self).__name__,
            "status": self.status_code,
            "detail": self.message,
            "problems": [{"location": p.location, "message": p.message} for p in self.problems],
        }


class InputError(DermavigilError):
    """The input is malformed or fails validation; nothing was written."""

    status_code = 422


@dataclass
class RowProblem:
    """A rejected or repaired row of an imported file."""

    file: str
    line: int
    field: str
    reason: str
    repaired: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        verb = "repaired" if self.repaired else "rejected"
        return f"{self.file}:{self.line}: {self.field}: {self.reason} ({verb})"


class ImportRowError(InputError):
    """A row of a public-source file could not be read."""


class NotFoundError(DermavigilError):
    """The requested object does not exist."""

    status_code = 404


class ConflictError(DermavigilError):
    """The object changed since it was read; reload and retry."""

    status_code = 409


class PermissionDenied(DermavigilError):
    """The actor is not allowed to do this."""

    status_code = 403


class EngineError(DermavigilError):
    """The analytic engine failed or is unavailable."""

    status_code = 500


class StorageError(DermavigilError):
    """An ``OSError`` of the disk (no space, permission, read-only), translated at the edge.

    The message names the path and says what was left unchanged.
    """

    status_code = 507
