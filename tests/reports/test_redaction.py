"""Quote redaction: names, phone numbers, emails, addresses, schools and dates are removed."""
import pytest

from voiceapp.reports.redaction import redact


@pytest.mark.parametrize("text, expected", [
    ("My social worker Sarah never rings me", "My social worker [name] never rings me"),
    ("Liam said he would call", "[name] said he would call"),
    ("and then Kevin said no", "and then [name] said no"),
    ("Mr Smith was kind", "[name] was kind"),
    ("ring me on 07700 900123 please", "ring me on [phone] please"),
    ("my number is +44 7700 900123", "my number is [phone]"),
    ("email me at kai.b@example.com", "email me at [email]"),
    ("I live at 12 Park Lane now", "I live at [address] now"),
    ("my postcode is LS6 2AB", "my postcode is [address]"),
    ("I moved to Harehills Road", "I moved to [address]"),
    ("I go to Leeds City Academy", "I go to [school]"),
    ("at St Mary's High School they help", "at [school] they help"),
    ("on 12/03/2026 nobody came", "on [date] nobody came"),
    ("since 3rd March 2025 I have waited", "since [date] I have waited"),
    ("in May 2026 I moved", "in [date] I moved"),
])
def test_identifying_details_are_replaced_by_a_label(text, expected):
    assert redact(text) == expected


def test_ordinary_words_and_places_are_kept():
    text = "I feel safe with my carer and my school is good. I like Leeds at Christmas."
    assert redact(text) == text


def test_a_message_with_everything_in_it_keeps_only_what_identifies_no_one():
    text = ("Hi I'm Aisha, my worker Tom at Bramley Primary School hasn't called me since 4 June. "
            "Text 07700900123 or write to aisha@mail.com, 3 Oak Street LS12 3AB.")
    assert redact(text) == ("Hi I'm [name], my worker [name] at [school] hasn't called me since [date]. "
                            "Text [phone] or write to [email], [address] [address].")


def test_an_unlisted_name_opening_a_sentence_is_left_for_the_approving_staff_member():
    # A capitalised first word may be any word; only listed first names are taken there. This is why
    # every quote needs a person's approval before it can appear.
    assert redact("Kevin said he would call") == "Kevin said he would call"
