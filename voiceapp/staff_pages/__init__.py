"""Pages for staff: every staff job in the browser, role by role, on the shared GOV.UK page foundation.

The pages call the same service functions as the JSON API, dump with the same schemas and read forms
through the same ones, so a page can do nothing the API would refuse; a refusal is the page again with the
reason beside the field. Staff pages are in English, the council's working language; everything young
people see is translated.
"""
from voiceapp.staff_pages import (admin_pages, alert_pages, council_pages, labels, languages_notice,  # noqa: F401
                                  library_pages, message_pages, report_pages, survey_pages,
                                  views)  # (routes, filters and hooks register on bp)
from voiceapp.staff_pages.blueprint import bp


def register(app):
    app.register_blueprint(bp)
