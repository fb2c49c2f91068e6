"""Route guards: who may call a view. Default deny: every API view names who it is for."""
from functools import wraps

from flask import g, request
from flask_babel import lazy_gettext as _l

from voiceapp.auth import services
from voiceapp.errors import NotAllowed, NotSignedIn


def bearer_token():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def current_actor():
    """The signed-in actor for this request, loaded once from the bearer token."""
    if "actor" not in g:
        g.actor = services.authenticate(bearer_token())
    return g.actor


def _guard(check, audience):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            actor = current_actor()
            if actor is None:
                raise NotSignedIn(_l("Please sign in."))
            if not check(actor):
                raise NotAllowed(_l("You are not allowed to do that."))
            return view(*args, **kwargs)
        wrapped.audience = audience
        return wrapped
    return decorator


def require_young_person(view):
    return _guard(lambda actor: actor.is_young_person, ("young_person",))(view)


def require_role(*roles):
    return _guard(lambda actor: actor.has_role(*roles), tuple(r.value for r in roles))


def signed_in(view):
    return _guard(lambda actor: True, ("signed_in",))(view)


def public(view):
    """Marks a view as open to anyone, so the authorization matrix knows it was decided on purpose."""
    view.audience = ("anyone",)
    return view
