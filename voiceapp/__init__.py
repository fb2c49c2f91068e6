"""voiceapp: hearing children in care and care leavers, and proving that they were heard."""
from flask import Flask

from voiceapp import config as app_config


def create_app(config=None):
    """Build the application: load config, then wire extensions, blueprints, errors and commands."""
    app = Flask(__name__, instance_relative_config=True)
    app_config.load(app, config)
    from voiceapp import extensions, errors, http, cli, api
    extensions.register(app)
    api.register(app)
    errors.register(app)
    http.register(app)
    cli.register(app)
    return app
