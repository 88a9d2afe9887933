"""An uploaded audio file, streamed into the data directory with a running size check.

The body is never held in memory nor spooled to the system's temporary folder: each chunk the
client sends is parsed (multipart/form-data, the form field `file`; or a raw body with
`?filename=`) and written to `DATA/uploads/.incoming/`, counting bytes as they come; a declared
Content-Length over the limit is refused before reading, and a body that grows past it is cut
off there, whatever its header said. A complete upload is kept under its content hash,
`DATA/uploads/<sha256[:16]>/<name>`, so the library's track (and the app's player) can find
the file again and the same bytes uploaded twice are stored once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from tmer_desktop import paths
from tmer_desktop.audio.decode import AUDIO_EXTENSIONS
from tmer_desktop.errors import TmerError

FIELD = "file"
MAX_NAME_LENGTH = 120
MAX_OTHER_FIELD_BYTES = 64 * 1024  # form fields other than `file` are read and ignored up to this size


class UploadRefused(TmerError):
    """An upload the server does not take; `status` is the HTTP status (413, 415, 422...)."""

    def __init__(self, message: str, status: int = 422):
        self.status = status
        super().__init__(message)


@dataclass(frozen=True)
class Upload:
    name: str  # the client's file name, made safe
    path: Path  # where it is kept
    size: int
    sha256: str
    new: bool  # stored by this upload (False: the same bytes were already there)

    def discard(self) -> None:
        """Remove a file this upload stored (one that cannot be analysed is not kept)."""
        if self.new:
            shutil.rmtree(self.path.parent, ignore_errors=True)


def uploads_dir() -> Path:
    return paths.data_dir() / "uploads"


def safe_name(name: str | None) -> str:
    """The last part of a client's file name without control characters, at most
    MAX_NAME_LENGTH characters (its extension kept); UploadRefused when no audio extension."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C").strip()
    base = base.lstrip(".")  # no hidden files, no '..'
    stem, dot, ext = base.rpartition(".")
    suffix = f".{ext.lower()}" if dot else ""
    if not base or suffix not in AUDIO_EXTENSIONS:
        shown = name if name else "(no file name)"
        raise UploadRefused(f"{shown}: not an audio file name; name it with one of the extensions "
                            f"{', '.join(sorted(AUDIO_EXTENSIONS))}", 415)
    if len(base) > MAX_NAME_LENGTH:
        base = stem[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return base


class _Sink:
    """Where the file's bytes go, counted and hashed as they come."""

    def __init__(self, limit: int):
        self.limit = limit
        incoming = uploads_dir() / ".incoming"
        incoming.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=incoming, suffix=".part")
        self.path = Path(name)
        self.fh = os.fdopen(fd, "wb")
        self.size = 0
        self.digest = hashlib.sha256()
        self.too_big = False

    def write(self, data: bytes) -> None:
        if self.too_big:
            return
        self.size += len(data)
        if self.size > self.limit:
            self.too_big = True
            return
        self.fh.write(data)
        self.digest.update(data)

    def close(self) -> None:
        if not self.fh.closed:
            self.fh.close()

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def _limit_text(limit: int) -> str:
    return f"{limit / 1e6:g} MB" if limit >= 1_000_000 else f"{limit} bytes"


def too_large(limit: int) -> UploadRefused:
    return UploadRefused(f"the upload is larger than this server's limit of {_limit_text(limit)} "
                         f"(tmer serve --max-upload-mb)", 413)


class _FormReader:
    """The multipart parser's callbacks: the part named `file` goes to the sink."""

    def __init__(self, sink: _Sink):
        self.sink = sink
        self.headers: dict[bytes, bytes] = {}
        self.field = b""
        self.value = b""
        self.in_file = False
        self.file_name: str | None = None
        self.found = False
        self.other_bytes = 0

    def callbacks(self) -> Any:
        return {
            "on_part_begin": self.part_begin, "on_header_field": self.header_field,
            "on_header_value": self.header_value, "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self.headers, self.field, self.value, self.in_file = {}, b"", b"", False

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def header_end(self) -> None:
        self.headers[self.field.lower()] = self.value
        self.field, self.value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        if options.get(b"name") == FIELD.encode() and not self.found:
            self.in_file = self.found = True
            raw = options.get(b"filename")
            self.file_name = raw.decode("utf-8", "replace") if raw is not None else None

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self.in_file:
            self.sink.write(data[start:end])
        else:
            self.other_bytes += end - start
            if self.other_bytes > MAX_OTHER_FIELD_BYTES:
                raise UploadRefused(f"form fields other than '{FIELD}' may hold at most {MAX_OTHER_FIELD_BYTES} bytes")

    def part_end(self) -> None:
        self.in_file = False


async def receive(content_type: str | None, content_length: str | None, body: AsyncIterator[bytes],
                  limit: int, filename: str | None = None) -> Upload:
    """Store the uploaded file (see the module docstring); UploadRefused when it is not taken."""
    if content_length is not None:
        try:
            declared = int(content_length)
        except ValueError:
            raise UploadRefused(f"Content-Length {content_length!r} is not a number", 400) from None
        # A multipart body carries its boundaries too: allow them a little room beyond the file.
        if declared > limit + 64 * 1024:
            raise too_large(limit)
    kind, options = parse_options_header((content_type or "").encode("latin-1", "replace"))
    multipart = kind == b"multipart/form-data"
    if multipart and not options.get(b"boundary"):
        raise UploadRefused("a multipart/form-data body needs a boundary", 400)
    if not multipart:
        safe_name(filename)  # refuse a bad name before reading a byte
    sink = _Sink(limit)
    try:
        reader = _FormReader(sink) if multipart else None
        parser = MultipartParser(options[b"boundary"], reader.callbacks()) if reader else None
        async for chunk in body:
            if parser is not None:
                try:
                    parser.write(chunk)
                except MultipartParseError as exc:
                    raise UploadRefused(f"the multipart/form-data body cannot be read ({exc})", 400) from exc
            else:
                sink.write(chunk)
            if sink.too_big:
                raise too_large(limit)
        if parser is not None:
            parser.finalize()
            assert reader is not None
            if not reader.found:
                raise UploadRefused(f"no file in the upload: send it as the form field '{FIELD}' "
                                    f"(requests.post(url, files={{'{FIELD}': open(path, 'rb')}}))")
            filename = reader.file_name
        sink.close()
        name = safe_name(filename)
        return _keep(sink, name)
    except BaseException:
        sink.remove()
        raise


def _keep(sink: _Sink, name: str) -> Upload:
    sha = sink.digest.hexdigest()
    folder = uploads_dir() / sha[:16]
    try:
        folder.mkdir()
    except FileExistsError:
        existing = sorted(p for p in folder.iterdir() if p.is_file())
        if existing:  # the same bytes, uploaded before: one copy is enough
            sink.remove()
            return Upload(existing[0].name, existing[0], sink.size, sha, new=False)
    target = folder / name
    os.replace(sink.path, target)
    return Upload(name, target, sink.size, sha, new=True)
