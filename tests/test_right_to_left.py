"""Right to left on every page (ar, fa, ps, ckb) with phone numbers kept in order (issue #13)."""
from importlib import resources

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


NOWRAP = '<span class="app-nowrap">'


def test_only_text_between_tags_is_touched_never_attributes_or_what_a_young_person_typed():
    html = ('<p>اتصل 0113 000 0000</p><input value="0113 000 0000">'
            '<textarea name="body">my number 07700 900123</textarea><p>+44 7700 900123</p>'
            '<bdi dir="ltr">0800 1111</bdi><title>0113 000 0000</title>')
    assert in_order(html, "ar") == (f'<p>اتصل {NOWRAP}{LRM}0113 000 0000{LRM}</span></p><input value="0113 000 0000">'
                                    '<textarea name="body">my number 07700 900123</textarea>'
                                    f'<p>{NOWRAP}{LRM}+44 7700 900123{LRM}</span></p><bdi dir="ltr">0800 1111</bdi>'
                                    '<title>0113 000 0000</title>')


def test_in_a_left_to_right_page_a_phone_number_is_kept_whole_without_marks():
    html = '<p>Childline 0800 1111, or us on 0113 000 0000.</p><a href="tel:08001111">0800 1111</a>'
    assert in_order(html, "en") == (f'<p>Childline {NOWRAP}0800 1111</span>, or us on {NOWRAP}0113 000 0000</span>.</p>'
                                    f'<a href="tel:08001111">{NOWRAP}0800 1111</span></a>')


@pytest.mark.parametrize("code", ["en", "vi", "sq", "ti", "am", "ar", "fa"])
def test_on_every_page_childline_999_and_our_number_never_break_across_lines(client, code):
    page = client.get("/privacy", headers={"Accept-Language": code}).get_data(as_text=True)
    text = page.replace(LRM, "")
    assert '<bdi dir="ltr">0800 1111</bdi>' in text and '<bdi dir="ltr">999</bdi>' in text
    assert '<bdi dir="ltr">0113 000 0000</bdi>' in text or f"{NOWRAP}0113 000 0000</span>" in text
    bare = text.replace('<bdi dir="ltr">0800 1111</bdi>', "").replace(f"{NOWRAP}0800 1111</span>", "")
    assert "0800 1111" not in bare.split("<body", 1)[1]


def test_the_stylesheet_keeps_isolated_and_grouped_numbers_on_one_line():
    css = resources.files("voiceapp").joinpath("static", "build", "young.css").read_text("utf-8")
    assert 'bdi[dir=ltr]{unicode-bidi:isolate;white-space:nowrap}' in css.replace('"', "")
    assert ".app-nowrap{white-space:nowrap}" in css


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
