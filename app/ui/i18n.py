"""Interface language: Qt translators for widget strings, `app.texts` for service messages.

Source strings in `app/ui` are English inside `tr()`; `resources/i18n/loket_id.qm` holds the
Indonesian translation. Indonesian is the default; "en" loads no translator. Both layers
switch together so a refusal from a service reads in the same language as the window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app import texts

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
I18N_DIR = RESOURCES / "i18n"
# Our own strings, then the few Qt built-in strings a clerk can see (context menus, buttons).
CATALOGUES = ("loket", "qt_extra")

_installed: list[QTranslator] = []
_language = "id"


def apply_language(lang: str) -> str:
    """Switch widgets built from now on, and service messages, to `lang` ("id" or "en")."""
    global _language
    lang = lang if lang in texts.LANGUAGES else "id"
    texts.set_language(lang)
    QLocale.setDefault(locale_for(lang))
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        if lang != "en":
            for name in CATALOGUES:
                translator = QTranslator(app)
                path = I18N_DIR / f"{name}_{lang}.qm"
                if translator.load(str(path)):
                    app.installTranslator(translator)
                    _installed.append(translator)
                else:
                    log.warning("translation file %s could not be loaded", path)
    _language = lang
    return lang


def current_language() -> str:
    return _language


def locale_for(lang: str) -> QLocale:
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
