"""Every figure of the report checked against the hand-worked data set in conftest.py.

Suppression (DfE rule): counts 1-5 are withheld ("c"), zeros are shown, and enough other cells are
withheld that no withheld count can be worked out from a published total. No percentage for under 10.
"""


def shown(figures):
    return {k: f["display"] for k, f in figures.items()}


def promise_row(report, promise):
    return next(p for p in report["promises"] if p["id"] == str(promise.id))


# --- participation: 79 checked the promise, 20 sent messages, 10 answered the survey --------------------------

def test_participation_counts_each_young_person_once_by_cohort_age_and_channel(report):
    part = report["participation"]
    assert part["total"]["display"] == "109"
    assert shown(part["cohort"]["cells"]) == {"child_in_care": "94", "care_leaver": "15"}
    assert part["age_band"]["cells"]["18-21"]["display"] == "15"
    assert shown(part["channel"]["cells"]) == {"web": "97", "sms": "12", "voice": "0"}
    assert shown(part["activity"]["cells"]) == {"promise_check": "79", "tell_us": "20", "survey": "10"}


def test_a_voice_group_of_3_is_withheld(report):
    groups = report["participation"]["voice_group"]["cells"]
    assert groups["unaccompanied_asylum_seeking"] == {"value": None, "display": "c"}
    assert groups["send"] == {"value": 0, "display": "0"}


# --- the promise ----------------------------------------------------------------------------------------------
# Counts by promise (kept, partly, not kept, don't know):  P0 12 4 0 6 | P1 0 0 7 0 | P2 20 5 10 15.
# The 4 and the 5 are withheld; each row then gives up its smallest other count (P0's 6, P2's 10); the
# not-kept and don't-know columns each give up one more (P1's 7, P2's 15); P1's row then has only its
# total left to hide, and the totals column gives up P0's 22 beside it. Column totals stay published.

def test_promise_counts_are_suppressed_with_secondary_cells(report, hand_worked):
    p0, p1, p2 = (promise_row(report, p) for p in hand_worked["promises"][:3])
    assert (shown(p0["counts"]), p0["n"]["display"]) == (
        {"kept": "12", "partly": "c", "not_kept": "0", "dont_know": "c"}, "c")
    assert (shown(p1["counts"]), p1["n"]["display"]) == (
        {"kept": "0", "partly": "0", "not_kept": "c", "dont_know": "0"}, "c")
    assert (shown(p2["counts"]), p2["n"]["display"]) == (
        {"kept": "20", "partly": "c", "not_kept": "c", "dont_know": "c"}, "50")
    assert shown(report["totals"]["counts"]) == {"kept": "32", "partly": "9", "not_kept": "17", "dont_know": "21"}
    assert report["totals"]["n"]["display"] == "79"


def test_no_percentage_rests_on_a_withheld_count_or_total(report, hand_worked):
    p0, p1, p2 = (promise_row(report, p) for p in hand_worked["promises"][:3])
    assert set(shown(p0["shares"]).values()) == {"c"}
    assert set(shown(p1["shares"]).values()) == {"c"}
    assert shown(p2["shares"]) == {"kept": "40%", "partly": "c", "not_kept": "c", "dont_know": "c"}


def test_the_kept_share_has_a_95_percent_wilson_interval(report, hand_worked):
    p2 = promise_row(report, hand_worked["promises"][2])
    assert p2["kept_interval"] == {"low": 27.6, "high": 53.8}
    assert promise_row(report, hand_worked["promises"][0])["kept_interval"] is None


def test_a_rise_from_15_to_40_percent_kept_is_more_than_chance(report, hand_worked):
    # 6 of 40 then, 20 of 50 now: pooled 26/90, z = 2.60, p = 0.009.
    p2 = promise_row(report, hand_worked["promises"][2])
    assert p2["previous"]["kept_share"]["display"] == "15%"
    assert p2["change"] == {"value": 25.0, "display": "+25.0 points (more than chance)", "significant": True}


def test_a_promise_nobody_rated_shows_zero_and_no_percentage(report, hand_worked):
    p5 = promise_row(report, hand_worked["promises"][5])
    assert p5["n"]["display"] == "0" and p5["shares"]["kept"]["display"] == "z"


# --- Tell Us, We Care -------------------------------------------------------------------------------------------

def test_messages_by_kind_add_up_to_the_published_total(report):
    kinds = report["tellus"]["by_kind"]
    assert shown(kinds["cells"]) == {"promise_not_kept": "0", "unhappy": "12", "praise": "8"}
    assert kinds["total"]["display"] == "20"
    assert shown(kinds["shares"]) == {"promise_not_kept": "0%", "unhappy": "60%", "praise": "40%"}


def test_messages_by_theme(report):
    assert report["tellus"]["by_theme"]["cells"]["3"]["display"] == "12"
    assert report["tellus"]["by_theme"]["cells"]["1"]["display"] == "0"


def test_the_tell_us_table_and_the_themes_table_give_the_same_figure_for_every_priority(report):
    from_themes = {str(t["number"]): t["by_source"]["tell_us"] for t in report["themes"]}
    assert report["tellus"]["by_theme"]["cells"] == from_themes
    assert from_themes["6"]["display"] == "6"   # matched by keyword, not tagged by staff


def test_acknowledged_in_time_hides_2_late_and_the_18_that_would_give_them_away(report):
    ack = report["tellus"]["acknowledged"]
    assert shown(ack["cells"]) == {"on_time": "c", "late": "c", "not_yet_due": "0"}
    assert ack["total"]["display"] == "20"
    assert ack["on_time_share"]["display"] == "c"
    # The median and 90th percentile of 20 answers would tell readers where the late ones start.
    assert (ack["times"]["median"]["display"], ack["times"]["p90"]["display"]) == ("c", "c")


def test_answered_in_time_with_median_and_90th_percentile_in_working_days(report):
    # Answered in 0 (x8), 1-6 and 11-15 working days; one never answered and now overdue.
    answered = report["tellus"]["answered"]
    assert shown(answered["cells"]) == {"on_time": "14", "late": "6", "not_yet_due": "0"}
    assert answered["on_time_share"]["display"] == "70%"
    assert answered["times"]["median"]["value"] == 2
    assert answered["times"]["p90"]["value"] == 13.2


def test_praise_is_counted_but_who_was_praised_stays_out_in_the_young_person_s_words(report):
    praise = report["tellus"]["praise"]
    assert praise["messages"]["display"] == "8"
    assert "teams" not in praise and "Fostering" not in str(report)


def test_last_period_s_5_messages_are_withheld(report):
    assert report["tellus"]["previous_total"]["display"] == "c"


# --- themes -----------------------------------------------------------------------------------------------------
# 2 Stable homes: 6 promise comments (the promise's theme) + 7 survey answers ("placement").
# 3 Being heard: 12 messages tagged by staff.  6 Fun: 6 praise messages + 6 comments ("football").
# 5 Leaving care: 3 survey answers ("money"), withheld.

def test_themes_are_ranked_by_times_raised_with_withheld_and_unraised_ones_unranked(report):
    ranked = [(t["number"], t["mentions"]["display"], t["rank"]) for t in report["themes"]]
    assert ranked == [(2, "13", 1), (3, "12", 2), (6, "12", 3), (5, "c", None), (1, "0", None), (4, "0", None)]


def test_each_piece_of_writing_counts_once_per_theme_by_source(report):
    themes = {t["number"]: t for t in report["themes"]}
    assert shown(themes[2]["by_source"]) == {"tell_us": "0", "promise_comment": "6", "survey": "7"}
    assert shown(themes[6]["by_source"]) == {"tell_us": "6", "promise_comment": "6", "survey": "0"}
    assert themes[6]["people"]["display"] == "12"


def test_theme_trend_against_last_period(report):
    themes = {t["number"]: t for t in report["themes"]}
    assert themes[6]["trend"] == {"value": 12, "display": "+12", "direction": "up"}
    assert themes[3]["previous_mentions"]["display"] == "c" and themes[3]["trend"]["display"] == "c"


# --- surveys -------------------------------------------------------------------------------------------------------

def survey_question(report, prompt):
    return next(q for q in report["surveys"] if q["prompt"] == prompt)


def test_a_group_of_7_who_all_said_yes_gets_no_percentage(report):
    question = survey_question(report, "Do you know your plan?")
    yes = question["options"][0]
    assert yes["label"] == "Yes"
    assert yes["by_cohort"]["child_in_care"]["share"]["display"] == "c"
    assert question["respondents"]["all"]["display"] == "10"


def test_multiple_choice_options_are_shares_of_those_who_answered(report):
    question = survey_question(report, "Who helps you?")
    carer = question["options"][0]
    assert carer["by_cohort"]["child_in_care"]["count"]["display"] == "7"
    assert carer["by_cohort"]["child_in_care"]["share"]["display"] == "c"   # 7 answered: under 10
    assert carer["by_cohort"]["care_leaver"]["count"]["display"] == "c"


def test_free_text_answers_are_counted_not_shown(report):
    question = survey_question(report, "Anything else?")
    assert question["written_answers"]["display"] == "10"
    assert "My placement is ok" not in str(report)
