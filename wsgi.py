"""gunicorn entry point: gunicorn wsgi:app"""
from voiceapp import create_app

app = create_app()
