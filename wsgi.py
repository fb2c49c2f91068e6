"""gunicorn entry point: gunicorn wsgi:app"""
from voiceapp import create_app
from voiceapp.safeguarding.screening import screen

app = create_app()
# Load the screening lexicons as each worker starts, not on the first young person's text.
screen("warm up", "ar")
