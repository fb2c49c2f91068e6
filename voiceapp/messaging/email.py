"""Email senders chosen by VOICEAPP_MAIL_BACKEND: console (development), memory (tests), smtp."""
import smtplib
import sys
from email.message import EmailMessage


class ConsoleMailer:
    def __init__(self, app):
        pass

    def send(self, *, to, subject, body):
        print(f"[console email to {to}] {subject}\n{body}", file=sys.stderr, flush=True)


class MemoryMailer:
    def __init__(self, app):
        self.sent = []

    def send(self, *, to, subject, body):
        self.sent.append({"to": to, "subject": subject, "body": body})


class SmtpMailer:
    """Plain SMTP with STARTTLS, using the MAIL_* settings."""

    def __init__(self, app):
        self.config = app.config

    def send(self, *, to, subject, body):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.config["MAIL_FROM"], to, subject
        message.set_content(body)
        with smtplib.SMTP(self.config["MAIL_HOST"], self.config["MAIL_PORT"], timeout=10) as smtp:
            if self.config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if self.config.get("MAIL_USERNAME"):
                smtp.login(self.config["MAIL_USERNAME"], self.config["MAIL_PASSWORD"])
            smtp.send_message(message)


MAILERS = {"console": ConsoleMailer, "memory": MemoryMailer, "smtp": SmtpMailer}


def mailer_for(app):
    if "voiceapp_mail" not in app.extensions:
        app.extensions["voiceapp_mail"] = MAILERS[app.config["MAIL_BACKEND"]](app)
    return app.extensions["voiceapp_mail"]
