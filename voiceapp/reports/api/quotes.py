"""Quotes: staff propose young people's words (consent checked, redacted) and approve them for the report."""
from voiceapp.auth.guards import current_actor, require_role
from voiceapp.auth.models import Role
from voiceapp.reports.api.blueprint import blp
from voiceapp.reports.schemas import QuoteEditSchema, QuoteFilterSchema, QuoteInSchema, QuoteSchema
from voiceapp.reports.services import quotes

EDITORS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER)


@blp.route("/quotes", methods=["GET"])
@require_role(*EDITORS)
@blp.arguments(QuoteFilterSchema, location="query")
@blp.response(200, QuoteSchema(many=True))
def list_quotes(args):
    return quotes.list_quotes(**args)


@blp.route("/quotes", methods=["POST"])
@require_role(*EDITORS)
@blp.arguments(QuoteInSchema)
@blp.response(201, QuoteSchema)
def propose_quote(body):
    """Propose words as a quote: refused unless the young person consented; stored already redacted."""
    return quotes.propose_quote(actor=current_actor(), **body)


@blp.route("/quotes/<uuid:quote_id>", methods=["PATCH"])
@require_role(*EDITORS)
@blp.arguments(QuoteEditSchema)
@blp.response(200, QuoteSchema)
def edit_quote(body, quote_id):
    return quotes.edit_quote(actor=current_actor(), quote_id=quote_id, text=body["text"])


@blp.route("/quotes/<uuid:quote_id>/approve", methods=["POST"])
@require_role(*EDITORS)
@blp.response(200, QuoteSchema)
def approve_quote(quote_id):
    return quotes.decide_quote(actor=current_actor(), quote_id=quote_id, approve=True)


@blp.route("/quotes/<uuid:quote_id>/reject", methods=["POST"])
@require_role(*EDITORS)
@blp.response(200, QuoteSchema)
def reject_quote(quote_id):
    return quotes.decide_quote(actor=current_actor(), quote_id=quote_id, approve=False)
