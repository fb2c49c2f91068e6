"""Staff see which of the languages young people are offered no fluent speaker has checked yet."""
from flask import current_app

from voiceapp import languages
from voiceapp.staff_pages.blueprint import bp


@bp.context_processor
def unreviewed_languages():
    codes = languages.unreviewed(tuple(current_app.config["LANGUAGES"]))
    return {"unreviewed_languages": [languages.BY_CODE[code].english for code in codes]}
