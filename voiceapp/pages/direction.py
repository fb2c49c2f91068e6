"""Right-to-left pages keep phone numbers in order: after a page in Arabic, Farsi, Pashto or Sorani is
rendered, every grouped number in its text ("0113 000 0000", "0800 1111") gets a left-to-right mark either
side (voiceapp.i18n.numbers_in_order), wherever it came from: a catalog string, a setting, a date.

Only text between tags is touched: never a tag or an attribute, nor what a textarea, script or style
holds (a young person's own words in a textarea go back exactly as they typed them), nor a <bdi>."""
import re

from flask_babel import get_locale

from voiceapp.i18n import numbers_in_order, text_direction
from voiceapp.pages.blueprint import bp

# A <bdi> already isolates its text (templates wrap the numbers they know of: <bdi dir="ltr">0800 1111</bdi>).
_UNTOUCHED = re.compile(r"(<textarea\b.*?</textarea>|<script\b.*?</script>|<style\b.*?</style>|<bdi\b.*?</bdi>"
                        r"|<!--.*?-->|<[^>]*>)", re.DOTALL | re.IGNORECASE)


def in_order(html, locale):
    """The page with the numbers in its text kept left to right (the page must be right to left)."""
    pieces = _UNTOUCHED.split(html)
    return "".join(piece if i % 2 else numbers_in_order(piece, locale) for i, piece in enumerate(pieces))


@bp.after_app_request
def keep_numbers_in_order(response):
    if response.mimetype != "text/html" or response.is_streamed or response.direct_passthrough:
        return response
    locale = str(get_locale())
    if text_direction(locale) != "rtl":
        return response
    response.set_data(in_order(response.get_data(as_text=True), locale))
    return response
