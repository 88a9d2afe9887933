"""Text for the terminal: control characters in file names and tags are shown escaped.

A file may be named "a<newline>b.wav", or a tag may carry an escape sequence; printed raw,
such text forges extra output lines or drives the terminal. Everything the CLI prints that
comes from a file (its path, its tags, a message naming it) goes through `for_terminal`.
Data outputs (CSV, JSON, M3U8) keep the real text: their own format escapes it.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Invisible characters that reorder or split what the terminal shows (bidirectional overrides,
# line and paragraph separators): a name could look like another with them.
_INVISIBLE = frozenset("\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escaped(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: object) -> str:
    """`text` with control characters (C0, DEL, C1) and invisible direction marks written as
    Python-style escapes (\\n, \\x1b, \\u202e); everything else, other languages included, as it is."""
    text = str(text)
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(_escaped(ch) if ch in _INVISIBLE or unicodedata.category(ch) == "Cc" else ch
                   for ch in text)
