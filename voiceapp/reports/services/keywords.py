"""Keyword rules that count free text under a theme: listed, added, changed and removed by the voice team."""
from importlib import resources

import sqlalchemy as sa
import yaml
from flask import current_app
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, transaction
from voiceapp.errors import Conflict, Invalid
from voiceapp.extensions import db
from voiceapp.promises import services as promises
from voiceapp.promises.models import StrategicPriority
from voiceapp.reports.models import ThemeKeywordRule
from voiceapp.reports.services import mentions


def list_rules():
    return db.session.scalars(sa.select(ThemeKeywordRule).join(StrategicPriority)
                              .order_by(StrategicPriority.number, ThemeKeywordRule.language,
                                        ThemeKeywordRule.keyword)).all()


def _normal(keyword):
    return " ".join(keyword.lower().split())


def _language(language):
    """A rule's language must be one the service speaks (the languages young people can choose)."""
    if language not in current_app.config["LANGUAGES"]:
        raise Invalid(_l("Choose one of the service's languages"), field="language",
                      reason=f"one of {', '.join(current_app.config['LANGUAGES'])}")
    return language


def _refuse_duplicate(priority_id, keyword, language, exclude=None):
    query = sa.select(ThemeKeywordRule.id).where(ThemeKeywordRule.priority_id == priority_id,
                                                 ThemeKeywordRule.language == language,
                                                 ThemeKeywordRule.keyword == keyword)
    if exclude:
        query = query.where(ThemeKeywordRule.id != exclude)
    if db.session.scalar(query):
        raise Conflict(_l("That keyword is already a rule for this theme"), field="keyword",
                       reason="already a rule for this theme")


def add_rule(*, actor, priority, keyword, language="en", is_active=True):
    """Count free text containing the words of `keyword`, in any case or word form of `language`, under
    strategic priority number `priority`."""
    theme, keyword, language = promises.priority_by_number(priority), _normal(keyword), _language(language)
    _refuse_duplicate(theme.id, keyword, language)
    with transaction():
        rule = ThemeKeywordRule(priority_id=theme.id, keyword=keyword, language=language, is_active=is_active,
                                created_by_id=actor.id)
        db.session.add(rule)
        db.session.flush()
        mentions.queue_rematch(rule.id)
        audit.record(actor=actor, action="theme_rule.create", object_type="theme_rule", object_id=rule.id)
    return rule


def get_rule(rule_id):
    return get_or_404(ThemeKeywordRule, rule_id, _l("No such keyword rule"))


def change_rule(*, actor, rule_id, changes):
    """Change a rule's keyword, theme or whether it is in use; the next report counts with it."""
    rule = get_rule(rule_id)
    priority_id = promises.priority_by_number(changes["priority"]).id if "priority" in changes else rule.priority_id
    keyword = _normal(changes["keyword"]) if "keyword" in changes else rule.keyword
    language = _language(changes["language"]) if "language" in changes else rule.language
    _refuse_duplicate(priority_id, keyword, language, exclude=rule.id)
    with transaction():
        rule.priority_id, rule.keyword, rule.language = priority_id, keyword, language
        rule.is_active = changes.get("is_active", rule.is_active)
        mentions.queue_rematch(rule.id)
        audit.record(actor=actor, action="theme_rule.update", object_type="theme_rule", object_id=rule.id,
                     detail={"fields": sorted(changes)})
    db.session.refresh(rule)
    return rule


def remove_rule(*, actor, rule_id):
    rule = get_rule(rule_id)
    with transaction():
        # Its counted matches go with it (ON DELETE CASCADE on theme_mentions.rule_id).
        db.session.delete(rule)
        audit.record(actor=actor, action="theme_rule.delete", object_type="theme_rule", object_id=rule_id)


def _starting_rules():
    """{language: {priority number: [keywords]}} from data/keywords.yaml."""
    text = resources.files("voiceapp.reports").joinpath("data", "keywords.yaml").read_text("utf-8")
    return {language: {int(n): list(dict.fromkeys(_normal(k) for k in words)) for n, words in themes.items()}
            for language, themes in yaml.safe_load(text).items()}


def seed_rules(*, actor, missing=False):
    """Load the starting rules of each language that has no rule yet (with `missing`, also any starting rule
    a language lacks, e.g. after an upgrade adds new ones); returns how many were added."""
    have = set(db.session.execute(sa.select(ThemeKeywordRule.language, StrategicPriority.number,
                                            ThemeKeywordRule.keyword).join(StrategicPriority)).all())
    languages = {language for language, _, _ in have}
    new = [(language, number, keyword) for language, themes in _starting_rules().items()
           for number, words in themes.items() for keyword in words
           if (language not in languages or missing) and (language, number, keyword) not in have]
    if not new:
        return 0
    with transaction():
        for language, number, keyword in new:
            db.session.add(ThemeKeywordRule(priority_id=promises.priority_by_number(number).id, keyword=keyword,
                                            language=language, created_by_id=actor.id))
    mentions.rebuild_mentions()
    return len(new)
