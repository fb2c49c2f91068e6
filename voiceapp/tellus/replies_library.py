"""Use cases of the approved replies library: wording kept per language, managed by the voice team."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from voiceapp.audit import services as audit
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.extensions import db
from voiceapp.tellus.models import ReplyTemplate

EDITABLE = ("language", "title", "body", "active")


def list_templates(*, actor, language=None, include_retired=False):
    """Approved replies, by title; only those in use unless retired ones are asked for."""
    query = sa.select(ReplyTemplate).order_by(ReplyTemplate.language, ReplyTemplate.title)
    if language:
        query = query.where(ReplyTemplate.language == language)
    if not include_retired:
        query = query.where(ReplyTemplate.active.is_(True))
    return db.session.scalars(query).all()


def create_template(*, actor, language, title, body):
    """Add an approved reply in one language."""
    now = utcnow()
    with transaction():
        template = ReplyTemplate(language=language, title=title.strip(), body=body.strip(), active=True,
                                 created_by_id=actor.id, updated_by_id=actor.id, created_at=now, updated_at=now)
        db.session.add(template)
        db.session.flush()
        audit.record(actor=actor, action="reply_template.create", object_type="reply_template",
                     object_id=template.id)
    return template


def update_template(*, actor, template_id, changes):
    """Change an approved reply's wording or language, or retire it (replies already sent keep their text)."""
    template = get_or_404(ReplyTemplate, template_id, _l("No such approved reply"))
    with transaction():
        for key in EDITABLE:
            if key in changes:
                value = changes[key]
                setattr(template, key, value.strip() if isinstance(value, str) else value)
        template.updated_by_id, template.updated_at = actor.id, utcnow()
        audit.record(actor=actor, action="reply_template.update", object_type="reply_template",
                     object_id=template.id, detail={"fields": sorted(changes)})
    return template
