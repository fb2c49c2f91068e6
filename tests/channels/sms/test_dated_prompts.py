"""Texts that carry a date, rendered with real dates in every registered language and measured in segments
(issue #13): the Tell Us confirmation, survey invitations and reminders (with every seeded title in the
language), and the updates on a message. Dates are in the person's language, or as numbers where its names
would cost a segment or, in Albanian, force UCS-2 (languages.Language.sms_date)."""
from datetime import datetime, timezone

import pytest
from flask_babel import force_locale

from voiceapp import languages
from voiceapp.channels.sms import prompts
from voiceapp.i18n import numbers_in_order, sms_date
from voiceapp.messaging.segments import measure
from voiceapp.surveys import invitations
from voiceapp.surveys.seed import load
from voiceapp.tellus import wording

# A Monday in November and a Wednesday in December: Albanian spells both with ë (hën, nëntor, mër).
READ_BY = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)
ANSWER_BY = datetime(2026, 12, 2, 23, 30, tzinfo=timezone.utc)     # already the 2nd in London


def titles(code):
    return [row.get(f"{code}_title") or row["title"] for row in load()]


def confirmations(code):
    with force_locale(code):
        ack, response = sms_date(READ_BY, "EEE d MMM"), sms_date(ANSWER_BY, "EEE d MMM")
        return [numbers_in_order(prompts.render(prompts.TELLUS_THANKS_REPLY, ack=ack, response=response, ref="ABC123")),
                numbers_in_order(prompts.render(prompts.TELLUS_THANKS, ack=ack, ref="ABC123"))]


def survey_texts(code):
    with force_locale(code):
        closes = sms_date(ANSWER_BY, "d MMM")
        return [numbers_in_order(str(text) % {"title": title, "date": closes})
                for text in (invitations.INVITATION, invitations.REMINDER) for title in titles(code)]


def updates(code):
    # Also shown on the young person's web thread and in letters: the day and month are written out in full.
    with force_locale(code):
        return [numbers_in_order(wording.say(text, ref="ABC123", date=wording.day(ANSWER_BY)))
                for text in (wording.ACKNOWLEDGED, wording.SENT_TO_WORKER, wording.SENT_TO_TEAM)]


@pytest.mark.parametrize("code", languages.CODES)
def test_the_tell_us_confirmation_with_its_real_dates_fits_one_segment(app, code):
    with app.test_request_context():
        for text in confirmations(code):
            assert measure(text).segments == 1, (measure(text), text)


@pytest.mark.parametrize("code", languages.CODES)
def test_survey_invitations_and_reminders_with_a_closing_date_and_every_title_fit_two_segments(app, code):
    with app.test_request_context():
        for text in survey_texts(code) + updates(code):
            assert measure(text).segments <= 2, (measure(text), text)


def test_albanian_dates_are_numbers_so_its_texts_stay_gsm7(app):
    with app.test_request_context(), force_locale("sq"):
        assert (sms_date(READ_BY, "EEE d MMM"), sms_date(ANSWER_BY, "d MMM")) == ("23.11", "2.12")
    with app.test_request_context():
        for text in confirmations("sq") + survey_texts("sq"):
            assert measure(text).encoding == "GSM-7", text


def test_english_dates_keep_their_names_and_stay_gsm7(app):
    with app.test_request_context():
        thanks = confirmations("en")[0]
    assert "by Mon 23 Nov and answer you by Wed 2 Dec" in thanks and measure(thanks).encoding == "GSM-7"


@pytest.mark.parametrize("code, read_by", [("ar", "23/11"), ("fa", "23/11"), ("vi", "23/11"),
                                           ("ti", "ሰኑ 23 ሕዳ"), ("am", "ሰኞ 23 ኖቬም")])
def test_dates_are_written_the_person_s_language_s_way(app, code, read_by):
    with app.test_request_context():
        assert read_by in confirmations(code)[1]


def test_a_deadline_is_the_london_day(app):
    with app.test_request_context(), force_locale("en"):
        assert sms_date(datetime(2026, 6, 1, 23, 30, tzinfo=timezone.utc), "EEE d MMM") == "Tue 2 Jun"
