"""The app's languages: Indonesian, the language the code is written in, and English.

Every UI string is Indonesian in the source and goes through `tr()`, so English is a Qt
translation (outreach_en.qm). Indonesian gets its own file too (outreach_id.qm, each
translation equal to its source) so the choice is explicit, and a Qt translation of Qt's own
strings (qtbase_id.qm: standard buttons, the text-field context menu, the file dialog), because
Qt ships none for Indonesian and would otherwise show "Cancel" and "&Copy" in an Indonesian app.
Qt's own strings are English already, so English needs nothing for them.

The .qm files are package data, read with importlib.resources as bytes: the same code works from
the source tree, an installed wheel (even zipped) and a PyInstaller bundle.

Install the translators right after the QApplication exists and before any widget is built:
a widget takes its texts when it is made and is not re-translated later, which is why a
language change applies at the next start.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

# Ours first, then Qt's own strings; Qt searches the last installed translator first, and the
# two never share a context.
QM_FILES = {
    "id": ("outreach_id.qm", "qtbase_id.qm"),
    "en": ("outreach_en.qm",),
}

# The locale that goes with each language: Qt's (date edits, the calendar) and Babel's (month
# names and numbers the app formats itself). Amounts stay "Rp16.800" in both: rupiah are
# written the Indonesian way whatever the interface language.
QT_LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
BABEL_LOCALES = {"id": "id_ID", "en": "en_GB"}
INSTALLED_PROPERTY = "perisaiLanguage"  # on the application once translators were installed


class _PackagedTranslator(QTranslator):
    """A translator over .qm bytes from the package.

    QTranslator.load(data) reads the bytes where they are and never copies them, so they must
    live exactly as long as the translator: it holds them itself.
    """

    def __init__(self, name: str, data: bytes, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._data = data
        if not self.load(self._data):
            raise ValueError(f"{name} is not a Qt translation file")


def language_code(language: str) -> str:
    """English for "en", "en_GB" or "EN-us"; Indonesian for anything we do not ship."""
    code = language.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs the app's translation for `language` (and Qt's, for Indonesian) on `app`.

    The translators are children of `app`, so they stay installed for its whole life even if
    the list is dropped; the list is returned so a caller (a test) can remove them again with
    `app.removeTranslator`. A second call replaces what the first one installed rather than
    stacking translators. An unknown language gets Indonesian, the language of the source.
    """
    QLocale.setDefault(QT_LOCALES[language_code(language)])
    # Finding the earlier ones goes through the application's children, its style among them,
    # and wrapping the style makes PySide build QStyle's enums (~6 ms): only after a first call.
    if app.property(INSTALLED_PROPERTY) is not None:
        for old in app.findChildren(_PackagedTranslator):
            app.removeTranslator(old)
            old.setParent(None)
    folder = resources.files("outreach_app.resources").joinpath("translations")
    installed: list[QTranslator] = []
    for name in QM_FILES[language_code(language)]:
        translator = _PackagedTranslator(name, folder.joinpath(name).read_bytes(), app)
        app.installTranslator(translator)
        installed.append(translator)
    app.setProperty(INSTALLED_PROPERTY, language_code(language))
    return installed


def date_locale() -> str:
    """Babel's locale for the language installed: "id_ID" or "en_GB"."""
    english = QLocale().language() == QLocale.Language.English
    return BABEL_LOCALES["en" if english else "id"]
