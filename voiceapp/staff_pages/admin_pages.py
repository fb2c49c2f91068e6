"""The administrators' pages (the voice and influence team): registering young people and handing them an
invitation code, staff accounts, and the audit trail."""
from flask import Response, g, redirect, render_template, request, url_for
from marshmallow import ValidationError

from voiceapp.audit import services as audit
from voiceapp.audit.schemas import AuditEventSchema, AuditFilterSchema
from voiceapp.auth import codes
from voiceapp.auth import services as auth
from voiceapp.auth.schemas import StaffUserSchema, StaffUserUpdateSchema
from voiceapp.database import transaction
from voiceapp.errors import DomainError
from voiceapp.people import services as people
from voiceapp.people.schemas import (CaseReferenceSchema, InvitationSchema, PhoneLookupSchema, YoungPersonCreateSchema,
                                     YoungPersonStaffSchema)
from voiceapp.promises import services as promises
from voiceapp.safeguarding.contact import reference
from voiceapp.staff_pages.blueprint import bp
from voiceapp.staff_pages.forms import act, errors_of, page_error, page_or_reason, posted
from voiceapp.staff_pages.roles import ADMINS
from voiceapp.staff_pages.session import staff_page

PERSON_PLAIN = {"cohort": "Choose child in care or care leaver", "age_band": "Choose their age band",
                "language": "Choose their language", "phone": "Enter a UK mobile number, like 07700 900123",
                "voice_groups": "Choose from the list",
                "case_reference": "Enter their case-system reference: letters, digits, - and / only, up to 32"}
STAFF_PLAIN = {"email": "Enter their work email address", "display_name": "Enter their name",
               "role": "Choose their role", "password": "Choose a password of 12 characters or more that is "
               "hard to guess", "council": "Choose the council a council member belongs to",
               "priority_id": "Choose the priority a priority lead leads",
               "age": "Enter the council member's age in years, like 16"}


@bp.route("/young-people")
@staff_page(*ADMINS)
def young_people():
    return _people_page()


def _people_page(errors=None, status=200):
    return render_template("staff/young_people.html", title="Young people", errors=errors or {},
                           typed=posted("cohort", "age_band", "language", "phone", "case_reference")), status


@bp.route("/young-people", methods=["POST"])
@staff_page(*ADMINS)
def register_young_person():
    """Register a young person pseudonymously, then go to their page to hand them an invitation code."""
    try:
        body = YoungPersonCreateSchema().load(posted("cohort", "age_band", "language", "phone", "case_reference",
                                                     lists=["voice_groups"]))
        person = people.create_young_person(actor=g.actor, **body)
    except (ValidationError, DomainError) as error:
        return _people_page(errors=errors_of(error, PERSON_PLAIN),
                            status=422 if isinstance(error, ValidationError) else error.status)
    return redirect(url_for("staff.young_person", young_person_id=person.id), code=303)


@bp.route("/young-people/find", methods=["POST"])
@staff_page(*ADMINS)
def find_young_person():
    """Find someone by their number (sent in the form, never in a link)."""
    try:
        person = people.lookup_by_phone(actor=g.actor, **PhoneLookupSchema().load(posted("phone")))
    except (ValidationError, DomainError) as error:
        plain = {"phone": "Enter the mobile number they gave us, like 07700 900123"}
        return _people_page(errors={"find_phone": next(iter(errors_of(error, plain).values()))},
                            status=422 if isinstance(error, ValidationError) else error.status)
    return redirect(url_for("staff.young_person", young_person_id=person.id), code=303)


def _person_page(young_person_id, invitation=None, status=200, errors=None):
    person = people.view_young_person(actor=g.actor, young_person_id=young_person_id)
    return render_template("staff/young_person.html", title="Young person", person=YoungPersonStaffSchema().dump(person),
                           reference=reference(person.id), invitation=invitation, errors=errors or {}), status


@bp.route("/young-people/<uuid:young_person_id>")
@staff_page(*ADMINS)
def young_person(young_person_id):
    return page_or_reason(lambda: _person_page(young_person_id))


@bp.route("/young-people/<uuid:young_person_id>/invitations", methods=["POST"])
@staff_page(*ADMINS)
def issue_invitation(young_person_id):
    """A single-use sign-in code for their worker to hand over: shown on this page only, this once."""
    def issued():
        code, invitation = codes.issue_invitation(actor=g.actor, young_person_id=young_person_id)
        return _person_page(young_person_id, InvitationSchema().dump({"code": code,
                                                                      "expires_at": invitation.expires_at}))
    return page_or_reason(issued)


@bp.route("/young-people/<uuid:young_person_id>/case-reference", methods=["POST"])
@staff_page(*ADMINS)
def set_case_reference(young_person_id):
    """Record their case-system reference (empty removes it); it is shown only on a safeguarding alert."""
    return act(lambda: people.set_case_reference(
        actor=g.actor, young_person_id=young_person_id,
        **CaseReferenceSchema().load({"case_reference": request.form.get("case_reference", "").strip()})),
        url_for("staff.young_person", young_person_id=young_person_id),
        lambda **kw: _person_page(young_person_id, **kw), PERSON_PLAIN)


@bp.route("/accounts")
@staff_page(*ADMINS)
def accounts():
    return _accounts_page()


def _accounts_page(errors=None, status=200):
    return render_template("staff/accounts.html", title="Staff accounts", errors=errors or {},
                           accounts=StaffUserSchema(many=True).dump(auth.list_staff()),
                           priorities=promises.list_priorities(),
                           typed=posted("email", "display_name", "role", "council", "priority_id", "age")), status


@bp.route("/accounts", methods=["POST"])
@staff_page(*ADMINS)
def create_account():
    return act(lambda: auth.create_staff(actor=g.actor, **StaffUserSchema().load(
                   posted("email", "display_name", "role", "council", "priority_id", "age", "password"))),
               url_for("staff.accounts"), _accounts_page, STAFF_PLAIN)


@bp.route("/accounts/<uuid:staff_id>", methods=["POST"])
@staff_page(*ADMINS)
def update_account(staff_id):
    """Change a role, or disable an account (which ends its sessions at once) or enable it again."""
    return act(lambda: auth.update_staff(actor=g.actor, staff_id=staff_id, changes=StaffUserUpdateSchema().load(
                   posted("role", "is_active"))),
               url_for("staff.accounts"), _accounts_page, STAFF_PLAIN)


def _audit_args():
    return AuditFilterSchema().load({key: value for key, value in request.args.items() if value})


@bp.route("/audit")
@staff_page(*ADMINS)
def audit_trail():
    try:
        args = _audit_args()
    except ValidationError:
        return page_error(422, "That filter is not right: an id is a long code like 5f0c7a52-3b8e-….")
    args["limit"] = min(args.get("limit", 200), 200)
    events = AuditEventSchema(many=True).dump(audit.list_events(**args))
    return render_template("staff/audit.html", title="Audit trail", events=events, args=args)


@bp.route("/audit.csv")
@staff_page(*ADMINS)
def audit_download():
    """The audit trail as CSV (exporting it is itself audited)."""
    try:
        args = _audit_args()
    except ValidationError:
        return page_error(422, "That filter is not right.")
    body = audit.events_csv(audit.list_events(**args))
    with transaction():
        audit.record(actor=g.actor, action="audit.export", object_type="audit_event")
    return Response(body, mimetype="text/csv", headers={"Content-Disposition": "attachment; filename=audit-events.csv"})
