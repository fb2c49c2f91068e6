"""The page foundation every browser page shares: layout, GOV.UK components, assets, language, CSRF, help.

Young people's pages, staff pages and council pages all extend `layouts/base.html`, use the GOV.UK
Frontend Jinja macros, read forms with `forms.read()` and show errors beside the field with the same error
summary. Pages call services; nothing below imports from here.
"""
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from voiceapp.pages import assets, direction, forms, layout, views  # noqa: F401  (routes and hooks register on bp)
from voiceapp.pages.blueprint import bp


def register(app):
    # `{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}` in any template.
    app.jinja_loader = ChoiceLoader([app.jinja_loader,
                                     PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})])
    app.register_blueprint(bp)
