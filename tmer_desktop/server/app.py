"""The FastAPI application of `tmer serve` (docs/scale.md; OpenAPI at /docs).

    app = create_app(ServerConfig(...), store, settings)   # uvicorn.run(app, ...) serves it

Analysis runs in the engine's worker processes (engine.py) and is awaited, so the event loop
keeps answering (/health, listings) while files are analysed; library reads run in FastAPI's
thread pool. Every route but /health (and the docs) needs the token when the server has one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from tmer_desktop import __version__
from tmer_desktop.errors import TmerError
from tmer_desktop.library.errors import LibraryError
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.server import uploads, views
from tmer_desktop.server.engine import AnalysisFailed, Engine
from tmer_desktop.server.security import PathRefused, resolve_inside, token_matches
from tmer_desktop.vocabulary import DECISIONS, EMOTIONS

log = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD = 200 * 1000 * 1000  # bytes: a 20-minute WAV at CD quality fits
MAX_PAGE = 1000

Emotion = Literal["happy", "sad", "angry", "relaxed"]
Decision = Literal["label", "top-2", "review"]
assert set(Emotion.__args__) == set(EMOTIONS) and set(Decision.__args__) == set(DECISIONS)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ServerConfig:
    token: str | None = None  # None: no token asked (loopback only; commands/serve.py enforces it)
    allow_dirs: list[Path] = field(default_factory=list)  # real paths of the folders /analyse-path may read
    max_upload: int = DEFAULT_MAX_UPLOAD  # bytes
    jobs: int = 1  # analysis processes
    timeout_per_file: float | None = None  # None: the batch's timeout, from each file's duration
    eager: bool = True  # start the analysis processes with the server (else with the first file)


class PathRequest(BaseModel):
    path: str = Field(description="a file inside a folder the server was started with --allow-dir; "
                                  "relative paths are taken from the first such folder")


class CorrectionRequest(BaseModel):
    track_id: int
    window_idx: int | None = Field(None, description="the window corrected (its idx); none: the whole track")
    correct: bool = Field(False, description="true: the prediction is right (a confirmation)")
    label: Emotion | None = Field(None, description="the right emotion (omit with correct=true, or when unknown)")
    note: str = Field("", max_length=2000)


_bearer = HTTPBearer(auto_error=False, description="the token of `tmer serve` (docs/scale.md)")


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"detail": message, **extra}, status_code=status)


def create_app(config: ServerConfig, store: LibraryStore, settings) -> FastAPI:
    """The application over an open library; the engine's processes start with the app (lifespan)
    and end with it."""
    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = Engine(store, settings, jobs=config.jobs, timeout_per_file=config.timeout_per_file,
                        eager=config.eager)
        engine.start()
        state["engine"] = engine
        try:
            yield
        finally:
            await asyncio.to_thread(engine.close)

    app = FastAPI(title="tmer", version=__version__, lifespan=lifespan,
                  description="Music emotion recognition (happy, sad, angry, relaxed) from MIRtoolbox-faithful "
                              "features: the same analysis, library and model as the tmer-desktop app.")
    explainer = views.Explainer(store)

    def authorised(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
        given = f"{credentials.scheme} {credentials.credentials}" if credentials else None
        if not token_matches(config.token, given):
            raise HTTPException(401, "a valid token is required (header 'Authorization: Bearer TOKEN')",
                                headers={"WWW-Authenticate": "Bearer"})

    guarded = [Depends(authorised)]

    @app.exception_handler(LibraryError)
    async def library_failed(request: Request, exc: LibraryError) -> JSONResponse:
        log.warning("library error on %s: %s", request.url.path, exc)
        return _error(503, str(exc))

    async def analyse_file(path: Path) -> dict[str, Any]:
        future = state["engine"].submit(str(path))
        try:
            track_id = await asyncio.wrap_future(future)
        except AnalysisFailed as exc:
            raise _Failed(422, exc.reason, kind=exc.kind.value) from exc
        except TmerError as exc:  # the model refused, the library not writable, shutting down
            raise _Failed(503, str(exc)) from exc
        found = await asyncio.to_thread(views.track_detail, store, track_id, explainer=explainer)
        if found is None:  # removed (by the app) between storing and reading: say so rather than answer nothing
            raise _Failed(409, f"track {track_id} was removed from the library while it was analysed")
        return found

    @app.exception_handler(uploads.UploadRefused)
    async def upload_refused(request: Request, exc: uploads.UploadRefused) -> JSONResponse:
        return _error(exc.status, str(exc))

    @app.exception_handler(PathRefused)
    async def path_refused(request: Request, exc: PathRefused) -> JSONResponse:
        return _error(exc.status, str(exc))

    @app.exception_handler(_Failed)
    async def failed(request: Request, exc: _Failed) -> JSONResponse:
        return _error(exc.status, exc.message, **exc.extra)

    @app.get("/health", summary="Whether the server is up and its analysis processes ready (no token needed)")
    async def health() -> dict[str, Any]:
        status = state["engine"].status() if "engine" in state else {"workers": "starting"}
        return {"status": "ok", "version": __version__, "auth": config.token is not None,
                "workers": status.get("workers"), "model_version": status.get("model_version"),
                "queued": status.get("queued", 0), "running": status.get("running", 0)}

    @app.post("/analyse", dependencies=guarded, summary="Analyse an uploaded audio file",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                      "file": {"type": "string", "format": "binary"}}}}}}},
              responses={413: {"description": "larger than the upload limit"},
                         415: {"description": "not an audio file name"},
                         422: {"description": "the audio cannot be analysed (the reason `tmer tag` gives)"}})
    async def analyse(request: Request, filename: str | None = None) -> dict[str, Any]:
        """The file (form field `file`; or the raw body with `?filename=`) is kept in the app's data
        directory and tagged into the library as `tmer tag` would: its windows (probabilities,
        decisions, the 50 features), the track's decision and the explanation."""
        upload = await uploads.receive(request.headers.get("content-type"), request.headers.get("content-length"),
                                       request.stream(), config.max_upload, filename)
        try:
            result = await analyse_file(upload.path)
        except _Failed as exc:
            upload.discard()  # a file that cannot be analysed is not kept
            exc.message = f"{upload.name}: {exc.message}"
            raise
        return {**result, "upload": {"name": upload.name, "bytes": upload.size, "sha256": upload.sha256}}

    @app.post("/analyse-path", dependencies=guarded, summary="Analyse a file inside a folder allowed by --allow-dir")
    async def analyse_path(body: PathRequest) -> dict[str, Any]:
        path = resolve_inside(body.path, config.allow_dirs)
        try:
            return await analyse_file(path)
        except _Failed as exc:
            exc.message = f"{body.path}: {exc.message}"
            raise

    @app.get("/tracks", dependencies=guarded, summary="Tracks of the library, filtered")
    def tracks(emotion: Emotion | None = None, decision: Decision | None = None,
               min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
               max_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
               search: Annotated[str | None, Query(max_length=200)] = None,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        """Each track with the prediction the app shows (the active model's, else the latest);
        emotion and decision filter on it, min/max_confidence bound its confidence."""
        found = store.tracks(emotion=emotion, decision=decision, search=search)
        if min_confidence is not None or max_confidence is not None:
            low = 0.0 if min_confidence is None else min_confidence
            high = 1.0 if max_confidence is None else max_confidence
            found = [s for s in found if s.confidence is not None and low <= s.confidence <= high]
        page = found[offset:offset + limit]
        return {"total": len(found), "offset": offset, "limit": limit, "tracks": [views.summary(s) for s in page]}

    @app.get("/tracks/{track_id}", dependencies=guarded, summary="One track with its timeline and explanation")
    def track(track_id: int, features: bool = True, explain: bool = True) -> dict[str, Any]:
        found = views.track_detail(store, track_id, explainer=explainer if explain else None, with_features=features)
        if found is None:
            raise HTTPException(404, f"there is no track with id {track_id} in the library")
        return found

    @app.post("/corrections", dependencies=guarded, status_code=201, summary="Correct (or confirm) a prediction")
    def corrections(body: CorrectionRequest) -> dict[str, Any]:
        """Stored as the app stores a correction: with the prediction it corrects and the window's
        50 features (the whole track's mean for a track), ready for `tmer export-feedback` / retraining."""
        return _store_correction(store, body)

    @app.get("/model", dependencies=guarded, summary="The model in use: version and metrics")
    def model() -> dict[str, Any]:
        return views.model_info(store)

    return app


class _Failed(Exception):
    """An analysis the API answers with an error status and message."""

    def __init__(self, status: int, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def _store_correction(store: LibraryStore, body: CorrectionRequest) -> dict[str, Any]:
    if body.correct and body.label is not None:
        raise HTTPException(422, "a confirmation (correct=true) takes no label")
    if not body.correct and body.label is None and not body.note:
        raise HTTPException(422, "give the right emotion (label), or a note saying what is wrong")
    detail = views.track_detail(store, body.track_id, with_features=True)
    if detail is None:
        raise HTTPException(404, f"there is no track with id {body.track_id} in the library")
    top = detail["prediction"]
    if top is None:
        raise HTTPException(409, f"track {body.track_id} has no prediction to correct")
    windows = store.windows_for_track(body.track_id)
    if body.window_idx is None:
        # As the app stores a track's correction (ui/main_window.representative_window): with a
        # real 30 s window like the training data, the one whose probabilities are closest to the track's.
        judged = [w for w in detail["windows"] if w["probabilities"] is not None]
        track_probs = top["probabilities"]
        best = min(judged, key=lambda w: sum(abs(w["probabilities"][e] - track_probs[e]) for e in EMOTIONS))
        representative = next(w for w in windows if w.idx == best["idx"])
        features = representative.features
        kwargs: dict[str, Any] = dict(start=representative.start, duration=representative.duration)
        predicted, confidence = top["label"], top["confidence"]
    else:
        window = next((w for w in windows if w.idx == body.window_idx), None)
        if window is None:
            raise HTTPException(404, f"track {body.track_id} has no window {body.window_idx} "
                                     f"(it has {len(windows)}: 0 to {len(windows) - 1})")
        shown = next(w for w in detail["windows"] if w["idx"] == body.window_idx)
        if shown["label"] is None:
            raise HTTPException(409, f"window {body.window_idx} of track {body.track_id} is silent: "
                                     f"it has no prediction to correct")
        features = window.features
        kwargs = dict(window_id=window.id)
        predicted, confidence = shown["label"], shown["confidence"]
    if not body.correct and body.label == predicted:
        raise HTTPException(422, f"the prediction already is {predicted}; send correct=true to confirm it")
    feedback_id = store.add_feedback(features=features, is_correct=body.correct, track_id=body.track_id,
                                     predicted_label=predicted, confidence=confidence,
                                     corrected_label=body.label, note=body.note,
                                     model_version=top["model_version"], **kwargs)
    return {"id": feedback_id, "track_id": body.track_id, "window_idx": body.window_idx,
            "predicted": predicted, "correct": body.correct, "label": body.label}
