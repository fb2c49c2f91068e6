"""Young people: pseudonymous profiles, their phone numbers held apart, consent and voice groups."""
from voiceapp.messaging import recipients as messaging_recipients
from voiceapp.people import recipients


def register(app):
    # Messaging finds a young person's number and opt-out through this directory, never by importing people.
    messaging_recipients.register_directory(app, recipients)
