"""Keyword rules that count free text under a theme: listed, added, changed and removed by the voice team."""
from importlib import resources

import sqlalchemy as sa
import yaml
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import transaction
from voiceapp.errors import Conflict, NotFound
from voiceapp.extensions import db
from voiceapp.promises import services as promises
from voiceapp.promises.models import StrategicPriority
from voiceapp.reports.models import ThemeKeywordRule
from voiceapp.reports.services import mentions


def list_rules():
    return db.session.scalars(sa.select(ThemeKeywordRule).join(StrategicPriority)
                              .order_by(StrategicPriority.number, ThemeKeywordRule.keyword)).all()


def _normal(keyword):
    return " ".join(keyword.lower().split())


def _refuse_duplicate(priority_id, keyword, exclude=None):
    query = sa.select(ThemeKeywordRule.id).where(ThemeKeywordRule.priority_id == priority_id,
                                                 ThemeKeywordRule.keyword == keyword)
    if exclude:
        query = query.where(ThemeKeywordRule.id != exclude)
    if db.session.scalar(query):
        raise Conflict(_l("That keyword is already a rule for this theme"), field="keyword",
                       reason="already a rule for this theme")


def add_rule(*, actor, priority, keyword, is_active=True):
    """Count free text containing `keyword` (any case) under strategic priority number `priority`."""
    theme, keyword = promises.priority_by_number(priority), _normal(keyword)
    _refuse_duplicate(theme.id, keyword)
    with transaction():
        rule = ThemeKeywordRule(priority_id=theme.id, keyword=keyword, is_active=is_active, created_by_id=actor.id)
        db.session.add(rule)
        db.session.flush()
        mentions.queue_rematch(rule.id)
        audit.record(actor=actor, action="theme_rule.create", object_type="theme_rule", object_id=rule.id)
    return rule


def get_rule(rule_id):
    rule = db.session.get(ThemeKeywordRule, rule_id)
    if rule is None:
        raise NotFound(_l("No such keyword rule"))
    return rule


def change_rule(*, actor, rule_id, changes):
    """Change a rule's keyword, theme or whether it is in use; the next report counts with it."""
    rule = get_rule(rule_id)
    priority_id = promises.priority_by_number(changes["priority"]).id if "priority" in changes else rule.priority_id
    keyword = _normal(changes["keyword"]) if "keyword" in changes else rule.keyword
    _refuse_duplicate(priority_id, keyword, exclude=rule.id)
    with transaction():
        rule.priority_id, rule.keyword = priority_id, keyword
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


def seed_rules(*, actor):
    """Load the starting rules from data/keywords.yaml when there are none yet; returns how many were added."""
    if db.session.scalar(sa.select(sa.func.count()).select_from(ThemeKeywordRule)):
        return 0
    data = yaml.safe_load(resources.files("voiceapp.reports").joinpath("data", "keywords.yaml").read_text("utf-8"))
    with transaction():
        for number, keywords in data.items():
            theme = promises.priority_by_number(int(number))
            db.session.add_all(ThemeKeywordRule(priority_id=theme.id, keyword=_normal(k), created_by_id=actor.id)
                               for k in dict.fromkeys(keywords))
    mentions.rebuild_mentions()
    return sum(len(set(k)) for k in data.values())
