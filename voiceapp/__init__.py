"""voiceapp: hearing children in care and care leavers, and proving that they were heard."""
from flask import Flask

from voiceapp import (alert_sources, auth, channels, cli, council_pages, errors, extensions, health, http, jobs,
                      messaging, openapi, pages, people, privacy, promises, reports, rights, safeguarding,
                      staff_pages, surveys, tellus, young_people)
from voiceapp import config as app_config

# Each domain's register(app) adds its blueprints, commands, jobs, signal handlers and registrations.
DOMAINS = (messaging, people, auth, promises, tellus, surveys, rights, safeguarding, reports, pages, young_people,
           staff_pages, council_pages, channels)


def create_app(config=None):
    """Build the application: load config, then wire extensions, the API, errors, every domain and commands."""
    app = Flask(__name__, instance_relative_config=True)
    app_config.load(app, config)
    extensions.register(app)
    openapi.register(app)
    errors.register(app)
    http.register(app)
    for domain in DOMAINS:
        domain.register(app)
    alert_sources.register(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(privacy.bp)
    cli.register(app)
    # Last: the job backend (and Celery beat's schedule) sees the jobs every domain registered.
    jobs.init_app(app)
    return app
