"""What playback and recording share about sound devices: loading PortAudio and releasing streams."""

from __future__ import annotations

import logging

from tmer_desktop.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


def load_sounddevice():
    """(the sounddevice module, None), or (None, a sentence saying what is missing)."""
    try:
        import sounddevice
    except OSError:  # the Python package is there but the PortAudio library is not
        return None, QT_TRANSLATE_NOOP("Devices", "the PortAudio library is not installed (install 'libportaudio2')")
    except ImportError:
        return None, QT_TRANSLATE_NOOP("Devices", "the 'sounddevice' package is not installed")
    return sounddevice, None


def close_stream_quietly(stream) -> None:
    """Stop and close a PortAudio stream; a device that vanished has nothing left to release."""
    if stream is None:
        return
    try:
        stream.stop()
        stream.close()
    except Exception:  # PortAudioError or OSError from a device that is gone
        log.info("the audio device list could not be refreshed", exc_info=True)
