"""TwiML responses with the right content type (TW-08)."""
from flask import Response
from twilio.twiml.messaging_response import MessagingResponse


def twiml_response(twiml):
    return Response(str(twiml), mimetype="application/xml", content_type="application/xml; charset=utf-8")


def messages(*texts):
    """A messaging reply with one <Message> per non-empty text (none at all is a valid, silent reply)."""
    response = MessagingResponse()
    for text in texts:
        if text:
            response.message(text)
    return str(response)
