# PyInstaller runtime hook: sounddevice finds PortAudio with ctypes.util.find_library, which
# on Linux asks only the system (ldconfig, gcc). The build collects the build machine's
# libportaudio.so.2 (with libasound and libjack) into the bundle; fall back to that copy when
# the system has none, so playback and recording work without the libportaudio2 package.
import ctypes.util
import glob
import os
import sys

if sys.platform.startswith("linux"):
    _system_find_library = ctypes.util.find_library

    def _find_library_or_bundled(name):
        found = _system_find_library(name)
        if found is None and name == "portaudio":
            bundled = sorted(glob.glob(os.path.join(sys._MEIPASS, "libportaudio.so*")))
            if bundled:
                return bundled[0]
        return found

    ctypes.util.find_library = _find_library_or_bundled
