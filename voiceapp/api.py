"""Registers the JSON API (flask-smorest, OpenAPI generated from the schemas) and plain blueprints."""
from voiceapp.extensions import api
from voiceapp.schemas import ErrorSchema


def register(app):
    from voiceapp import health
    from voiceapp.audit.api import blp as audit_blp
    from voiceapp.auth.api import blp as auth_blp
    from voiceapp.people.api import blp as people_blp
    from voiceapp.promises.api import blp as promises_blp
    from voiceapp.reports.api import blp as reports_blp
    from voiceapp.rights.api import blp as rights_blp
    from voiceapp.safeguarding import subscribers as safeguarding_subscribers
    from voiceapp.safeguarding.api import blp as safeguarding_blp
    from voiceapp.surveys.api import blp as surveys_blp
    from voiceapp.tellus import hooks as tellus_hooks
    from voiceapp.tellus.api import blp as tellus_blp
    from voiceapp.tellus.casework_api import blp as tellus_casework_blp

    if not app.config["API_DOCS_ENABLED"]:
        # No docs page and no OpenAPI document unless an operator asks for them (SEC-11).
        app.config["OPENAPI_URL_PREFIX"] = None
    # The Error component documents the body errors.py really sends.
    api.ERROR_SCHEMA = ErrorSchema
    api.init_app(app, spec_kwargs={"security": [{"bearerAuth": []}]})
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    for blueprint in (auth_blp, people_blp, promises_blp, tellus_blp, surveys_blp, rights_blp, audit_blp):
        api.register_blueprint(blueprint)
    api.register_blueprint(safeguarding_blp)
    api.register_blueprint(tellus_casework_blp)
    # The complaint legal hold and the pause on bulk texts while a message is open.
    tellus_hooks.connect()
    api.register_blueprint(reports_blp)
    # Screening must hear every stored free text from the first request on (SAFE-01, SAFE-05).
    safeguarding_subscribers.connect()
    from voiceapp.channels import alert_sources
    alert_sources.register()
    app.register_blueprint(health.bp)
    from voiceapp import pages, privacy
    from voiceapp.young_people import bp as young_pages
    pages.register(app)
    app.register_blueprint(privacy.bp)
    app.register_blueprint(young_pages)
    from voiceapp.staff_pages import bp as staff_pages
    app.register_blueprint(staff_pages)
    from voiceapp.channels.sms.webhooks import bp as sms_webhooks
    from voiceapp.channels.voice.webhooks import bp as voice_webhooks
    app.register_blueprint(sms_webhooks)
    app.register_blueprint(voice_webhooks)
    if app.config["API_DOCS_ENABLED"]:
        app.register_blueprint(_docs_assets())


def _docs_assets():
    """Serve Swagger UI from the installed package: no CDN, no third-party scripts (PRIV-09)."""
    from flask import Blueprint
    from swagger_ui_bundle import swagger_ui_path
    return Blueprint("docs_assets", __name__, static_folder=swagger_ui_path, static_url_path="/api/docs/assets")
