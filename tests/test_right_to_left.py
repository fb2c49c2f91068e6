"""Right to left on every page (ar, fa, ps, ckb) with phone numbers kept in order (issue #13)."""
import pytest

from voiceapp import languages
from voiceapp.pages.direction import in_order

LRM = "\u200e"


@pytest.mark.parametrize("code", ["ar", "fa", "ps", "ckb"])
def test_the_privacy_notice_is_right_to_left_with_phone_numbers_in_order(client, code):
    page = client.get("/privacy", headers={"Accept-Language": code}).get_data(as_text=True)
    assert f'lang="{code}" dir="rtl"' in page
    assert '<bdi dir="ltr">0800 1111</bdi>' in page and '<bdi dir="ltr">0113 000 0000</bdi>' in page
    assert "0800 1111" not in page.replace('<bdi dir="ltr">0800 1111</bdi>', "").replace(f"{LRM}0800 1111{LRM}", "")


@pytest.mark.parametrize("code", ["en", "vi", "sq", "ti", "am"])
def test_left_to_right_pages_carry_no_marks(client, code):
    page = client.get("/privacy", headers={"Accept-Language": code}).get_data(as_text=True)
    assert 'dir="ltr"' in page and LRM not in page and "0113 000 0000" in page


def test_only_text_between_tags_is_touched_never_attributes_or_what_a_young_person_typed():
    html = ('<p>اتصل 0113 000 0000</p><input value="0113 000 0000">'
            '<textarea name="body">my number 07700 900123</textarea><p>+44 7700 900123</p>'
            '<bdi dir="ltr">0800 1111</bdi>')
    assert in_order(html, "ar") == (f'<p>اتصل {LRM}0113 000 0000{LRM}</p><input value="0113 000 0000">'
                                    '<textarea name="body">my number 07700 900123</textarea>'
                                    f'<p>{LRM}+44 7700 900123{LRM}</p><bdi dir="ltr">0800 1111</bdi>')


def test_option_numbers_and_ranges_are_left_to_the_text_s_direction():
    assert in_order("<p>1 10-12، 2 13-15 999</p>", "ar") == "<p>1 10-12، 2 13-15 999</p>"


def test_the_language_switcher_offers_every_language_offered_in_its_own_script(app, client):
    page = client.get("/privacy").get_data(as_text=True)
    for code in app.config["LANGUAGES"][1:]:
        language = languages.BY_CODE[code]
        assert (f'lang="{code}" hreflang="{code}" dir="{language.direction}">{language.native}</a>') in page


@pytest.mark.parametrize("code", languages.CODES)
def test_choosing_a_language_shows_the_pages_in_it_once_its_catalog_is_there(app, client, code):
    if code not in app.config["LANGUAGES"]:
        assert client.get(f"/language/{code}?next=/privacy").status_code == 404
        return
    assert client.get(f"/language/{code}?next=/privacy").status_code == 303
    page = client.get("/privacy").get_data(as_text=True)
    assert f'lang="{code}" dir="{languages.get(code).direction}"' in page


def test_keeping_numbers_in_order_twice_adds_no_second_mark():
    from voiceapp.i18n import numbers_in_order
    once = numbers_in_order("اتصل 0113 000 0000", "ar")
    assert numbers_in_order(once, "ar") == once == f"اتصل {LRM}0113 000 0000{LRM}"
