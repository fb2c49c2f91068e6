"""The young people's version is plain English (and the reader's own language): short sentences at a reading age of about 11."""
import re
from html import unescape

import pytest
import textstat

from voiceapp.auth.actors import SYSTEM
from voiceapp.reports.build import build_report
from voiceapp.reports.exports import render
from voiceapp.reports.services import actions
from voiceapp.reports.youth import young_peoples_version
from tests.reports.conftest import NOW


def visible_text(html):
    body = re.sub(r"(?s)<(style|title)>.*?</\1>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture
def young_text(hand_worked, period, clock):
    clock.move_to("2026-09-01 10:00Z")
    actions.record_action(actor=SYSTEM, what="Your social worker will now text you back within one day",
                          who="Head of Service", priority=3, status="done")
    report = young_peoples_version(build_report(period, now=NOW))
    return visible_text(render(report, "html").decode("utf-8"))


@pytest.fixture(autouse=True)
def syllables_by_hyphenation(monkeypatch):
    # textstat downloads the CMU dictionary on first use; with no network it counts syllables with its
    # bundled Pyphen hyphenation dictionaries instead, which is the same estimate for plain words.
    from textstat.backend.counts import _count_syllables
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
    _count_syllables.count_syllables.cache_clear()


def test_the_young_people_s_version_reads_at_about_age_11(young_text):
    # Flesch-Kincaid gives a US school grade; reading age is about grade + 5, so grade 6 is age 11.
    assert textstat.flesch_kincaid_grade(young_text) <= 6.5


def test_its_sentences_are_short(young_text):
    assert textstat.words_per_sentence(young_text) <= 14


def test_it_says_what_changed_and_what_c_means(young_text):
    assert "You said: Being heard. We did: Your social worker will now text you back within one day." in young_text
    assert "It means only a few people gave that answer" in young_text


@pytest.mark.parametrize("code", ["fa", "ar"])
def test_the_young_people_s_version_is_written_in_the_reader_s_language_right_to_left(app, hand_worked, period,
                                                                                      clock, code):
    from flask_babel import force_locale, gettext
    clock.move_to("2026-09-01 10:00Z")
    actions.record_action(actor=SYSTEM, what="Your social worker will now text you back within one day",
                          who="Head of Service", priority=3, status="done")
    with app.test_request_context(), force_locale(code):
        html = render(young_peoples_version(build_report(period, now=NOW)), "html").decode("utf-8")
        heading, did = gettext("What you told us"), gettext("You said: %(theme)s. We did: %(what)s.")
    with app.test_request_context(), force_locale("en"):
        english = render(young_peoples_version(build_report(period, now=NOW)), "html").decode("utf-8")
    assert "make sure you have lots of different people" in english and '<html lang="en" dir="ltr">' in english
    assert f'<html lang="{code}" dir="rtl">' in html
    assert f"<h1>{heading}</h1>" in html and heading != "What you told us"
    assert did.split("%(theme)s")[0] in html and "You said:" not in html
    assert "young people told us what they think" not in html and "What you talked about most" not in html
    assert period.describe() not in html       # the period in the reader's language too
    assert "make sure you have lots of different people" not in html     # the promise in its translation
