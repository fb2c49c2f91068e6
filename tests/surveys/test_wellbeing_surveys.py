"""`flask seed` adds the well-being surveys: versions for 10-12, 13-17 and care leavers, each in Arabic too."""
import pytest
import sqlalchemy as sa

from tests.factories import YoungPersonFactory
from voiceapp.auth.actors import SYSTEM
from voiceapp.extensions import db
from voiceapp.surveys import definitions
from voiceapp.surveys.models import Survey
from voiceapp.surveys.seed import seed_surveys

# Happy yesterday, life satisfaction, things worthwhile, positive about the future: worded for each age.
NATIONAL = ("happy did you feel yesterday", "with your life", "worth", ("future", "happen to you"))


@pytest.fixture
def seeded(app, clock):
    made = seed_surveys(actor=SYSTEM)
    return {s.key: s for s in made}


def prompts(survey):
    return [q.prompt for q in survey.versions[0].questions]


def test_seeding_adds_three_draft_surveys_once(seeded):
    assert sorted(seeded) == ["wellbeing-10-12", "wellbeing-13-17", "wellbeing-care-leavers"]
    assert all(s.published_version is None for s in seeded.values())
    assert seed_surveys(actor=SYSTEM) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Survey)) == 3


@pytest.mark.parametrize("key", ["wellbeing-10-12", "wellbeing-13-17", "wellbeing-care-leavers"])
def test_every_version_asks_the_four_national_well_being_questions_on_a_0_to_10_scale(seeded, key):
    scales = [q for q in seeded[key].versions[0].questions if q.kind.value == "scale"]
    assert len(scales) == 4 and all((q.scale_min, q.scale_max) == (0, 10) for q in scales)
    for words in NATIONAL:
        assert any(w in q.prompt for q in scales for w in ((words,) if isinstance(words, str) else words)), words


@pytest.mark.parametrize("key", ["wellbeing-10-12", "wellbeing-13-17", "wellbeing-care-leavers"])
def test_every_question_and_option_has_arabic(seeded, key):
    survey = seeded[key]
    assert survey.translations["ar"]["title"]
    for question in survey.versions[0].questions:
        arabic = question.translations["ar"]
        assert arabic["prompt"] and len(arabic.get("options", [])) == len(question.options)


def test_the_children_s_versions_ask_about_the_promise_and_why_they_are_in_care(seeded):
    for key in ("wellbeing-10-12", "wellbeing-13-17"):
        text = " ".join(prompts(seeded[key]))
        assert "explained what it means" in text and "why you are in care" in text


def test_the_care_leavers_version_asks_about_money_housing_staying_put_and_fun(seeded):
    survey = seeded["wellbeing-care-leavers"]
    text = " ".join(prompts(survey)) + " ".join(o for q in survey.versions[0].questions for o in q.options)
    assert survey.cohort.value == "care_leaver"
    for words in ("money", "live", "Staying Put", "Staying Close", "fun, new experiences and your own interests"):
        assert words in text


def test_each_young_person_is_offered_the_version_for_their_age(seeded, api_as):
    for survey in seeded.values():
        definitions.publish_survey(actor=SYSTEM, survey_id=survey.id)
    offered = {band: [s["title"] for s in api_as(young_person=YoungPersonFactory(age_band=band)).get(
        "/api/v1/me/surveys").json] for band in ("10-12", "16-17")}
    assert offered == {"10-12": ["How are things? (ages 10 to 12)"], "16-17": ["Your life, your say (ages 13 to 17)"]}


def test_a_worry_question_leads_to_the_free_text_only_when_answered_yes(seeded):
    questions = seeded["wellbeing-10-12"].versions[0].questions
    assert questions[-1].show_if == {"question": questions[-2].position, "answers": [1]}
