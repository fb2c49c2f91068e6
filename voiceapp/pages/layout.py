"""What every page's layout needs: the language, its direction, the switcher's links and the form token."""
from flask import current_app, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from voiceapp.i18n import LANGUAGE_NAMES, supported, text_direction
from voiceapp.pages import assets, bp, forms


@bp.app_context_processor
def layout_values():
    locale = str(get_locale())
    return {"language": locale, "direction": text_direction(locale), "csrf_token": forms.csrf_token,
            "other_languages": [(code, LANGUAGE_NAMES.get(code, code), text_direction(code))
                                for code in supported() if code != locale],
            "here": request.full_path.rstrip("?") if request else "/",
            "exit_url": current_app.config["EXIT_PAGE_URL"], "asset_version": assets.version(),
            "errors_list": errors_list, "error_for": error_for, "service_name": SERVICE_NAME,
            "service_url": "/", "unsafe_endpoint": "young.unsafe"}


SERVICE_NAME = _l("Leeds Voice")


def errors_list(errors):
    """The error summary's links: each message points at its field (a page-level one points nowhere)."""
    return [{"text": message, "href": f"#{field}"} if field != "_page" else {"text": message}
            for field, message in (errors or {}).items()]


def error_for(errors, field):
    """The GOV.UK errorMessage for one field, or None when it is fine."""
    message = (errors or {}).get(field)
    return {"text": message} if message else None
