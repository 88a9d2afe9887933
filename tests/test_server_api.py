"""The HTTP API's contract (tmer_desktop/server), through FastAPI's test client: the token, upload
limits and hostile uploads, paths outside --allow-dir, the library's listings and corrections.

No test here needs an analysis process (the engine starts its workers with the first file that
needs one, and none does): the analysis itself is tests/test_server_process.py's, on a real
`tmer serve`. The tracks listed here are written into a real library with the store's own calls.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.library.rows import NewWindow  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.server import security, uploads  # noqa: E402
from tmer_desktop.server.app import ServerConfig, create_app  # noqa: E402
from tmer_desktop.settings import Settings  # noqa: E402

TOKEN = "a-token-for-the-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMIT = 100_000  # bytes


@pytest.fixture
def api(tmp_path, data_dir):
    allowed = tmp_path / "allowed"
    (allowed / "sub").mkdir(parents=True)
    store = LibraryStore.open()
    config = ServerConfig(token=TOKEN, allow_dirs=[allowed.resolve()], max_upload=LIMIT, eager=False)
    with TestClient(create_app(config, store, Settings())) as client:
        client.store, client.allowed = store, allowed  # type: ignore[attr-defined]
        yield client
    store.close()


def _kept_uploads(data_dir):
    root = data_dir / "uploads"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) if root.exists() else []


# -- the token ----------------------------------------------------------------------------------
GUARDED = [("get", "/tracks"), ("get", "/tracks/1"), ("get", "/model"), ("post", "/corrections"),
           ("post", "/analyse"), ("post", "/analyse-path")]


@pytest.mark.parametrize("method,path", GUARDED)
@pytest.mark.parametrize("header", [None, "Bearer wrong-token-wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
                                    "Bearer"])
def test_every_route_but_health_refuses_a_missing_or_wrong_token(api, method, path, header):
    headers = {"Authorization": header} if header else {}
    response = api.request(method, path, headers=headers, json={})
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert "token" in response.json()["detail"]


def test_with_the_token_the_routes_answer(api):
    assert api.get("/tracks", headers=AUTH).status_code == 200
    assert api.get("/model", headers=AUTH).status_code == 200


def test_health_and_the_docs_need_no_token(api):
    health = api.get("/health").json()
    assert health["status"] == "ok" and health["auth"] is True
    assert api.get("/docs").status_code == 200
    spec = api.get("/openapi.json").json()
    assert {"/analyse", "/analyse-path", "/tracks", "/tracks/{track_id}", "/corrections", "/model",
            "/health"} <= set(spec["paths"])
    # The upload's form is documented although the route reads the body itself (streamed).
    assert "multipart/form-data" in spec["paths"]["/analyse"]["post"]["requestBody"]["content"]


def test_token_file_is_made_once_private_and_refused_when_others_can_read_it(data_dir):
    token, created = security.load_or_create_token()
    again, created_again = security.load_or_create_token()
    path = security.token_file()
    assert created and not created_again and token == again and len(token) >= security.MIN_TOKEN_LENGTH
    assert path.parent == data_dir and stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    with pytest.raises(security.UsageError, match="other users"):
        security.load_or_create_token()


def test_token_comparison_and_loopback_addresses():
    assert security.token_matches(None, None)
    assert security.token_matches(TOKEN, f"Bearer {TOKEN}") and security.token_matches(TOKEN, f"bearer {TOKEN}")
    assert not security.token_matches(TOKEN, None) and not security.token_matches(TOKEN, TOKEN)
    assert all(map(security.is_loopback, ["127.0.0.1", "127.1.2.3", "::1", "localhost"]))
    assert not any(map(security.is_loopback, ["0.0.0.0", "192.168.1.5", "::", "example.org"]))


def _serve(*args, env_data):
    env = {**os.environ, "TMER_DATA_DIR": str(env_data), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run([sys.executable, "-m", "tmer_desktop.cli", "serve", *args], capture_output=True,
                          text=True, timeout=60, env=env)


@pytest.mark.parametrize("args,words", [
    (["--token", "short"], "at least 16 characters"),
    (["--allow-dir", "/no/such/folder"], "--allow-dir /no/such/folder: not an existing folder"),
    (["--port", "70000"], "--port must be between 0 and 65535"),
    (["--max-upload-mb", "0"], "--max-upload-mb must be more than 0"),
    (["--jobs", "0"], "--jobs must be at least 1"),
])
def test_serve_usage_errors_exit_2_with_the_reason(tmp_path, args, words):
    result = _serve(*args, env_data=tmp_path / "data")
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and result.stderr.startswith("tmer serve: ")


def test_serve_refuses_a_port_in_use(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = _serve("--port", str(busy.getsockname()[1]), env_data=tmp_path / "data")
    assert result.returncode == 2 and "cannot listen on 127.0.0.1:" in result.stderr


# -- uploads ------------------------------------------------------------------------------------
def test_a_declared_oversized_upload_is_refused_before_it_is_read(api, data_dir):
    response = api.post("/analyse", headers=AUTH, files={"file": ("big.wav", b"\0" * (LIMIT + 70_000))})
    assert response.status_code == 413
    assert "larger than this server's limit of 100000 bytes" in response.json()["detail"]
    assert _kept_uploads(data_dir) == []


def test_an_upload_that_grows_past_the_limit_is_cut_off_whatever_its_header_said(api, data_dir):
    def chunks():  # no Content-Length: chunked transfer
        for _ in range(30):
            yield b"\1" * 10_000

    response = api.post("/analyse?filename=stream.wav", headers={**AUTH, "Content-Type": "audio/wav"},
                        content=chunks())
    assert response.status_code == 413
    assert _kept_uploads(data_dir) == []  # the partial file is gone too


def test_a_lying_content_length_does_not_raise_the_limit(api, data_dir):
    body = b"\1" * (LIMIT + 5_000)
    response = api.post("/analyse?filename=liar.wav",
                        headers={**AUTH, "Content-Type": "audio/wav", "Content-Length": "10"}, content=body)
    # h11 refuses a body longer than its declared length, or our counter does: never a stored file.
    assert response.status_code in (400, 413)
    assert _kept_uploads(data_dir) == []


@pytest.mark.parametrize("name", ["notes.txt", "noextension", "", "..", "track.mp3.exe"])
def test_an_upload_not_named_as_audio_is_refused(api, data_dir, name):
    response = api.post("/analyse", headers=AUTH, files={"file": (name, b"RIFF....WAVE")})
    assert response.status_code in (415, 422), response.text
    assert "audio file name" in response.json()["detail"] or "no file" in response.json()["detail"]
    assert _kept_uploads(data_dir) == []


def test_an_upload_without_the_file_field_says_how_to_send_it(api):
    response = api.post("/analyse", headers=AUTH, files={"audio": ("a.wav", b"x")})
    assert response.status_code == 422 and "form field 'file'" in response.json()["detail"]


def test_an_empty_file_gets_the_reason_tmer_tag_gives_and_is_not_kept(api, data_dir):
    response = api.post("/analyse", headers=AUTH, files={"file": ("empty.mp3", b"")})
    assert response.status_code == 422
    assert response.json()["detail"] == "empty.mp3: empty file (0 bytes)"
    assert _kept_uploads(data_dir) == [] and api.store.tracks() == []


def test_upload_names_are_made_safe():
    assert uploads.safe_name("../../etc/evil.mp3") == "evil.mp3"
    assert uploads.safe_name("C:\\Users\\x\\song.FLAC") == "song.FLAC"
    assert uploads.safe_name("bad\x1b[31mname\n.ogg") == "bad[31mname.ogg"
    assert uploads.safe_name(".hidden.wav") == "hidden.wav"
    long = uploads.safe_name("a" * 500 + ".wav")
    assert len(long) == uploads.MAX_NAME_LENGTH and long.endswith(".wav")


# -- paths on the server ------------------------------------------------------------------------
def test_no_server_path_is_read_without_allow_dir(tmp_path, data_dir):
    store = LibraryStore.open()
    with TestClient(create_app(ServerConfig(eager=False), store, Settings())) as client:
        response = client.post("/analyse-path", json={"path": str(tmp_path)})
    store.close()
    assert response.status_code == 403 and "--allow-dir" in response.json()["detail"]


@pytest.mark.parametrize("path", ["../secret.wav", "sub/../../secret.wav", "sub/..", "..\\secret.wav",
                                  "/etc/passwd", "ESCAPE", "sub/link-out/secret.wav"])
def test_paths_that_escape_the_allowed_folder_are_refused(api, tmp_path, path):
    secret = tmp_path / "secret.wav"
    secret.write_bytes(b"RIFF")
    (api.allowed / "sub" / "link-out").symlink_to(tmp_path, target_is_directory=True)
    (api.allowed / "ESCAPE").symlink_to(secret)
    if path == "/etc/passwd":
        path = str(secret)  # an absolute path outside the folder
    response = api.post("/analyse-path", headers=AUTH, json={"path": path})
    assert response.status_code == 403, response.text
    assert api.store.tracks() == []


def test_a_missing_file_in_the_allowed_folder_is_404_and_a_folder_422(api):
    assert api.post("/analyse-path", headers=AUTH, json={"path": "nothing.wav"}).status_code == 404
    assert api.post("/analyse-path", headers=AUTH, json={"path": "sub"}).status_code == 422


# -- the library --------------------------------------------------------------------------------
def _track(store, name, label, confidence, decision, n_windows=2):
    probs = {e: (confidence if e == label else (1 - confidence) / 3) for e in ("happy", "sad", "angry", "relaxed")}
    track_id = store.upsert_track(f"/music/{name}", content_hash=name * 4, duration=40.0, window_s=30.0, hop_s=5.0)
    store.replace_windows(track_id, [NewWindow(idx=i, start=5.0 * i, duration=30.0, short=False,
                                               features=tuple(float(i + k) for k in range(len(FEATURE_NAMES))))
                                     for i in range(n_windows)])
    rows = [{**{f"p_{e}": p for e, p in probs.items()}, "label": label, "confidence": confidence,
             "decision": decision, "window_idx": idx} for idx in [None, *range(n_windows)]]
    store.add_predictions(track_id, "bundled", rows, replace=True)
    return track_id


@pytest.fixture
def filled(api):
    ids = {
        "calm": _track(api.store, "calm.ogg", "relaxed", 0.92, "label"),
        "dark": _track(api.store, "dark.ogg", "sad", 0.55, "review"),
        "fight": _track(api.store, "fight.ogg", "angry", 0.81, "label"),
        "party": _track(api.store, "party.ogg", "happy", 0.62, "top-2"),
    }
    return api, ids


@pytest.mark.parametrize("query,expected", [
    ("", {"calm", "dark", "fight", "party"}),
    ("?emotion=sad", {"dark"}),
    ("?decision=label", {"calm", "fight"}),
    ("?min_confidence=0.8", {"calm", "fight"}),
    ("?max_confidence=0.6", {"dark"}),
    ("?min_confidence=0.6&max_confidence=0.85", {"fight", "party"}),
    ("?decision=label&emotion=angry", {"fight"}),
    ("?search=part", {"party"}),
])
def test_tracks_are_filtered_by_emotion_decision_and_confidence(filled, query, expected):
    api, _ = filled
    body = api.get(f"/tracks{query}", headers=AUTH).json()
    assert {t["path"].rsplit("/", 1)[1].removesuffix(".ogg") for t in body["tracks"]} == expected
    assert body["total"] == len(expected)


def test_tracks_are_paged(filled):
    api, _ = filled
    pages = [api.get(f"/tracks?limit=3&offset={o}", headers=AUTH).json() for o in (0, 3)]
    assert [len(p["tracks"]) for p in pages] == [3, 1] and pages[0]["total"] == 4


@pytest.mark.parametrize("query", ["?emotion=joyful", "?decision=maybe", "?min_confidence=2", "?limit=0",
                                   "?limit=100000", "?offset=-1"])
def test_bad_filters_are_422_naming_the_parameter(filled, query):
    api, _ = filled
    response = api.get(f"/tracks{query}", headers=AUTH)
    assert response.status_code == 422
    assert query[1:].split("=")[0] in response.text


def test_a_track_comes_with_its_timeline_features_and_explanation(filled):
    api, ids = filled
    track = api.get(f"/tracks/{ids['fight']}", headers=AUTH).json()
    assert track["prediction"]["label"] == "angry" and track["prediction"]["decision"] == "label"
    assert [w["idx"] for w in track["windows"]] == [0, 1]
    assert list(track["windows"][1]["features"]) == list(FEATURE_NAMES)
    assert track["windows"][1]["features"][FEATURE_NAMES[0]] == 1.0
    assert track["explanation"]["label"] == "angry" and "angry" in track["explanation"]["reason"]
    lean = api.get(f"/tracks/{ids['fight']}?features=false&explain=false", headers=AUTH).json()
    assert "features" not in lean["windows"][0] and lean["explanation"] is None
    missing = api.get("/tracks/999", headers=AUTH)
    assert missing.status_code == 404 and "no track with id 999" in missing.json()["detail"]


def test_corrections_are_stored_as_the_app_stores_them(filled):
    api, ids = filled
    response = api.post("/corrections", headers=AUTH, json={"track_id": ids["dark"], "label": "relaxed"})
    assert response.status_code == 201, response.text
    on_window = api.post("/corrections", headers=AUTH,
                         json={"track_id": ids["calm"], "window_idx": 1, "correct": True})
    assert on_window.status_code == 201, on_window.text
    rows = {r.id: r for r in api.store.feedback_rows()}
    track_level, window_level = rows[response.json()["id"]], rows[on_window.json()["id"]]
    assert (track_level.predicted_label, track_level.corrected_label) == ("sad", "relaxed")
    assert not track_level.is_correct
    assert track_level.window_id is None and track_level.model_version == "bundled"
    assert len(track_level.features) == len(FEATURE_NAMES) and track_level.duration == 30.0
    assert window_level.is_correct and window_level.window_id is not None and window_level.features[0] == 1.0


@pytest.mark.parametrize("body,status,words", [
    ({"track_id": 999, "label": "sad"}, 404, "no track with id 999"),
    ({"track_id": "TRACK", "window_idx": 7, "label": "sad"}, 404, "has no window 7"),
    ({"track_id": "TRACK", "label": "angry"}, 422, "already is angry"),
    ({"track_id": "TRACK", "label": "joyful"}, 422, "label"),
    ({"track_id": "TRACK", "correct": True, "label": "sad"}, 422, "takes no label"),
    ({"track_id": "TRACK"}, 422, "give the right emotion"),
])
def test_bad_corrections_say_what_is_wrong_and_store_nothing(filled, body, status, words):
    api, ids = filled
    if body["track_id"] == "TRACK":
        body = {**body, "track_id": ids["fight"]}
    response = api.post("/corrections", headers=AUTH, json=body)
    assert response.status_code == status and words in response.text
    assert api.store.feedback_rows() == []


def test_model_names_the_version_in_use_and_its_metrics(api):
    model = api.get("/model", headers=AUTH).json()
    assert model["version"] == "bundled" and model["bundled"] is True
    assert 0.5 < model["metrics"]["macro_f1"] < 1
    assert [v["version"] for v in model["versions"] if v["active"]] == ["bundled"]
