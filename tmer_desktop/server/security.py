"""Who may use the server and which files it may read.

* Bound to a loopback address (the default, 127.0.0.1), only this computer can reach it and no
  token is needed (unless one is given). Bound anywhere else it requires a token: the one given,
  or the one in the data directory's token file, made on first use (mode 0600).
* It reads no file of the server's own unless `--allow-dir DIR` names a folder, and then only
  files inside it: a path with `..` is refused outright, and the real path (symlinks resolved)
  must still lie inside the real folder.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path, PurePath

from tmer_desktop import paths
from tmer_desktop.errors import TmerError, UsageError

TOKEN_FILE_NAME = "server-token"
MIN_TOKEN_LENGTH = 16


class PathRefused(TmerError):
    """A path the client asked for is not one the server may read; `status` is the HTTP status."""

    def __init__(self, message: str, status: int = 403):
        self.status = status
        super().__init__(message)


def is_loopback(host: str) -> bool:
    """True for addresses only this computer can reach (127.0.0.0/8, ::1, 'localhost')."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def token_file() -> Path:
    return paths.data_dir() / TOKEN_FILE_NAME


def check_token(token: str) -> str:
    token = token.strip()
    if len(token) < MIN_TOKEN_LENGTH:
        raise UsageError(f"--token must be at least {MIN_TOKEN_LENGTH} characters long (it is {len(token)})")
    if any(not (c.isascii() and c.isprintable()) or c.isspace() for c in token):
        raise UsageError("--token may hold only printable ASCII characters without spaces")
    return token


def load_or_create_token(path: Path | None = None) -> tuple[str, bool]:
    """(the token, whether it was created now). The file is created with mode 0600, never
    replaced; one that others can read is refused (chmod 600 it, or delete it for a new token)."""
    path = path or token_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    created = False
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_urlsafe(32) + "\n")
        created = True
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise UsageError(f"{path}: the token file can be read by other users; make it private "
                         f"(chmod 600 {path}) or delete it to get a new token")
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the token file ({exc})") from exc
    try:
        return check_token(text), created
    except UsageError as exc:
        raise UsageError(f"{path}: not a usable token ({exc}); delete it to get a new one") from exc


def token_matches(expected: str | None, authorization: str | None) -> bool:
    """Whether an `Authorization: Bearer TOKEN` header carries the expected token (always true
    when no token is required). Compared in constant time."""
    if expected is None:
        return True
    if not authorization:
        return False
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return secrets.compare_digest(value.strip().encode(), expected.encode())


def allowed_dir(path: str) -> Path:
    """An --allow-dir argument, checked: an existing folder, as its real path."""
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise UsageError(f"--allow-dir {path}: not an existing folder")
    return folder.resolve(strict=True)


def resolve_inside(requested: str, folders: list[Path]) -> Path:
    """The real path of `requested` (absolute, or relative to the first allowed folder) if it is
    a file inside one of `folders`; else PathRefused (403; 404 for a file that does not exist)."""
    if not folders:
        raise PathRefused("this server reads no files of its own; start it with --allow-dir DIR to allow a folder")
    if not requested or "\x00" in requested:
        raise PathRefused("give the path of a file", 422)
    if ".." in PurePath(requested).parts or ".." in requested.replace("\\", "/").split("/"):
        raise PathRefused(f"{requested}: paths with '..' are refused")
    candidate = Path(requested)
    if not candidate.is_absolute():
        candidate = folders[0] / candidate
    try:
        real = candidate.resolve(strict=True)
    except FileNotFoundError as exc:
        if not any(Path(os.path.abspath(candidate)).is_relative_to(f) for f in folders):
            raise PathRefused(f"{requested}: outside the allowed folders") from exc
        raise PathRefused(f"{requested}: no such file", 404) from exc
    except (OSError, RuntimeError) as exc:  # a symlink loop, a name too long
        raise PathRefused(f"{requested}: cannot be resolved ({exc})") from exc
    if not any(real.is_relative_to(f) for f in folders):
        raise PathRefused(f"{requested}: outside the allowed folders")
    if not real.is_file():
        raise PathRefused(f"{requested}: not a file", 422)
    return real
