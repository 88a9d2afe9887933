"""`tmer serve`: the local HTTP API (tmer_desktop/server, docs/scale.md).

This module checks the arguments, decides about the token (none on a loopback address unless
one is given; required anywhere else), opens the library (printing what opening it said), binds
the socket itself (so a port in use is a clear usage error and `--port 0` can say which port it
got) and runs uvicorn until SIGINT or SIGTERM, which end it cleanly: running analyses are
abandoned, their files not stored, the workers ended.
"""

from __future__ import annotations

import signal
import socket
import sys

from tmer_desktop.commands.notices import print_open_notices
from tmer_desktop.console import for_terminal
from tmer_desktop.errors import UsageError
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.server.security import allowed_dir, check_token, is_loopback, load_or_create_token, token_file
from tmer_desktop.settings import load_settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def _bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host}: not an address of this computer ({exc.strerror})") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                         f"is another server using the port? Choose another with --port") from exc
    sock.listen(128)  # connections wait in the backlog until uvicorn serves them, never refused
    sock.set_inheritable(True)
    return sock


def serve_command(*, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, token: str | None = None,
                  allow_dirs: list[str] | None = None, max_upload_mb: float = 200.0, jobs: int = 1,
                  verbose: bool = False) -> int:
    """Serve until stopped: 0 after SIGTERM, 130 after Ctrl-C (SIGINT), both clean stops; 2 for usage
    errors; 1 when the server could not run."""
    err = sys.stderr
    try:
        import uvicorn

        from tmer_desktop.server.app import ServerConfig, create_app
    except ModuleNotFoundError as exc:
        print(f"tmer serve: the HTTP server is not installed ({exc.name} is missing); "
              f"install it with: pip install 'tmer-desktop[server]'", file=err)
        return 1
    if not 0 <= port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {port}")
    if not max_upload_mb > 0:
        raise UsageError(f"--max-upload-mb must be more than 0, not {max_upload_mb}")
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    folders = [allowed_dir(d) for d in allow_dirs or []]
    token_note = None
    if token is not None:
        token = check_token(token)
    elif not is_loopback(host):
        token, created = load_or_create_token()
        token_note = (f"clients must send the token {'just written to' if created else 'in'} {token_file()} "
                      f"(header 'Authorization: Bearer TOKEN')")
    config = ServerConfig(token=token, allow_dirs=folders, max_upload=int(max_upload_mb * 1_000_000), jobs=jobs)
    settings, _ = load_settings()
    sock = _bind(host, port)
    try:
        with LibraryStore.open() as store:
            print_open_notices(store, "serve")
            app = create_app(config, store, settings)
            bound_port = sock.getsockname()[1]
            shown = f"[{host}]" if ":" in host else host
            print(for_terminal(f"tmer serve: serving the library {store.path} on http://{shown}:{bound_port} "
                               f"(API documentation: http://{shown}:{bound_port}/docs); Ctrl-C stops"),
                  file=err, flush=True)
            if token_note:
                print(for_terminal(f"tmer serve: {token_note}"), file=err, flush=True)
            elif token is None:
                print("tmer serve: no token: only programs on this computer can connect", file=err, flush=True)
            for folder in folders:
                print(for_terminal(f"tmer serve: clients may have files in {folder} analysed (POST /analyse-path)"),
                      file=err, flush=True)
            server = uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="info" if verbose else "warning",
                                                   access_log=verbose, timeout_graceful_shutdown=10))
            stopped_by: list[int] = []
            # uvicorn stops gracefully on SIGINT/SIGTERM, then raises the signal again under the handlers
            # it found: record it instead of dying of it, so the library is closed and the status said.
            previous = {sig: signal.signal(sig, lambda signum, frame: stopped_by.append(signum))
                        for sig in (signal.SIGINT, signal.SIGTERM)}
            try:
                server.run(sockets=[sock])
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)
    finally:
        sock.close()
    print("tmer serve: stopped", file=err, flush=True)
    return 130 if signal.SIGINT in stopped_by else 0
