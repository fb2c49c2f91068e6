"""Phone numbers stay whole and in order on every page. After a page is rendered, every grouped number in its
text ("0113 000 0000", "0800 1111") is put in a no-wrap span, so "Childline 0800 1111" never breaks between
its groups on a 320 px phone; on a right-to-left page (Arabic, Farsi, Pashto, Sorani) it also gets a
left-to-right mark either side (voiceapp.i18n.numbers_in_order), wherever it came from: a catalog string, a
setting, a date. A number a template already isolates in <bdi dir="ltr"> ("999", "0800 1111") is kept whole
by the stylesheet (young.scss).

Only text between tags is touched: never a tag or an attribute, nor what a textarea, script or style
holds (a young person's own words in a textarea go back exactly as they typed them), nor a <bdi>."""
import re

from flask_babel import get_locale

from voiceapp.i18n import GROUPED_NUMBER, LRM, text_direction
from voiceapp.pages.blueprint import bp

NOWRAP = "app-nowrap"
# A <bdi> already isolates its text (templates wrap the numbers they know of: <bdi dir="ltr">0800 1111</bdi>).
_UNTOUCHED = re.compile(r"(<textarea\b.*?</textarea>|<script\b.*?</script>|<style\b.*?</style>|<bdi\b.*?</bdi>"
                        r"|<title\b.*?</title>|<!--.*?-->|<[^>]*>)", re.DOTALL | re.IGNORECASE)


def _kept_whole(text, right_to_left):
    mark = LRM if right_to_left else ""
    return GROUPED_NUMBER.sub(lambda m: f'<span class="{NOWRAP}">{mark}{m.group(0)}{mark}</span>', text)


def in_order(html, locale):
    """The page with the numbers in its text kept whole, and left to right in a right-to-left page."""
    right_to_left = text_direction(locale) == "rtl"
    pieces = _UNTOUCHED.split(html)
    return "".join(piece if i % 2 else _kept_whole(piece, right_to_left) for i, piece in enumerate(pieces))


@bp.after_app_request
def keep_numbers_whole(response):
    if response.mimetype != "text/html" or response.is_streamed or response.direct_passthrough:
        return response
    response.set_data(in_order(response.get_data(as_text=True), str(get_locale())))
    return response
