"""Every page, English and Arabic, at 320 px and at desktop width, and Farsi (a second right-to-left language
with its own catalog), Tigrinya and Amharic (Ethiopic script) at 320 px: no serious or critical axe-core violation.
Also writes a 390 px screenshot of every page to screenshots/ and prints what each page costs to download."""
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_tests import journeys
from browser_tests.conftest import in_app
from browser_tests.test_young_people import sign_in

ANONYMOUS = ["/", "/sign-in", "/sign-in/text", "/sign-in/text/code", "/unsafe", "/privacy", "/signed-out",
             "/tell-us?kind="]
WIDTHS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 900}}
SERIOUS = {"serious", "critical"}
SIZE_SCRIPT = """() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.reduce((sum, e) => sum + (e.transferSize || 0), 0);
}"""


@pytest.fixture(scope="module")
def signed_in_pages(chromium, server):
    """(storage state of a signed-in young person with a message, a reply and a survey, their page paths)."""
    with in_app(server):
        _person, code = journeys.invited_young_person()
        survey_id, _title = journeys.survey_of_every_question_type()
    context = chromium.new_context(base_url=server[0])
    page = context.new_page()
    sign_in(page, code)
    page.goto("/tell-us/write?kind=unhappy")
    page.get_by_label("Your message").fill("My social worker never rings back.")
    page.get_by_role("button", name="Send my message").click()
    message_id = re.search(r"/messages/([0-9a-f-]{36})", page.url).group(1)
    with in_app(server):
        journeys.staff_reply(message_id, "I am sorry. I will ring you today.")
    page.goto("/promise/1")
    page.get_by_label("Partly kept").check()
    page.get_by_role("button", name="Save and carry on").click()
    state = context.storage_state()
    context.close()
    paths = ["/home", "/promise", "/promise/1", "/promise/1/not-kept", "/promise/finish", "/promise/done", "/tell-us",
             "/tell-us/write?kind=promise_not_kept", "/tell-us/write?kind=praise", "/messages",
             f"/messages/{message_id}", f"/messages/{message_id}?sent=1", "/surveys", f"/surveys/{survey_id}",
             *[f"/surveys/{survey_id}/{n}" for n in range(1, 6)], f"/surveys/{survey_id}/check",
             f"/surveys/{survey_id}/sent", "/my-data", "/my-data/everything", "/my-data/delete-account", "/sign-out"]
    return state, paths


def _name(path, language):
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "start"
    slug = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "id", slug)
    return f"{slug}.{language}.png"


def _visit_all(chromium, server, paths, state, language, width):
    context = chromium.new_context(base_url=server[0], viewport=WIDTHS[width], storage_state=state)
    page = context.new_page()
    page.goto(f"/language/{language}")
    found = {}
    for path in paths:
        page.goto(path)
        violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
        if violations:
            found[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    context.close()
    return found


@pytest.mark.parametrize("language, width", [(language, width) for language in ("en", "ar") for width in sorted(WIDTHS)]
                         + [("fa", "phone"), ("ti", "phone"), ("am", "phone")])
def test_no_page_has_a_serious_or_critical_accessibility_violation(chromium, server, signed_in_pages, language,
                                                                   width):
    state, paths = signed_in_pages
    found = {**_visit_all(chromium, server, ANONYMOUS, None, language, width),
             **_visit_all(chromium, server, paths, state, language, width)}
    print(f"\naxe-core {language} {width}: {len(ANONYMOUS) + len(paths)} pages, serious or critical: {found or 0}")
    assert found == {}


@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_every_page_is_photographed_at_390_px_and_its_size_printed(chromium, server, signed_in_pages, screenshots,
                                                                   language):
    state, paths = signed_in_pages
    sizes = []
    for storage, listed in ((None, ANONYMOUS), (state, paths)):
        context = chromium.new_context(base_url=server[0], viewport={"width": 390, "height": 844},
                                       storage_state=storage)
        page = context.new_page()
        for index, path in enumerate(listed):
            # The first page of each browser comes through the language link (one small redirect), with
            # nothing cached: it carries the stylesheet and scripts; later pages find them in the cache.
            page.goto(f"/language/{language}?next={path}" if index == 0 else path)
            sizes.append((path, page.evaluate(SIZE_SCRIPT)))
            page.screenshot(path=str(screenshots / _name(path, language)), full_page=True)
        context.close()
    print(f"\ntransfer sizes ({language}), first page with an empty cache, then cached assets:")
    for path, size in sizes:
        print(f"  {size / 1024:7.1f} KB  {path}")
    assert all(size < 150 * 1024 for _path, size in sizes)
