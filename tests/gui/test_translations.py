"""English as the second language: the translation files are complete, they cover every string
the UI code asks Qt to translate (a new string without an English translation fails here), the
.qm files are compiled from the .ts files as they stand, and installing the translators really
changes what widgets say: English for ours, Indonesian for Qt's own buttons and menus."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from outreach_app.ui.dialogs.heirs import HeirsEditor
from outreach_app.ui.translations import (
    LANGUAGES,
    QM_FILES,
    QT_LOCALES,
    date_locale,
    install_translators,
)
from outreach_app.ui.widgets.participant_detail import ParticipantDetailView

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted((ROOT / "outreach_app" / "ui").rglob("*.py"))
TRANSLATIONS = ROOT / "resources" / "translations"
ENGLISH_TS = TRANSLATIONS / "outreach_en.ts"
INDONESIAN_TS = TRANSLATIONS / "outreach_id.ts"
QT_INDONESIAN_TS = TRANSLATIONS / "qtbase_id.ts"
TOOLS = Path(sys.executable).parent  # the venv's bin/ (or Scripts\): pyside6-lupdate, -lrelease
# {n}-style placeholders and HTML tags must come through a translation unchanged.
KEPT = re.compile(r"\{[^{}]*\}|<[^<>]+>")
REFRESH = "run packaging/update_translations.sh, then translate the new messages"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translation: str
    kind: str  # "" when finished; "unfinished", "obsolete" or "vanished" otherwise

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment


def messages(ts_file: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                Message(
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    translation.text or "",
                    translation.get("type", ""),
                )
            )
    return found


def finished(ts_file: Path) -> dict[tuple[str, str, str], str]:
    return {m.key: m.translation for m in messages(ts_file) if not m.kind and m.translation}


def tr_calls() -> ModuleType:
    """packaging/tr_calls.py: the translation calls in the code, read from its syntax tree."""
    spec = importlib.util.spec_from_file_location("tr_calls", ROOT / "packaging" / "tr_calls.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lupdate_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What lupdate extracts from the UI code now, into a fresh file."""
    target = tmp_path_factory.mktemp("lupdate") / "now.ts"
    subprocess.run(
        [TOOLS / "pyside6-lupdate", *UI_SOURCES, "-no-obsolete", "-locations", "none",
         "-silent", "-source-language", "id", "-target-language", "en", "-ts", target],
        check=True, cwd=ROOT,
    )  # fmt: skip
    return target


# --- the files -------------------------------------------------------------------------------


def test_every_english_message_is_translated() -> None:
    problems = [
        f"{m.context} / {m.source!r}: {m.kind or 'empty'}"
        for m in messages(ENGLISH_TS)
        if m.kind or not m.translation.strip()
    ]
    assert not problems, "\n".join(problems)


def test_translations_keep_placeholders_and_markup() -> None:
    problems = [
        f"{m.context} / {m.source!r} -> {m.translation!r}"
        for m in messages(ENGLISH_TS)
        if sorted(KEPT.findall(m.source)) != sorted(KEPT.findall(m.translation))
    ]
    assert not problems, "\n".join(problems)


def test_indonesian_file_says_the_source_itself() -> None:
    english, indonesian = messages(ENGLISH_TS), messages(INDONESIAN_TS)
    assert {m.key for m in indonesian} == {m.key for m in english}
    assert all(not m.kind and m.translation == m.source for m in indonesian)


def test_lupdate_finds_nothing_missing_from_the_english_file(lupdate_ts: Path) -> None:
    translated = finished(ENGLISH_TS)
    missing = [
        f"{m.context} / {m.source!r}" for m in messages(lupdate_ts) if m.key not in translated
    ]
    assert not missing, f"not translated ({REFRESH}):\n" + "\n".join(missing)


def test_every_string_the_code_translates_has_english() -> None:
    """Also the calls lupdate cannot see (inside f-strings, through aliases): at run time
    they are looked up all the same, and without an entry they stay Indonesian."""
    translated = {(context, source) for context, source, _ in finished(ENGLISH_TS)}
    missing = [
        f"{call.where()}: {call.context} / {call.source!r}"
        for call in tr_calls().find_calls(UI_SOURCES)
        if call.key is not None and call.key not in translated
    ]
    assert not missing, "no English translation:\n" + "\n".join(missing)


def test_lupdate_sees_every_translation_call(lupdate_ts: Path) -> None:
    module = tr_calls()
    missed = module.missed_by_lupdate(module.find_calls(UI_SOURCES), lupdate_ts)
    assert not missed, "\n".join(module.explain(call) for call in missed)


def test_qt_strings_in_indonesian_are_complete() -> None:
    translated = {(m.context, m.source): m.translation for m in messages(QT_INDONESIAN_TS)}
    assert all(not m.kind and m.translation for m in messages(QT_INDONESIAN_TS))
    assert translated[("QPlatformTheme", "Cancel")] == "Batal"
    assert translated[("QGnomeTheme", "&Cancel")] == "&Batal"
    for context, sources in {
        "QPlatformTheme": ("OK", "Cancel", "&Yes", "&No", "Save", "Close", "Apply", "Reset"),
        "QGnomeTheme": ("&OK", "&Cancel", "&Save", "&Close"),
        "QLineEdit": ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"),
        "QFileDialog": ("Look in:", "File &name:", "Files of &type:", "&Open", "&Save"),
        "QMessageBox": ("Show Details...", "Hide Details..."),
    }.items():
        for source in sources:
            assert (context, source) in translated, (context, source)


@pytest.mark.parametrize("name", ["outreach_en", "outreach_id", "qtbase_id"])
def test_compiled_files_match_their_sources(tmp_path: Path, name: str) -> None:
    compiled = tmp_path / f"{name}.qm"
    subprocess.run(
        [TOOLS / "pyside6-lrelease", "-silent", TRANSLATIONS / f"{name}.ts", "-qm", compiled],
        check=True,
    )
    shipped = TRANSLATIONS / f"{name}.qm"
    assert shipped.read_bytes() == compiled.read_bytes(), f"{shipped} is stale: {REFRESH}"


def test_every_language_ships_its_files_as_package_data() -> None:
    folder = resources.files("outreach_app.resources").joinpath("translations")
    assert set(QM_FILES) == set(LANGUAGES)
    for names in QM_FILES.values():
        for name in names:
            assert folder.joinpath(name).is_file(), name


# --- installed on the application ------------------------------------------------------------


@pytest.fixture
def install(qapp):
    """install(language); everything installed is removed again afterwards, so the other
    tests keep seeing the Indonesian source texts."""
    installed = []

    def install(language: str):
        translators = install_translators(qapp, language)
        installed.extend(translators)
        return translators

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(QT_LOCALES["id"])


def cancel_text(qtbot) -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    return button.text().replace("&", "")


def test_english_widgets(qtbot, install) -> None:
    assert [t.objectName() for t in install("en")] == ["outreach_en.qm"]
    heirs = HeirsEditor()
    qtbot.addWidget(heirs)
    assert heirs.add_button.text() == "Add heir"
    assert QCoreApplication.translate("Labels", "Nelayan") == "Fishers"
    detail = ParticipantDetailView()  # its placeholder is translated inside an f-string
    qtbot.addWidget(detail)
    assert detail.toPlainText() == "Choose a participant in the list."
    assert cancel_text(qtbot) == "Cancel"  # Qt's own, English already


def test_indonesian_qt_buttons_and_menus(qtbot, install) -> None:
    assert [t.objectName() for t in install("id")] == ["outreach_id.qm", "qtbase_id.qm"]
    assert cancel_text(qtbot) == "Batal"
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(b.text() for b in box.buttons()) == ["&Tidak", "&Ya"]
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Salin"
    assert QCoreApplication.translate("Labels", "Nelayan") == "Nelayan"


def test_unknown_language_is_indonesian_and_region_variants_are_not(qtbot, install) -> None:
    assert [t.objectName() for t in install("fr")] == ["outreach_id.qm", "qtbase_id.qm"]
    assert cancel_text(qtbot) == "Batal"
    assert [t.objectName() for t in install("en_GB")] == ["outreach_en.qm"]


def test_installing_again_replaces_the_earlier_language(install) -> None:
    install("en")
    assert QCoreApplication.translate("Labels", "Nelayan") == "Fishers"
    install("id")
    assert QCoreApplication.translate("Labels", "Nelayan") == "Nelayan"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"


def test_the_language_sets_the_locale_for_dates(qtbot, install) -> None:
    """Month names follow the interface language; the calendar's day names too."""
    from outreach_app.reference.dates_text import month_span
    from outreach_app.ui.widgets.visit_calendar import VisitCalendar

    install("en")
    assert date_locale() == "en_GB"
    assert month_span(dt.date(2026, 7, 1), dt.date(2026, 12, 31), date_locale()) == (
        "July–December 2026"
    )
    calendar = VisitCalendar(dt.date(2026, 11, 21))
    qtbot.addWidget(calendar)
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "Mon"
    install("id")
    assert date_locale() == "id_ID"
    calendar = VisitCalendar(dt.date(2026, 11, 21))
    qtbot.addWidget(calendar)
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "Sen"
