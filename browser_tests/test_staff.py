"""Staff do their whole job in a real browser: a senior leader works a message through to closed, the duty
team acts on an alert, and a voice and influence officer approves a quote, records an action and builds and
downloads the report. Every staff page passes axe-core at 320 px and desktop; screenshots go to screenshots/."""
import re
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from browser_tests import staff_setup
from browser_tests.conftest import in_app
from browser_tests.test_accessibility_and_size import SERIOUS, WIDTHS
from voiceapp.auth.models import Role
from voiceapp.reports import periods


def current_period():
    return periods.containing(date.today()).label


def open_menu_item(page, name):
    """The staff menu, as a phone shows it: behind the Menu button."""
    page.wait_for_load_state("load")
    menu, link = page.get_by_role("button", name="Menu"), page.get_by_role("link", name=name, exact=True)
    if menu.is_visible() and not link.is_visible():
        menu.click()
    link.click()


def sign_in(page, email, password):
    page.goto("/staff/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="What is waiting")).to_be_visible()


def test_a_senior_leader_triages_assigns_acknowledges_replies_by_text_and_closes(page, server, screenshots):
    with in_app(server):
        email, password = staff_setup.staff_member(Role.SENIOR_LEADER)
        staff_setup.priority_lead("Priya Lead")
        message_id = staff_setup.message_by_text("My PA has not rung me back about my flat for three weeks")
    sign_in(page, email, password)
    page.goto(f"/staff/messages/{message_id}")
    expect(page.get_by_text("Yes, by text message")).to_be_visible()
    page.locator("input[name=themes]").first.check()
    page.get_by_role("button", name="Save priorities").click()
    page.get_by_label("Give it to").select_option(label="Priya Lead (Priority lead)")
    page.get_by_role("button", name="Give it to them").click()
    expect(page.get_by_text("Given to")).to_be_visible()
    page.get_by_label("Acknowledged").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("h1 .govuk-tag")).to_have_text("Acknowledged")
    reply = page.get_by_label("Your reply")
    reply.fill("I am sorry. I have asked your PA to ring you today about the flat.")
    expect(page.locator("[data-sms-counter-for=body]")).to_contain_text("1 text message")
    page.screenshot(path=screenshots / "staff-message-reply.en.png", full_page=True)
    page.get_by_role("button", name="Send reply").click()
    expect(page.locator("#thread ~ .app-thread__entry").last).to_contain_text("asked your PA to ring you")
    page.get_by_label("Closed").check()
    page.get_by_label("Outcome (needed to close)").select_option("resolved")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("h1 .govuk-tag")).to_have_text("Closed")
    page.goto("/staff/")
    expect(page.get_by_text("My PA has not rung me back")).to_have_count(0)


def test_the_duty_team_takes_on_an_alert_texts_the_young_person_and_closes_it(page, server, screenshots):
    with in_app(server):
        email, password = staff_setup.staff_member(Role.VOICE_OFFICER, "Dee Duty")
        alert_id = staff_setup.unsafe_alert()
    sign_in(page, email, password)
    page.locator(f"a[href='/staff/alerts/{alert_id}']").first.click()
    expect(page.get_by_text(re.compile(r"YP-[0-9A-F]{8}"))).to_be_visible()
    page.get_by_role("button", name="Take this on").click()
    page.get_by_label("Text them from the service's number").fill("Hi, it's Dee from Leeds Voice. Are you safe now? Reply or call 0113 000 0000.")
    page.get_by_role("button", name="Send text").click()
    expect(page.get_by_text("Your text is on its way")).to_be_visible()
    page.get_by_role("button", name="Show their number to call them").click()
    expect(page.locator("a[href^='tel:+447911']")).to_be_visible()
    page.get_by_label("What was done").fill("Texted and rang them; safe at their carer's tonight. Told their social worker.")
    page.get_by_role("button", name="Save what was done").click()
    page.screenshot(path=screenshots / "staff-alert-acted-on.en.png", full_page=True)
    page.get_by_role("button", name="Close the alert").click()
    expect(page.locator("h1 .govuk-tag")).to_have_text("Closed")


def test_a_voice_officer_approves_a_quote_records_an_action_and_downloads_the_report(page, server, screenshots):
    with in_app(server):
        email, password = staff_setup.staff_member(Role.VOICE_OFFICER, "Val Voice")
        staff_setup.proposed_quote("I want to see my brother more than once a month")
        period = current_period()
        staff_setup.council_priority(1, period)
    sign_in(page, email, password)
    open_menu_item(page, "Quotes")
    card = page.locator(".app-card", has_text="see my brother more")
    card.get_by_role("button", name="Approve").click()
    expect(page.locator(".app-card", has_text="see my brother more").get_by_text("Approved")).to_be_visible()
    open_menu_item(page, "You said, we did")
    page.get_by_label("What was done, or will be").fill("Family time with brothers and sisters offered every fortnight")
    page.get_by_label("Who is doing it").fill("Fostering service")
    page.get_by_label("The priority it answers").select_option(index=1)
    page.get_by_role("button", name="Record the action").click()
    expect(page.get_by_text("Family time with brothers and sisters offered every fortnight")).to_be_visible()
    open_menu_item(page, "Council priorities")
    mark = page.locator(".app-card", has_text="Have a Voice Council: priority 1").last
    mark.get_by_label("The action that answers it").select_option(
        label="Family time with brothers and sisters offered every fortnight (Fostering service)")
    mark.get_by_role("button", name="Link the action").click()
    expect(page.locator(".app-card", has_text="Have a Voice Council: priority 1").last).to_contain_text(
        "Family time with brothers and sisters")
    open_menu_item(page, "Report")
    page.get_by_label("Period").fill(period)
    page.get_by_role("button", name="Choose this period").click()
    with page.expect_download(timeout=120_000) as csv:     # building the report takes a while on a busy machine
        page.get_by_role("link", name="Download the figures as CSV").click()
    assert csv.value.suggested_filename.endswith(".csv")
    with page.expect_download(timeout=120_000) as pdf:
        page.get_by_role("link", name="Download as PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"


@pytest.fixture(scope="module")
def staff_pages(chromium, server):
    """(storage state of a signed-in voice officer, every staff page path with a record to show)."""
    with in_app(server):
        email, password = staff_setup.staff_member(Role.VOICE_OFFICER, "Axe Checker")
        alert_id = staff_setup.unsafe_alert()
        message_id = staff_setup.message_by_text("Nobody told me my review was moved")
        staff_setup.proposed_quote("My carer listens to me")
        staff_setup.council_priority(3, current_period())
    context = chromium.new_context(base_url=server[0])
    page = context.new_page()
    sign_in(page, email, password)
    page.goto("/staff/young-people")
    page.get_by_label("Care leaver").check()
    page.get_by_label("Age", exact=True).select_option("18-21")
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r"/staff/young-people/[0-9a-f-]{36}$"))
    person_path = re.search(r"/staff/young-people/[0-9a-f-]{36}", page.url).group(0)
    page.goto("/staff/meetings")
    page.get_by_label("Head of Service meeting").check()
    page.get_by_label("Which council").select_option("have_a_voice")   # a Head of Service meets one council
    page.get_by_label("Held on").fill("2026-11-20")
    page.get_by_label("Title").fill("Autumn meeting")
    page.get_by_label(re.compile("A question the young people raised")).fill("Why does my PA keep changing?")
    page.get_by_role("button", name="Record the meeting").click()
    page.wait_for_url(re.compile(r"/staff/meetings/[0-9a-f-]{36}$"))
    meeting_path = re.search(r"/staff/meetings/[0-9a-f-]{36}", page.url).group(0)
    page.goto("/staff/surveys")
    survey_path = page.locator("a[href^='/staff/surveys/']").first.get_attribute("href")
    state = context.storage_state()
    context.close()
    return state, ["/staff/", "/staff/alerts", f"/staff/alerts/{alert_id}", "/staff/messages",
                   f"/staff/messages/{message_id}", "/staff/quotes", "/staff/actions", "/staff/report",
                   "/staff/reply-templates", "/staff/surveys", survey_path, "/staff/young-people", person_path,
                   "/staff/accounts", "/staff/audit", "/staff/council-priorities", "/staff/meetings", meeting_path]


def _slug(path):
    return re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "id", re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-"))


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_no_staff_page_has_a_serious_or_critical_accessibility_violation_or_overflows(chromium, server, staff_pages,
                                                                                     screenshots, width):
    state, paths = staff_pages
    context = chromium.new_context(base_url=server[0], viewport=WIDTHS[width], storage_state=state)
    page = context.new_page()
    found, overflowing = {}, []
    for path in ["/staff/sign-in"] + paths:
        page.goto(path)
        violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
        if violations:
            found[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(path)
        if width == "phone":
            page.screenshot(path=screenshots / f"{_slug(path)}.320.en.png", full_page=True)
    context.close()
    print(f"\naxe-core staff {width}: {len(paths) + 1} pages, serious or critical: {found or 0}, overflowing: {overflowing}")
    assert found == {} and overflowing == []
