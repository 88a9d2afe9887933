"""Marking core texts for the interface's translations without importing Qt.

Qt's lupdate collects every literal `QT_TRANSLATE_NOOP("Context", "text")` call it finds, by
name, so core modules mark the sentences the interface shows with this function and the
interface translates them (ui/i18n.py). The marker returns a `Template`: still the English
text, but remembering its context, and its `.format(name=value)` gives a `Message`: the finished
English sentence (what the CLI, logs and exports use) that also keeps the template and the
values, so the interface can word it again in the user's language later — after crossing a
process boundary (pickle) or a stay in the library (`to_json` / `message_from_json`).

Anything built from a Message by other string operations (concatenation, f-strings) is plain
English text again, which is what the interface then shows: never wrong, only untranslated.
"""

from __future__ import annotations

import json
import numbers
import string
from collections.abc import Sequence
from typing import Any

# The values a message keeps: what survives JSON unchanged, and other messages (nested reasons).
_PLAIN_VALUE_TYPES = (str, int, float, bool, type(None))


class Template(str):
    """A marked English source text that remembers its translation context."""

    context: str

    def __new__(cls, context: str, text: str) -> Template:
        obj = super().__new__(cls, text)
        obj.context = context
        return obj

    def format(self, *args: Any, **values: Any) -> Message | str:
        if args:  # positional fields cannot be re-filled by name in a translation
            return str.format(self, *args, **values)
        return Message(self.context, str(self), values)

    def __reduce__(self) -> tuple:
        return (Template, (self.context, str(self)))


class Message(str):
    """The English sentence of a filled Template, keeping context, template and values."""

    context: str
    template: str
    values: dict[str, Any]

    def __new__(cls, context: str, template: str, values: dict[str, Any]) -> Message:
        kept = {name: _keepable(value) for name, value in values.items()}
        obj = super().__new__(cls, template.format(**kept))
        obj.context, obj.template, obj.values = context, template, kept
        return obj

    def __reduce__(self) -> tuple:
        return (Message, (self.context, self.template, self.values))

    def to_json(self) -> str:
        return json.dumps(_to_data(self), ensure_ascii=False)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:  # noqa: N802 (Qt's name, which lupdate looks for)
    return Template(context, text)


def message_from_json(english: str | None, data: str | None) -> str | None:
    """The stored sentence back as a Message when its JSON is sound and still reads as the stored
    English; otherwise the English text as it was stored (a hand-edited or old row stays readable)."""
    if english is None or not data:
        return english
    try:
        message = _from_data(json.loads(data))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return english
    return message if isinstance(message, Message) and str(message) == english else english


def joined(parts: Sequence[str], pair: Template) -> str:
    """The parts strung together by `pair`, a marked text with {list} and {item} such as
    "{list}, {item}": in English the same as joining them with its separator; in the interface
    each part keeps its own translation and the separator can be the language's."""
    if not parts:
        return ""
    text = parts[0]
    for part in parts[1:]:
        text = pair.format(list=text, item=part)
    return text


def as_message(text: Any) -> Message | None:
    """`text` as a Message if it carries its translation (a filled or a bare marked text), else None."""
    if isinstance(text, Message):
        return text
    if isinstance(text, Template):
        try:
            return Message(text.context, str(text), {})
        except (KeyError, IndexError, ValueError):  # literal braces in a text without fields
            return None
    return None


def _keepable(value: Any) -> Any:
    if isinstance(value, str):
        return as_message(value) or str(value)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):  # numpy integers too
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return str(value)  # paths, exceptions, anything else: its English text


def _to_data(value: Any) -> Any:
    if isinstance(value, Message):
        return {"context": value.context, "template": value.template,
                "values": {k: _to_data(v) for k, v in value.values.items()}}
    return value


def _from_data(data: Any) -> Any:
    if isinstance(data, dict):
        values, template = data["values"], str(data["template"])
        if not isinstance(values, dict):
            raise TypeError("values must be an object")
        # Stored text is data: only plain {name} fields, no attribute or index look-ups.
        for _literal, field, spec, conversion in string.Formatter().parse(template):
            if field is not None and (not field.isidentifier() or conversion or "{" in (spec or "")):
                raise ValueError(f"unsupported field {field!r}")
        return Message(str(data["context"]), template, {str(k): _from_data(v) for k, v in values.items()})
    if type(data) in _PLAIN_VALUE_TYPES:
        return data
    raise TypeError(f"unexpected value {data!r}")
