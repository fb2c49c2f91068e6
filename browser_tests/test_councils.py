"""A youth council member in a browser: signs in, reviews the themes, marks a priority, comments, sees what
leads did and the meetings, marks the report reviewed. Every council page has no serious or critical axe-core
violation at 320 px and desktop, English and Arabic, and is photographed at 390 px."""
import secrets
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_tests.conftest import in_app
from voiceapp.auth import services as auth
from voiceapp.auth.actors import SYSTEM
from voiceapp.auth.models import Council, Role
from voiceapp.reports.models import MeetingKind
from voiceapp.reports.services import meetings

PASSWORD = "a long council passphrase"
PAGES = ["/council/", "/council/themes", "/council/what-leads-did", "/council/figures", "/council/meetings",
         "/council/messages-to-you"]
WIDTHS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 900}}
SERIOUS = {"serious", "critical"}


def council_member(council=Council.HAVE_A_VOICE):
    user = auth.create_staff(actor=SYSTEM, email=f"{secrets.token_hex(4)}@example.org", display_name="Council member",
                             role=Role.COUNCIL_MEMBER, council=council, password=PASSWORD, age=17)
    return user.email


def a_meeting():
    meetings.record_meeting(actor=SYSTEM, kind=MeetingKind.HEAD_OF_SERVICE, council=Council.HAVE_A_VOICE,
                            held_on=date(2026, 11, 10), title="Autumn meeting with the Head of Service",
                            questions=[{"question": "Why do our workers change so often?",
                                        "answer": "We are hiring more social workers."},
                                       {"question": "Can every home have wifi?"}])


def sign_in(page, email):
    page.goto("/council/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture(scope="module")
def member_state(chromium, server):
    with in_app(server):
        email = council_member()
        a_meeting()
    context = chromium.new_context(base_url=server[0])
    page = context.new_page()
    sign_in(page, email)
    state = context.storage_state()
    context.close()
    return state


def test_a_council_member_reviews_themes_marks_a_priority_comments_and_marks_the_report_reviewed(page, server):
    with in_app(server):
        email = council_member(Council.CARE_LEAVERS)
    sign_in(page, email)
    assert page.get_by_role("heading", name="What young people told us").is_visible()
    page.get_by_role("link", name="Look at the themes, choose your priorities and comment").click()
    page.get_by_role("button", name="Mark Leaving care as your priority").click()
    assert page.locator("#theme-5").get_by_text("Your priority").is_visible()
    page.get_by_label("What is your comment about?").select_option(label="Leaving care")
    page.get_by_label("Your comment", exact=True).fill("Care leavers need help with rent deposits.")
    page.get_by_role("button", name="Add our comment").click()
    assert page.get_by_text("Care leavers need help with rent deposits.").is_visible()
    page.goto("/council/what-leads-did")      # on a phone the menu is behind its button
    assert page.get_by_text("No action yet").is_visible()
    page.goto("/council/")
    page.get_by_role("button", name="Our council has reviewed this report").click()
    assert page.get_by_text("Your council said it reviewed this report on").is_visible()


def test_a_council_member_sees_their_meetings_questions_and_answers(page, server, member_state, chromium):
    context = chromium.new_context(base_url=server[0], storage_state=member_state)
    meeting_page = context.new_page()
    meeting_page.goto("/council/meetings")
    assert meeting_page.get_by_text("We are hiring more social workers.").is_visible()
    assert meeting_page.get_by_text("Not answered yet").is_visible()
    context.close()


def test_the_pages_work_without_javascript(chromium, server, member_state):
    context = chromium.new_context(base_url=server[0], storage_state=member_state, java_script_enabled=False)
    page = context.new_page()
    page.goto("/council/themes")
    page.get_by_role("button", name="Mark Being heard as your priority").click()
    assert page.locator("#theme-3").get_by_text("Your priority").is_visible()
    context.close()


@pytest.mark.parametrize("language, width", [(language, width) for language in ("en", "ar") for width in sorted(WIDTHS)])
def test_no_council_page_has_a_serious_or_critical_accessibility_violation(chromium, server, member_state, language,
                                                                           width):
    found = {}
    for state, paths in ((None, ["/council/sign-in"]), (member_state, PAGES)):
        context = chromium.new_context(base_url=server[0], viewport=WIDTHS[width], storage_state=state)
        page = context.new_page()
        page.goto(f"/language/{language}")
        for path in paths:
            page.goto(path)
            violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
            if violations:
                found[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
        context.close()
    print(f"\naxe-core council {language} {width}: {len(PAGES) + 1} pages, serious or critical: {found or 0}")
    assert found == {}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_council_page_is_photographed_at_390_px(chromium, server, member_state, screenshots, language):
    context = chromium.new_context(base_url=server[0], viewport={"width": 390, "height": 844},
                                   storage_state=member_state)
    page = context.new_page()
    page.goto(f"/language/{language}")
    for path in PAGES:
        page.goto(path)
        name = "council-" + (path.strip("/").split("/", 1)[1:] or ["home"])[0]
        page.screenshot(path=str(screenshots / f"{name}.{language}.png"), full_page=True)
    overflowing = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert not overflowing


@pytest.mark.parametrize("language", ["fa", "ps", "ckb", "vi"])
def test_council_pages_in_farsi_pashto_sorani_and_vietnamese_fit_320_px_with_no_serious_violation(
        chromium, server, member_state, screenshots, language):
    context = chromium.new_context(base_url=server[0], viewport=WIDTHS["phone"], storage_state=member_state)
    page = context.new_page()
    page.goto(f"/language/{language}")
    found, overflowing = {}, []
    for path in PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
        if violations:
            found[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
        if page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(path)
        name = "council-" + (path.strip("/").split("/", 1)[1:] or ["home"])[0]
        page.screenshot(path=str(screenshots / f"{name}.320.{language}.png"), full_page=True)
    context.close()
    print(f"\naxe-core council {language} 320 px: {len(PAGES)} pages, serious or critical: {found or 0}, "
          f"overflowing: {overflowing}")
    assert found == {} and overflowing == []
