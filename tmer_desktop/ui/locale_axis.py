"""Chart axes whose tick numbers follow the interface locale ("0,5" in Spanish and Turkish)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QLocale


class LocaleAxis(pg.AxisItem):
    """pyqtgraph's own tick labels (it writes "0.5"), with the locale's decimal separator."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        point = QLocale().decimalPoint()
        strings = super().tickStrings(values, scale, spacing)
        return strings if point == "." else [s.replace(".", point) for s in strings]


def locale_axes() -> dict[str, LocaleAxis]:
    """axisItems for a pg.PlotWidget: bottom and left axes with locale-formatted ticks."""
    return {"bottom": LocaleAxis("bottom"), "left": LocaleAxis("left")}
