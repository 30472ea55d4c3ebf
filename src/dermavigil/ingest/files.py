"""Input files: a zip, an extracted folder or a single file, seen as members.

Importers never care where bytes come from: a FAERS quarter may be
``faers_ascii_2017q2.zip`` or the folder it was unzipped to, and both give the
same members (and the same content digest, which is what makes re-importing
either of them a no-op).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from dermavigil.errors import InputError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Member:
    """One file inside an input; ``open()`` gives a fresh binary stream."""

    name: str  # shown in problems, e.g. "faers_ascii_2017q2.zip:ascii/DEMO17Q2.txt"
    basename: str
    opener: Callable[[], BinaryIO]

    def open(self) -> BinaryIO:
        return self.opener()


def json_document(member: Member) -> Any:
    """The JSON document of ``member``, gzip-compressed or not (told by its magic bytes,
    RFC 1952); an :class:`InputError` naming the member when it is not JSON."""
    with member.open() as fh:
        data = fh.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{member.name}: not valid JSON ({exc})") from exc


def _zip_members(path: Path) -> list[Member]:
    try:
        with zipfile.ZipFile(path) as zf:
            names = [i.filename for i in zf.infolist() if not i.is_dir()]
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: not a readable zip archive ({exc})") from exc

    def opener(name: str) -> Callable[[], BinaryIO]:
        def _open() -> BinaryIO:
            # Closing the archive leaves the member readable: the member holds the
            # file's last reference and closes it when it is closed itself.
            with zipfile.ZipFile(path) as zf:
                return zf.open(name)

        return _open

    return [Member(f"{path.name}:{n}", n.rsplit("/", 1)[-1], opener(n)) for n in names]


def _file_member(path: Path, shown: str) -> Member:
    return Member(shown, path.name, lambda: open(path, "rb"))  # noqa: SIM115


def members(path: Path) -> list[Member]:
    """Members of a zip, of a folder (recursively) or the file itself."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        return [_file_member(p, str(p.relative_to(path.parent))) for p in files]
    if zipfile.is_zipfile(path):
        return _zip_members(path)
    if path.suffix.lower() == ".zip":
        raise InputError(f"{path}: {_not_a_zip(path)}")
    return [_file_member(path, path.name)]


def _not_a_zip(path: Path) -> str:
    """Why a ``.zip`` that :mod:`zipfile` cannot open is not one."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head == b"PK\x03\x04":
        return "truncated zip archive (its table of contents at the end is missing)"
    if not head:
        return "not a zip archive (the file is empty)"
    return "not a zip archive"


def digest(chosen: Iterable[Member], salt: str) -> str:
    """SHA-256 over the members' base names and bytes (zip or folder alike)."""
    h = hashlib.sha256(salt.encode())
    for m in sorted(chosen, key=lambda m: m.basename.lower()):
        h.update(b"\0" + m.basename.lower().encode() + b"\0")
        with m.open() as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
    return h.hexdigest()[:32]
