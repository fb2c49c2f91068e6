"""Staff sign-in, server-side sessions and staff user management."""
import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from voiceapp import crypto
from voiceapp.audit import services as audit
from voiceapp.auth import passwords, throttle
from voiceapp.auth.actors import Actor
from voiceapp.auth.models import AuthSession, Role, StaffUser
from voiceapp.database import get_or_404, transaction, utcnow
from voiceapp.errors import Conflict, Invalid, NotSignedIn, TooMany
from voiceapp.extensions import db
from voiceapp.people.models import YoungPerson

log = logging.getLogger(__name__)
SIGN_IN_FAILED = "Email or password not right"
TOUCH_INTERVAL = timedelta(seconds=60)
PRIORITY_CHECK = "voiceapp_priority_check"
COUNCIL_MIN_AGE = 15


def _timeouts(is_staff):
    cfg = current_app.config
    if is_staff:
        return cfg["SESSION_IDLE_TIMEOUT"], cfg["SESSION_ABSOLUTE_TIMEOUT"]
    return cfg["YOUNG_PERSON_SESSION_IDLE_TIMEOUT"], cfg["YOUNG_PERSON_SESSION_ABSOLUTE_TIMEOUT"]


def open_session(*, staff_user_id=None, young_person_id=None, shared_device=False):
    """Start a new session (a fresh token at every sign-in) and return the token, shown once. On a shared
    phone a young person's session ends soon, whatever they do."""
    token = crypto.new_token()
    _, absolute = _timeouts(staff_user_id is not None)
    if shared_device:
        absolute = min(absolute, current_app.config["YOUNG_PERSON_SHARED_DEVICE_TIMEOUT"])
    db.session.add(AuthSession(token_hash=crypto.token_hash(token), staff_user_id=staff_user_id,
                               young_person_id=young_person_id, expires_at=utcnow() + absolute))
    return token


def sign_in_staff(*, email, password, source):
    """Check a staff password, answering the same for every failure; tries from one source are slowed down
    (auth/throttle.py), and nobody can lock anyone else out."""
    wait = throttle.wait_seconds(email, source)
    if wait:
        raise TooMany(_l("Too many tries. Please wait and try again."), retry_after=wait)
    throttle.count_try(email, source)       # before anything can fail: a try that ends in an error counts
    user = db.session.scalar(sa.select(StaffUser).where(StaffUser.email == email.strip().lower()))
    ok = passwords.verify_password(user.password_hash if user else None, password)
    if user is None or not user.is_active or not ok:
        log.info("staff sign-in refused")
        raise NotSignedIn(SIGN_IN_FAILED)
    with transaction():
        token = open_session(staff_user_id=user.id)
        audit.record(actor=Actor.for_staff(user), action="auth.sign_in", object_type="staff_user",
                     object_id=user.id)
    throttle.forget_try(email, source)
    return token, user


def authenticate(token):
    """The actor behind a bearer token, or None when it is unknown, revoked, idle or past its life."""
    if not token:
        return None
    row = db.session.scalar(sa.select(AuthSession).where(AuthSession.token_hash == crypto.token_hash(token)))
    now = utcnow()
    if row is None or row.revoked_at or row.expires_at <= now:
        return None
    idle, _ = _timeouts(row.staff_user_id is not None)
    if row.last_seen_at + idle <= now:
        return None
    actor = _actor_for(row)
    if actor and now - row.last_seen_at > TOUCH_INTERVAL:
        with transaction():
            row.last_seen_at = now
    return actor


def young_person_for_token_hash(token_hash):
    """Whose session this was (for a request kept while the database was down), or None."""
    return db.session.scalar(sa.select(AuthSession.young_person_id).where(AuthSession.token_hash == token_hash))


def _actor_for(row):
    if row.staff_user_id:
        user = db.session.get(StaffUser, row.staff_user_id)
        if not user.is_active:
            return None
        return Actor.for_staff(user, session_id=row.id)
    person = db.session.get(YoungPerson, row.young_person_id)
    if person is None or person.erased_at:
        return None
    return Actor.for_young_person(person, session_id=row.id)


def sign_out(*, actor):
    """End this session on the server: the token stops working at once."""
    with transaction():
        row = db.session.get(AuthSession, actor.session_id)
        if row and not row.revoked_at:
            row.revoked_at = utcnow()


def sign_out_everywhere(*, actor):
    """End every session of this person or staff user, on every phone and browser, at once."""
    with transaction():
        if actor.is_young_person:
            end_all_sessions(young_person_id=actor.id)
        else:
            end_all_sessions(staff_user_id=actor.id)


def end_all_sessions(*, staff_user_id=None, young_person_id=None):
    column = AuthSession.staff_user_id if staff_user_id else AuthSession.young_person_id
    db.session.execute(sa.update(AuthSession).where(
        column == (staff_user_id or young_person_id), AuthSession.revoked_at.is_(None)).values(revoked_at=utcnow()))


def create_staff(*, actor, email, display_name, role, password, council=None, priority_id=None, age=None):
    """Add a staff user; council members must name their council and be 15 or over (their age is checked,
    not kept), priority leads must name their priority."""
    passwords.check_policy(password, user_inputs=(email, display_name))
    email = email.strip().lower()
    _check_role_fields(role, council, priority_id)
    _check_council_age(role, age)
    if db.session.scalar(sa.select(StaffUser.id).where(StaffUser.email == email)):
        raise Conflict("A staff user with that email already exists", field="email", reason="already in use")
    with transaction():
        user = StaffUser(email=email, display_name=display_name, role=role, council=council,
                         priority_id=priority_id, password_hash=passwords.hash_password(password))
        db.session.add(user)
        db.session.flush()
        audit.record(actor=actor, action="staff.create", object_type="staff_user", object_id=user.id)
    return user


def _check_council_age(role, age):
    """The councils are for young people aged 15 and over (the issue's "members aged 15+")."""
    if role != Role.COUNCIL_MEMBER:
        return
    if age is None:
        raise Invalid("Give the council member's age: members are 15 or over", field="age",
                      reason="required for council members")
    if age < COUNCIL_MIN_AGE:
        raise Invalid("Council members must be 15 or over", field="age", reason=f"must be {COUNCIL_MIN_AGE} or over")


def _check_role_fields(role, council, priority_id):
    if role == Role.COUNCIL_MEMBER and council is None:
        raise Invalid("A council member needs a council", field="council", reason="required for council members")
    if role == Role.PRIORITY_LEAD and priority_id is None:
        raise Invalid("A priority lead needs a priority", field="priority_id", reason="required for priority leads")
    is_priority = current_app.extensions.get(PRIORITY_CHECK)
    if priority_id is not None and (is_priority is None or not is_priority(priority_id)):
        raise Invalid("No such priority", field="priority_id", reason="not a strategic priority")


def register_priority_check(app, is_priority):
    """is_priority(priority_id) -> bool: how a priority lead's priority is checked. The priorities belong to the
    promise, which reads auth; it passes this down in its register(app) so auth never imports it."""
    app.extensions[PRIORITY_CHECK] = is_priority


def get_staff(staff_id):
    return get_or_404(StaffUser, staff_id, "No such staff user")


def list_staff():
    return db.session.scalars(sa.select(StaffUser).order_by(StaffUser.display_name)).all()


def update_staff(*, actor, staff_id, changes):
    """Change a staff user's role or name, or disable them; disabling ends their sessions at once."""
    user = get_staff(staff_id)
    changes = dict(changes)
    age = changes.pop("age", None)
    if changes.get("role", user.role) != user.role:
        _check_council_age(changes["role"], age)
    if "password" in changes:
        passwords.check_policy(changes["password"], user_inputs=(user.email, changes.get("display_name",
                                                                                         user.display_name)))
    _check_role_fields(changes.get("role", user.role), changes.get("council", user.council),
                       changes.get("priority_id", user.priority_id))
    with transaction():
        if "is_active" in changes and changes["is_active"] != user.is_active:
            user.disabled_at = None if changes["is_active"] else utcnow()
        for key, value in changes.items():
            if key == "password":
                user.password_hash = passwords.hash_password(value)
            else:
                setattr(user, key, value)
        if changes.get("is_active") is False or "password" in changes or "role" in changes:
            end_all_sessions(staff_user_id=user.id)
        audit.record(actor=actor, action="staff.update", object_type="staff_user", object_id=user.id,
                     detail={"fields": sorted(changes)})
    return user


FORMER_STAFF = "Former staff member"


def anonymise_staff(staff_ids, *, now):
    """A year after disabling, a staff account keeps only its key, role and dates: the audit trail and the records
    they wrote point at the row, so it stays, but nobody can tell from it who they were or sign in as them."""
    for staff_id in staff_ids:
        db.session.execute(sa.update(StaffUser).where(StaffUser.id == staff_id, StaffUser.is_active.is_(False))
                           .values(display_name=FORMER_STAFF, email=f"former-{staff_id.hex}@removed.invalid",
                                   password_hash="", anonymised_at=now)
                           .execution_options(synchronize_session=False))
