"""Survey results by age band and voice group, through the same suppression as every figure."""
import pytest

from tests.factories import SurveyFactory
from tests.reports import builders as b
from voiceapp.people.models import AgeBand
from voiceapp.reports import periods
from voiceapp.reports.build import build_report
from voiceapp.reports.exports import render
from voiceapp.reports.youth import young_peoples_version

H1 = periods.parse("2026-H1")


@pytest.fixture
def survey_report(app):
    """24 aged 13-15 (18 yes, 6 no; 12 of them UASC), 12 aged 16-17 (10 yes, 2 no), 3 aged 10-12 with SEND."""
    survey = SurveyFactory()
    for i in range(24):
        young = b.person(age_band=AgeBand.AGE_13_15, groups=["unaccompanied_asylum_seeking"] if i < 12 else [])
        b.respond(young, survey, {4: 1 if i < 18 else 0, 3: [0, 1] if i < 20 else [2]})
    for i in range(12):
        b.respond(b.person(age_band=AgeBand.AGE_16_17), survey, {4: 1 if i < 10 else 0, 3: [0]})
    for _ in range(3):
        young = b.person(age_band=AgeBand.AGE_10_12, groups=["send"])
        b.respond(young, survey, {4: 1, 3: [3]})
    return build_report(H1)


def question(report, prompt):
    return next(q for q in report["surveys"] if q["prompt"] == prompt)


def shown(answers):
    return {a["label"]: (a["count"]["display"], a["share"]["display"]) for a in answers}


def test_a_band_s_2_noes_are_withheld_with_the_figures_that_would_give_them_away_across_the_tables(survey_report):
    # The cohort table prints 8 noes and 39 respondents in all: with 13-15's 6 noes shown, 8 - 6 would give
    # 16-17's 2 away, and 39 - 24 - 12 the 10-12 band's 3; so those are withheld too.
    plan = question(survey_report, "Do you know your plan?")
    assert plan["options"][1]["all"]["count"]["display"] == "8" and plan["respondents"]["all"]["display"] == "39"
    bands = plan["by_group"]["age_band"]
    assert bands["13-15"]["respondents"]["display"] == "24"
    assert shown(bands["13-15"]["answers"]) == {"Yes": ("c", "c"), "No": ("c", "c")}
    assert bands["16-17"]["respondents"]["display"] == "c"
    assert shown(bands["16-17"]["answers"]) == {"Yes": ("c", "c"), "No": ("c", "c")}
    assert bands["10-12"]["respondents"]["display"] == "c"


def test_a_voice_group_of_3_is_withheld_and_an_empty_one_has_no_share(survey_report):
    groups = question(survey_report, "Do you know your plan?")["by_group"]["voice_group"]
    assert groups["send"]["respondents"]["display"] == "c"
    assert shown(groups["send"]["answers"])["Yes"] == ("c", "c")
    assert groups["residential_home"]["respondents"]["display"] == "0"
    assert shown(groups["residential_home"]["answers"])["Yes"] == ("0", "z")
    uasc = groups["unaccompanied_asylum_seeking"]
    assert uasc["respondents"]["display"] == "12" and shown(uasc["answers"])["Yes"] == ("12", "100%")


def test_ticked_options_by_group_are_shares_of_the_group_s_respondents(survey_report):
    bands = question(survey_report, "Who helps you?")["by_group"]["age_band"]
    assert shown(bands["13-15"]["answers"]) == {"Carer": ("20", "83%"), "Social worker": ("20", "83%"),
                                                "Teacher": ("c", "c"), "Friends": ("0", "0%")}
    # 39 answered in all, so 16-17's 12 respondents would give 10-12's 3 away: withheld, and with them
    # the share of its 12 carers.
    assert bands["16-17"]["respondents"]["display"] == "c"
    assert shown(bands["16-17"]["answers"])["Carer"] == ("12", "c")


def test_the_board_report_shows_the_survey_breakdowns_in_html_and_csv(survey_report):
    html = render(survey_report, "html").decode()
    assert "Do you know your plan? by age band" in html and "Unaccompanied asylum seeking" in html
    csv = render(survey_report, "csv").decode()
    assert "by_group / voice_group / unaccompanied_asylum_seeking" in csv


def test_the_young_people_s_version_gives_survey_lines_only_from_figures_shown(survey_report):
    version = young_peoples_version(survey_report)
    assert "Of 39 of you who answered \"Do you know your plan?\", 79% said Yes." in version["survey_lines"]
    plan = question(version, "Do you know your plan?")
    assert plan["by_group"]["age_band"]["16-17"]["answers"][0]["share"]["display"] == "c"
    assert "Do you know your plan?" in render(version, "html").decode()
