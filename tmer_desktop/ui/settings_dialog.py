"""Settings dialog: decision threshold, top-2 threshold, window, hop, aggregation, language.

It edits a copy of the settings object and returns it; the main window saves it and
re-decides. Threshold and aggregation apply at once to stored probabilities; window and hop
only apply to the next analysis (the dialog says so). A new language applies to the whole
window at once (the main window installs it; every view follows, see i18n.FollowsLanguage).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tmer_desktop.ui import i18n

# Each language is named in itself, so a user can find theirs whatever the interface shows.
LANGUAGES = (("en", "English"), ("es", "Español"), ("tr", "Türkçe"))
AGGREGATIONS = (("mean", QT_TRANSLATE_NOOP("SettingsDialog", "Mean of window probabilities")),
                ("majority", QT_TRANSLATE_NOOP("SettingsDialog", "Majority vote of windows")))


def _spin(lo: float, hi: float, step: float, decimals: int, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    if suffix:
        box.setSuffix(suffix)
    return box


class SettingsDialog(QDialog):
    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self.threshold = _spin(0.25, 1.0, 0.01, 2)
        self.top2_threshold = _spin(0.25, 1.0, 0.01, 2)
        seconds = self.tr(" s", "unit suffix for seconds, with its leading space")
        self.window = _spin(1.0, 120.0, 1.0, 1, seconds)
        self.hop = _spin(0.5, 120.0, 0.5, 1, seconds)
        self.aggregation = QComboBox()
        for value, text in AGGREGATIONS:
            self.aggregation.addItem(QCoreApplication.translate("SettingsDialog", text), value)
        self.language = QComboBox()
        for value, text in LANGUAGES:
            self.language.addItem(text, value)

        self.threshold.setValue(float(settings.decision_threshold))
        self.top2_threshold.setValue(float(settings.top2_threshold))
        self.window.setValue(float(settings.window_s))
        self.hop.setValue(float(settings.hop_s))
        self.aggregation.setCurrentIndex(max(0, self.aggregation.findData(settings.aggregation)))
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        form = QFormLayout()
        form.addRow(self.tr("Sure when one emotion reaches:"), self.threshold)
        form.addRow(self.tr("Two candidates when the best two reach:"), self.top2_threshold)
        self.threshold.setToolTip(i18n.decision_explanation("label"))
        self.top2_threshold.setToolTip(i18n.decision_explanation("top-2") + "\n" + i18n.decision_explanation("review"))
        form.addRow(self.tr("Track aggregation:"), self.aggregation)
        form.addRow(self.tr("Window length:"), self.window)
        form.addRow(self.tr("Step between windows:"), self.hop)
        self.hop.setToolTip(self.tr("How far each 30 s window starts after the one before (the hop): a shorter "
                                    "step gives a finer timeline and takes longer to analyse."))
        form.addRow(self.tr("Language:"), self.language)
        # The rows' labels are the fields' buddies; the names are said by screen readers on every platform.
        for field, name in ((self.threshold, self.tr("Sure when one emotion reaches")),
                            (self.top2_threshold, self.tr("Two candidates when the best two reach")),
                            (self.aggregation, self.tr("Track aggregation")), (self.window, self.tr("Window length")),
                            (self.hop, self.tr("Hop")), (self.language, self.tr("Language"))):
            field.setAccessibleName(name)
        note = QLabel(self.tr(
            "The two thresholds and the aggregation apply at once to every track (the stored "
            "probabilities are re-decided; nothing is re-analysed).\nWindow length and step apply "
            "to the next analysis only. The model was trained on 30 s excerpts."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def edited(self):
        """A new settings object with the dialog's values (the original is not changed)."""
        return dataclasses.replace(
            self._original,
            decision_threshold=round(self.threshold.value(), 4),
            top2_threshold=round(self.top2_threshold.value(), 4),
            window_s=self.window.value(),
            hop_s=self.hop.value(),
            aggregation=self.aggregation.currentData(),
            language=self.language.currentData(),
        )
