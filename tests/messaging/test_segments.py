"""Segment arithmetic, checked against hand-counted GSM-7 and UCS-2 examples."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voiceapp.messaging.segments import (
    GSM_BASIC, GSM_EXTENSION, Measure, encoding, filled_a_part, fits_one_segment, measure, segments,
)

ARABIC_LETTER = "ب"
EMOJI = "😀"  # outside the BMP: two UTF-16 code units


def test_the_gsm_tables_have_127_basic_characters_without_escape_and_10_extension_characters():
    assert len(GSM_BASIC) == 127 and "\x1b" not in GSM_BASIC
    assert GSM_EXTENSION == set("\f^{}\\[~]|€")


@pytest.mark.parametrize("text", ["Hello, how are you?", "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡¿§ÄÖÑÜäöñüà",
                                  "line\r\nbreak", "costs €5 {or} [so] ~ ^ | \\", ""])
def test_text_made_only_of_gsm_characters_is_gsm7(text):
    assert encoding(text) == "GSM-7"


@pytest.mark.parametrize("text", ["it’s", "“quoted”", "ok 👍", "مرحبا", "ç is not in GSM, only Ç", "back`tick",
                                  "\x1b", "e\u0301"])
def test_one_character_outside_gsm_makes_the_whole_message_ucs2(text):
    assert encoding(text) == "UCS-2"


@pytest.mark.parametrize("text, expected", [
    ("a" * 160, 1),
    ("a" * 161, 2),
    ("a" * 306, 2),
    ("a" * 307, 3),
    ("€" * 80, 1),          # 160 septets
    ("€" * 81, 2),          # 162 septets
    ("a" * 159 + "€", 2),   # 161 septets
    ("a" * 158 + "€", 1),   # 160 septets
])
def test_gsm7_fits_160_septets_in_one_segment_and_153_per_part_after_that(text, expected):
    assert segments(text) == expected


def test_an_extension_character_counts_as_two_septets():
    assert measure("€") == Measure("GSM-7", 2, 1)
    assert measure("{a}") == Measure("GSM-7", 5, 1)


def test_an_escape_pair_is_never_split_across_parts():
    # 152 + 2 + 152 = 306 septets: naive division says 2 parts, but € cannot straddle the 153 boundary.
    assert segments("a" * 152 + "€" + "a" * 152) == 3
    assert segments("a" * 151 + "€" + "a" * 153) == 2


@pytest.mark.parametrize("count, expected", [(70, 1), (71, 2), (134, 2), (135, 3)])
def test_arabic_fits_70_units_in_one_segment_and_67_per_part_after_that(count, expected):
    assert measure(ARABIC_LETTER * count) == Measure("UCS-2", count, expected)


def test_an_emoji_counts_as_two_utf16_units():
    assert measure(EMOJI) == Measure("UCS-2", 2, 1)
    assert segments(ARABIC_LETTER * 68 + EMOJI) == 1
    assert segments(ARABIC_LETTER * 69 + EMOJI) == 2


def test_an_emoji_at_the_67_unit_boundary_moves_whole_to_the_next_part():
    # Units 67 and 68 would hold the emoji's two halves, so part one stops at 66.
    assert segments(ARABIC_LETTER * 66 + EMOJI + ARABIC_LETTER * 66) == 3
    assert segments(ARABIC_LETTER * 65 + EMOJI + ARABIC_LETTER * 66) == 2


def test_one_curly_quote_turns_a_one_segment_message_into_two():
    assert segments("a" * 100 + "'") == 1
    assert segments("a" * 100 + "’") == 2


def test_empty_text_is_zero_segments_and_fits_one():
    assert measure("") == Measure("GSM-7", 0, 0)
    assert fits_one_segment("")


@pytest.mark.parametrize("text, fits", [("a" * 160, True), ("a" * 161, False), (ARABIC_LETTER * 70, True),
                                        (ARABIC_LETTER * 71, False), ("€" * 80, True), ("€" * 81, False)])
def test_fits_one_segment_follows_the_single_segment_limits(text, fits):
    assert fits_one_segment(text) is fits


@pytest.mark.parametrize("text", [
    "a" * 153,                          # a concatenated GSM-7 part
    "a" * 151 + "€",                    # 153 septets, the escape pair counted whole
    "a" * 152,                          # the next character was an escape pair, so the part stopped at 152
    "a" * 156,                          # not on a boundary, but as long as a part
    "a" * 160,                          # a phone that splits without headers sends whole 160s
    ARABIC_LETTER * 67,
    ARABIC_LETTER * 66,                 # the next character was an emoji
    ARABIC_LETTER * 70,
    "a" * 150, ARABIC_LETTER * 64,      # a few units short still counts: pieces do not always end on the boundary
])
def test_a_text_as_long_as_a_concatenated_part_filled_a_part(text):
    assert filled_a_part(text)


@pytest.mark.parametrize("text", ["", "2", "yes", "a" * 100, "a" * 149, ARABIC_LETTER * 40, ARABIC_LETTER * 63,
                                  "a" * 62 + "’"])
def test_a_text_shorter_than_a_part_did_not_fill_one(text):
    assert not filled_a_part(text)


@given(st.text(max_size=800))
def test_segments_are_never_fewer_than_the_units_allow_nor_wasteful(text):
    result = measure(text)
    single, per_part = (160, 153) if result.encoding == "GSM-7" else (70, 67)
    if result.units <= single:
        assert result.segments == (1 if text else 0)
    else:
        assert math.ceil(result.units / per_part) <= result.segments
        # At most one unit per boundary is wasted by moving a pair along.
        assert result.segments <= math.ceil(result.units / (per_part - 1))
