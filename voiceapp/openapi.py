"""The JSON API's flask-smorest object, one per app: domains add their blueprints to it in register(app)."""
from flask import Blueprint
from flask_smorest import Api
from swagger_ui_bundle import swagger_ui_path

from voiceapp.schemas import ErrorSchema

KEY = "voiceapp_api"


def register(app):
    """Make the app's Api (OpenAPI generated from the schemas) before any domain adds a blueprint."""
    if not app.config["API_DOCS_ENABLED"]:
        # No docs page and no OpenAPI document unless an operator asks for them (SEC-11).
        app.config["OPENAPI_URL_PREFIX"] = None
    api = Api()
    # The Error component documents the body errors.py really sends.
    api.ERROR_SCHEMA = ErrorSchema
    api.init_app(app, spec_kwargs={"security": [{"bearerAuth": []}]})
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    app.extensions[KEY] = api
    if app.config["API_DOCS_ENABLED"]:
        app.register_blueprint(_docs_assets())


def add_blueprints(app, *blueprints):
    """Register flask-smorest blueprints on the app's API, so they appear in its OpenAPI document."""
    for blueprint in blueprints:
        app.extensions[KEY].register_blueprint(blueprint)


def _docs_assets():
    """Serve Swagger UI from the installed package: no CDN, no third-party scripts (PRIV-09)."""
    return Blueprint("docs_assets", __name__, static_folder=swagger_ui_path, static_url_path="/api/docs/assets")
