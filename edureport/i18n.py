"""Messages in the reader's language: one gettext catalogue (edureport/locale), English as keys.

The command line speaks Chinese when the locale is Chinese (LC_ALL, LC_MESSAGES or LANG, in that
order, starting zh) or with ``--lang zh``; English otherwise. The library speaks English unless
:func:`set_language` is called. A message without a translation is printed in English, so a new
message never breaks anything; ``python scripts/messages.py`` brings the catalogue up to date.

The compiled catalogue (.mo) is committed beside its .po, so installing needs no build step; a
test checks that the two agree.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "edureport"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "zh")
_CATALOGUE = {"zh": "zh_CN"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` when the locale that governs messages is Chinese, else ``en``."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:  # the first one set decides, as in POSIX
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(language: str) -> None:
    """Speak ``language`` (``en`` or ``zh``) from now on."""
    global _translations, _language
    if language not in LANGUAGES:
        from .errors import InputError

        message = _("expected a language of {languages}, got {language!r}")
        raise InputError(message.format(languages=" or ".join(LANGUAGES), language=language))
    _language = language
    if language == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(
            DOMAIN, LOCALE_DIR, languages=[_CATALOGUE[language]], fallback=True
        )


def language() -> str:
    return _language


def _(message: str) -> str:
    """``message`` (its English text is its key) in the current language."""
    return _translations.gettext(message) if message else message


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is written; it is translated where shown."""
    return message
