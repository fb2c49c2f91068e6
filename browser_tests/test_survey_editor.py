"""The voice team writes a survey in a real browser: a refused first try with the reason beside the field, the
first question with its Arabic words, a question asked only after an earlier answer, a move, a change, a
removal, publishing, changing the title and dates (a refused closing date first) and closing. Each page passes axe-core at 320 px and desktop; screenshots go to screenshots/."""
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from browser_tests import staff_setup
from browser_tests.conftest import in_app
from browser_tests.test_accessibility_and_size import SERIOUS, WIDTHS
from browser_tests.test_staff import sign_in
from voiceapp.auth.models import Role


def _checked(page, name, found):
    """axe-core at 320 px and desktop on the page as it is, no page wider than the screen; a 320 px screenshot."""
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        violations = [(v["id"], len(v["nodes"])) for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
        if violations or page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            found[f"{name} {width}"] = violations or "overflows"
        if width == "phone":
            page.screenshot(path=found["_screenshots"] / f"staff-survey-{name}.320.en.png", full_page=True)


def _card(page, number):
    return page.locator(".govuk-summary-card").nth(number - 1)


def test_a_voice_officer_writes_a_survey_question_by_question_publishes_and_closes_it(page, server, screenshots):
    with in_app(server):
        email, password = staff_setup.staff_member(Role.VOICE_OFFICER, "Survey Writer")
    found = {"_screenshots": screenshots}
    sign_in(page, email, password)
    page.goto("/staff/surveys")
    page.get_by_role("button", name="New survey").click()
    page.get_by_label("Title", exact=True).fill("Your school")
    page.get_by_label("Child in care").check()
    page.get_by_label("13 to 15").check()
    page.get_by_label("SEND").check()
    page.get_by_label("Opens (UK time)").fill("2027-01-04T09:00")
    page.get_by_label("Closes (UK time)").fill("2027-02-01T17:00")
    page.get_by_label("Question", exact=True).fill("Do you like school?")
    page.get_by_label("One option from a list").check()
    page.get_by_label("Options (choice questions only)").fill("Yes")
    page.get_by_role("button", name="Create the draft survey").click()
    expect(page.get_by_role("alert")).to_contain_text("Choices need options")
    expect(page.locator("#options-error")).to_contain_text("Choices need options")
    _checked(page, "new-refused", found)

    page.get_by_label("Options (choice questions only)").fill("Yes\nSometimes\nNo")
    page.get_by_text("The question in other languages").click()
    page.get_by_label("Question in Arabic").fill("هل تحب المدرسة؟")
    page.get_by_label("Options in Arabic, one on each line").fill("نعم\nأحيانا\nلا")
    page.get_by_role("button", name="Create the draft survey").click()
    page.wait_for_url(re.compile(r"/staff/surveys/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", name="Your school")).to_be_visible()
    expect(_card(page, 1)).to_contain_text("English, Arabic")

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Question", exact=True).fill("What would make school better?")
    page.get_by_label("Their own words").check()
    page.get_by_label("No", exact=True).check()
    _checked(page, "question", found)
    page.get_by_role("button", name="Save the question").click()
    expect(_card(page, 2)).to_contain_text("when question 1 is answered No")

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Question", exact=True).fill("Do you have a quiet place for homework?")
    page.get_by_label("Yes or no").check()
    page.get_by_role("button", name="Save the question").click()
    page.get_by_role("button", name="Move up question 3").click()
    expect(_card(page, 2)).to_contain_text("quiet place for homework")
    expect(_card(page, 3)).to_contain_text("when question 1 is answered No")   # the rule follows question 1

    page.get_by_role("link", name="Change question 2").click()
    page.get_by_label("Question", exact=True).fill("Do you have a quiet place to do homework?")
    page.get_by_role("button", name="Save the question").click()
    expect(_card(page, 2)).to_contain_text("a quiet place to do homework")
    page.get_by_role("button", name="Remove question 1").click()
    expect(page.get_by_role("alert")).to_contain_text("change or remove that question first")
    page.get_by_role("button", name="Remove question 2").click()
    expect(page.locator(".govuk-summary-card")).to_have_count(2)

    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Published")
    _checked(page, "survey", found)

    page.get_by_role("link", name="Change survey details").click()
    page.get_by_label("Closes (UK time)").fill("2027-01-01T17:00")
    page.get_by_role("button", name="Save the details").click()
    expect(page.get_by_role("alert")).to_contain_text("A survey must close after it opens")
    expect(page.locator("#closes_at-error")).to_contain_text("A survey must close after it opens")
    _checked(page, "details-refused", found)
    page.get_by_label("Title", exact=True).fill("Your school life")
    page.get_by_label("Opens (UK time)").fill("2027-01-11T09:00")
    page.get_by_label("Closes (UK time)").fill("2027-02-08T17:00")
    page.get_by_role("button", name="Save the details").click()
    expect(page.get_by_role("heading", name="Your school life")).to_be_visible()
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Mon 11 Jan 2027, 09:00 to Mon 8 Feb 2027, 17:00")
    page.get_by_role("link", name="Change survey details").click()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Your school life")
    _checked(page, "details", found)
    page.get_by_role("link", name="Back to the survey").click()
    page.get_by_role("button", name="Close it now").click()
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Closed")
    del found["_screenshots"]
    print(f"\naxe-core survey editor: 5 pages at 320 px and desktop, serious or critical: {found or 0}")
    assert found == {}
