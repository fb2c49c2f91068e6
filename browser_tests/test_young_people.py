"""A young person does everything by web in a real browser: sign in, the promise, Tell Us, a reply, a survey,
help, Arabic and their data."""
import re

import pytest

from playwright.sync_api import expect

from browser_tests import journeys
from browser_tests.conftest import EXIT_URL, in_app


def sign_in(page, code):
    page.goto("/sign-in")
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="What do you want to do?")).to_be_visible()


def test_a_young_person_signs_in_checks_every_promise_and_is_offered_tell_us(page, server):
    with in_app(server):
        _person, code = journeys.invited_young_person()
    sign_in(page, code)
    page.get_by_role("button", name="Check the promise").click()
    page.get_by_role("button", name="Start").click()
    total = int(re.search(r"of (\d+)", page.locator(".govuk-caption-m").inner_text()).group(1))
    for number in range(1, total + 1):
        expect(page.locator(".govuk-caption-m")).to_have_text(f"Promise {number} of {total}")
        page.get_by_label("No, not kept" if number == 2 else "Yes, kept").check()
        page.get_by_role("button", name="Save and carry on").click()
        if number == 2:
            expect(page.get_by_text("Your message goes to senior leaders")).to_be_visible()
            page.get_by_role("button", name="No, carry on").click()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you for checking the promise")).to_be_visible()


def test_a_promise_check_is_resumed_where_it_was_left(page, server):
    with in_app(server):
        _person, code = journeys.invited_young_person()
    sign_in(page, code)
    page.goto("/promise/1")
    page.get_by_label("Partly kept").check()
    page.get_by_role("button", name="Save and carry on").click()
    page.goto("/promise")
    page.get_by_role("button", name="Carry on").click()
    expect(page).to_have_url(re.compile(r"/promise/2$"))


def test_not_kept_leads_to_a_tell_us_message_and_a_staff_reply_arrives_in_the_thread(page, server):
    with in_app(server):
        _person, code = journeys.invited_young_person()
    sign_in(page, code)
    page.goto("/promise/1")
    page.get_by_label("No, not kept").check()
    page.get_by_role("button", name="Save and carry on").click()
    page.get_by_role("button", name="Yes, tell senior leaders").click()
    expect(page.locator("input[name=promise_id]:checked")).to_have_count(1)
    page.get_by_label("Your message").fill("Nobody asked me before my review.")
    page.get_by_role("button", name="Send my message").click()
    expect(page.get_by_text("Message sent")).to_be_visible()
    expect(page.locator("#next-step")).to_contain_text("will read your message by")
    message_id = re.search(r"/messages/([0-9a-f-]{36})", page.url).group(1)
    with in_app(server):
        journeys.staff_reply(message_id, "Thank you for telling us. I will ring you today.")
    page.goto(f"/messages/{message_id}")
    expect(page.get_by_text("I will ring you today.")).to_be_visible()


def test_a_survey_of_every_question_type_is_answered_left_and_resumed(page, server):
    with in_app(server):
        _person, code = journeys.invited_young_person()
        survey_id, title = journeys.survey_of_every_question_type()
    sign_in(page, code)
    page.goto(f"/surveys/{survey_id}")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Save and carry on").click()
    page.get_by_label("Children's home").check()
    page.get_by_role("button", name="Save and carry on").click()
    page.goto("/")                                    # leaves half way
    page.get_by_role("link", name=title).click()
    page.get_by_role("button", name="Carry on").click()
    expect(page).to_have_url(re.compile(rf"/surveys/{survey_id}/3$"))
    page.get_by_label("Carer").check()
    page.get_by_label("Teacher").check()
    page.get_by_role("button", name="Save and carry on").click()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Save and carry on").click()
    page.get_by_label(re.compile("Anything else")).fill("More trips out")
    page.get_by_role("button", name="Save and carry on").click()
    expect(page.get_by_text("Carer, Teacher")).to_be_visible()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("We have your answers.")).to_be_visible()


def test_i_dont_feel_safe_is_one_tap_without_signing_in_and_shows_999_and_childline(page):
    page.goto("/")
    page.get_by_role("button", name="I don't feel safe").click()
    expect(page.get_by_text("We have told our safety team")).to_be_visible()
    expect(page.get_by_role("link", name="999")).to_be_visible()
    expect(page.get_by_role("link", name="0800 1111")).to_be_visible()


def test_exit_this_page_leaves_for_a_neutral_site_and_back_does_not_return(page):
    page.goto("/privacy")
    page.goto("/")
    page.get_by_role("button", name=re.compile("Exit this page")).click()
    page.wait_for_url(EXIT_URL + "**")
    page.go_back()
    assert "/privacy" in page.url or page.url.startswith("about:")


def test_switching_to_arabic_writes_every_page_right_to_left(page, server):
    with in_app(server):
        _person, code = journeys.invited_young_person()
    sign_in(page, code)
    page.get_by_role("link", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    page.goto("/privacy")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main bdi[dir=ltr]", has_text="0800 1111")).to_be_visible()


def test_switching_to_farsi_writes_every_page_right_to_left_with_numbers_in_order(page, server):
    with in_app(server):
        _person, code = journeys.invited_young_person()
    sign_in(page, code)
    page.get_by_role("link", name="فارسی").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    page.goto("/privacy")
    expect(page.locator("main bdi[dir=ltr]", has_text="0800 1111")).to_be_visible()
    # Drawn left to right: the group 0800 is to the left of the group 1111 on the screen.
    box = page.locator("main bdi[dir=ltr]", has_text="0800 1111").first
    assert box.evaluate("""e => { const t = e.firstChild; const r = document.createRange();
        const s = t.textContent.indexOf('0800'), e2 = t.textContent.indexOf('1111');
        r.setStart(t, s); r.setEnd(t, s + 4); const a = r.getBoundingClientRect().left;
        r.setStart(t, e2); r.setEnd(t, e2 + 4); return a < r.getBoundingClientRect().left; }""")


def test_a_young_person_downloads_everything_we_hold(page, server):
    with in_app(server):
        _person, code = journeys.invited_young_person()
    sign_in(page, code)
    page.goto("/my-data")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download it as a file").click()
    assert download.value.suggested_filename == "my-voiceapp-data.json"
    page.get_by_role("button", name="See everything we hold").click()
    expect(page.get_by_role("heading", name="Everything we hold about you")).to_be_visible()


# Ethiopic letters against as many private-use characters no font draws: both come out as the same empty boxes
# when no Ethiopic font is installed (.ci/run installs fonts-sil-abyssinica).
DRAWN_IN_A_FONT = """text => {
  const span = document.createElement('span');
  span.style.cssText = 'position:absolute;white-space:nowrap;font:inherit';
  document.body.append(span);
  span.textContent = text; const letters = span.getBoundingClientRect().width;
  span.textContent = '\\ue000'.repeat([...text].length); const boxes = span.getBoundingClientRect().width;
  span.remove();
  return Math.abs(letters - boxes) > 1;
}"""


@pytest.mark.parametrize("native, code", [("ትግርኛ", "ti"), ("አማርኛ", "am")])
def test_tigrinya_and_amharic_pages_are_drawn_in_ethiopic_letters_on_a_320_px_phone(chromium, server, screenshots,
                                                                                   native, code):
    with in_app(server):
        _person, sign_in_code = journeys.invited_young_person()
    context = chromium.new_context(base_url=server[0], viewport={"width": 320, "height": 640})
    page = context.new_page()
    sign_in(page, sign_in_code)
    page.get_by_role("link", name=native).click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    for path in ("/home", "/promise", "/privacy", "/unsafe"):
        page.goto(path)
        heading = page.locator("h1").first.inner_text()
        assert any("\u1200" <= letter <= "\u137f" for letter in heading), (path, heading)
        assert page.evaluate(DRAWN_IN_A_FONT, heading), f"{path}: no font draws Ethiopic letters"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{path} is wider than the phone"
        page.screenshot(path=str(screenshots / f"{path.strip('/')}.{code}.320.png"), full_page=True)
    expect(page.get_by_text("0800 1111").first).to_be_visible()
    context.close()


# Every phone number a page isolates or keeps whole: each must sit on one line (one client rect).
NUMBERS_ON_ONE_LINE = """() => [...document.querySelectorAll('main bdi[dir=ltr], main .app-nowrap')]
  .filter(e => /\\d/.test(e.textContent))
  .map(e => [e.textContent.trim(), e.getClientRects().length])"""


@pytest.mark.parametrize("native, code", [("English", "en"), ("Tiếng Việt", "vi"), ("Shqip", "sq"), ("فارسی", "fa")])
def test_childline_999_and_our_number_never_break_across_lines_on_a_320_px_phone(chromium, server, screenshots,
                                                                                native, code):
    with in_app(server):
        _person, sign_in_code = journeys.invited_young_person()
    context = chromium.new_context(base_url=server[0], viewport={"width": 320, "height": 640})
    page = context.new_page()
    sign_in(page, sign_in_code)
    if code != "en":
        page.get_by_role("link", name=native).click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    for path in ("/privacy", "/unsafe"):
        page.goto(path)
        numbers = page.evaluate(NUMBERS_ON_ONE_LINE)
        assert any("0800 1111" in text for text, _lines in numbers), (path, numbers)
        assert all(lines == 1 for _text, lines in numbers), (path, numbers)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{path} is wider than the phone"
        page.screenshot(path=str(screenshots / f"{path.strip('/')}.{code}.nowrap.320.png"), full_page=True)
    context.close()
