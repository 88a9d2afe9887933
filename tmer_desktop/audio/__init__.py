"""Audio input and output: decoding files, recording, playback."""
