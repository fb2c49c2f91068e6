"""gunicorn entry point: gunicorn wsgi:app"""
from voiceapp import create_app
from voiceapp.safeguarding import screening

app = create_app()
# Load every screening lexicon as each worker starts, not on the first young person's text.
screening.warm_up()
