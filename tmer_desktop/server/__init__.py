"""`tmer serve`: the local HTTP API (FastAPI) over the same analysis, library and model store as
the app and `tmer tag`. docs/scale.md describes it for users; docs/architecture.md places it
between commands/ and the workflows.

    security  the token, loopback binding, --allow-dir paths
    uploads   an upload streamed into the data directory with a running size check
    engine    the analysis processes and the one library writer
    views     library rows as JSON (tracks, timelines, explanations, the model)
    app       the FastAPI application
"""
