"""Young people's sign-in: one-time codes by SMS, and invitation codes from their worker.

Known and unknown numbers get the same answer and the same limits, so nobody can find out whether a
number is registered (ASVS 6.3.8). Codes: 6 digits, single use, 10 minutes, bound to their challenge.
"""
import logging
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from voiceapp import crypto
from voiceapp.audit import services as audit
from voiceapp.auth.actors import SYSTEM, Actor
from voiceapp.auth.models import Invitation, OneTimeCode
from voiceapp.auth.services import open_session
from voiceapp.database import transaction, utcnow
from voiceapp.errors import NotSignedIn, TooMany
from voiceapp.extensions import db
from voiceapp.messaging import services as messaging
from voiceapp.people import phones
from voiceapp.people import services as people

log = logging.getLogger(__name__)
CODE_REFUSED = "That code is not right or has expired"
INVITATION_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"   # no 0/O or 1/I/L to misread


def _code_hash(challenge_id, code):
    # Binding the code to its challenge means a code is useless with any other request (ASVS 6.6.2).
    return crypto.lookup_hash(f"otp:{challenge_id}:{code}")


def request_code(*, phone):
    """Start a sign-in: text a code if the number is registered; answer the same way if not."""
    e164 = phones.normalise(phone)
    digest = phones.lookup_hash(e164)
    _check_caps(digest)
    person = people.find_by_phone(e164)
    code = f"{secrets.randbelow(10 ** 6):06d}"
    with transaction():
        row = OneTimeCode(phone_hash=digest, young_person_id=person.id if person else None, code_hash="-",
                          expires_at=utcnow() + current_app.config["OTP_TTL"], sent=person is not None)
        db.session.add(row)
        db.session.flush()
        row.code_hash = _code_hash(row.id, code)
        if person:
            with force_locale(person.language):
                body = _("Your voiceapp code is %(code)s. It works for 10 minutes. Never share it.", code=code)
            messaging.send_sms(young_person_id=person.id, body=body, purpose="otp", direct_reply=True)
    return row.id


def _check_caps(digest):
    cfg, hour_ago = current_app.config, utcnow() - timedelta(hours=1)
    per_number = db.session.scalar(sa.select(sa.func.count()).where(
        OneTimeCode.phone_hash == digest, OneTimeCode.created_at > hour_ago))
    if per_number >= cfg["OTP_PER_NUMBER_HOURLY"]:
        raise TooMany(_l("Too many codes asked for. Try again in an hour."))
    overall = db.session.scalar(sa.select(sa.func.count()).where(
        OneTimeCode.sent.is_(True), OneTimeCode.created_at > hour_ago))
    if overall >= cfg["OTP_GLOBAL_HOURLY"]:
        # SMS costs money: a flood of code requests is an attack on the council's bill (API4:2023).
        log.error("global one-time code cap reached: sign-in codes paused for this hour")
        with transaction():
            audit.record(actor=SYSTEM, action="security.otp_global_cap", object_type="one_time_code")
        raise TooMany(_l("Sign-in by text is busy. Please try again later."))


def verify_code(*, challenge_id, code, shared_device=False):
    """Exchange a correct, fresh, unused code for a session token."""
    row = db.session.get(OneTimeCode, challenge_id)
    now = utcnow()
    if row is None or row.used_at or row.expires_at <= now or row.attempts >= current_app.config["OTP_MAX_ATTEMPTS"]:
        raise NotSignedIn(CODE_REFUSED)
    if not (row.young_person_id and crypto.constant_time_equal(row.code_hash, _code_hash(row.id, code))):
        with transaction():
            row.attempts += 1
        raise NotSignedIn(CODE_REFUSED)
    with transaction():
        row.used_at = now
        token = open_session(young_person_id=row.young_person_id, shared_device=shared_device)
        audit.record(actor=Actor(kind="young_person", id=row.young_person_id), action="auth.sign_in_code",
                     object_type="young_person", object_id=row.young_person_id)
    return token, row.young_person_id


def _new_invitation_code():
    raw = "".join(secrets.choice(INVITATION_ALPHABET) for _ in range(10))   # about 49 bits
    return f"{raw[:5]}-{raw[5:]}"


def _normal_invitation(code):
    return code.strip().upper().replace("-", "").replace(" ", "")


def issue_invitation(*, actor, young_person_id):
    """A single-use sign-in code a worker hands to a young person; shown once, stored only as a hash."""
    person = people.get_young_person(young_person_id)
    code = _new_invitation_code()
    with transaction():
        invitation = Invitation(code_hash=crypto.lookup_hash("inv:" + _normal_invitation(code)),
                                young_person_id=person.id, created_by_id=actor.id,
                                expires_at=utcnow() + current_app.config["INVITATION_TTL"])
        db.session.add(invitation)
        audit.record(actor=actor, action="invitation.issue", object_type="young_person", object_id=person.id)
    return code, invitation


def redeem_invitation(*, code, shared_device=False):
    """Sign in with an invitation code: works once, before it expires."""
    digest = crypto.lookup_hash("inv:" + _normal_invitation(code))
    invitation = db.session.scalar(sa.select(Invitation).where(Invitation.code_hash == digest))
    now = utcnow()
    if invitation is None or invitation.redeemed_at or invitation.expires_at <= now:
        raise NotSignedIn(CODE_REFUSED)
    with transaction():
        invitation.redeemed_at = now
        token = open_session(young_person_id=invitation.young_person_id, shared_device=shared_device)
        audit.record(actor=Actor(kind="young_person", id=invitation.young_person_id),
                     action="auth.sign_in_invitation", object_type="young_person",
                     object_id=invitation.young_person_id)
    return token, invitation.young_person_id


def claim_invitation_by_phone(*, code, phone):
    """Link a phone to the young person an invitation was made for (joining by text); None if it fails."""
    digest = crypto.lookup_hash("inv:" + _normal_invitation(code))
    invitation = db.session.scalar(sa.select(Invitation).where(Invitation.code_hash == digest))
    if invitation is None or invitation.redeemed_at or invitation.expires_at <= utcnow():
        return None
    with transaction():
        invitation.redeemed_at = utcnow()
        person = people.get_young_person(invitation.young_person_id)
        people.attach_phone(person, phone, from_carrier=True)      # the sender of the text
        audit.record(actor=Actor(kind="young_person", id=person.id), action="auth.join_by_sms",
                     object_type="young_person", object_id=person.id)
    return person
