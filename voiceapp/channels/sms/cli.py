"""`flask sms-sim`: chat with a running voiceapp by SMS from the terminal, with correctly signed webhooks."""
import itertools
import secrets
import urllib.error
import urllib.request
from urllib.parse import urlencode
from xml.etree import ElementTree

import click
from flask import current_app
from flask.cli import with_appcontext
from twilio.request_validator import RequestValidator


def post_signed(url, public_url, token, params):
    """POST form params to `url`, signed for `public_url` as Twilio signs them; returns the reply texts."""
    signature = RequestValidator(token).compute_signature(public_url, params)
    request = urllib.request.Request(url, data=urlencode(params).encode(), method="POST",
                                     headers={"X-Twilio-Signature": signature,
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - the local server only
        body = response.read()
    return [m.text or "" for m in ElementTree.fromstring(body).iter("Message")] if body else []


@click.command("sms-sim")
@click.option("--phone", default="+447911123456", show_default=True, help="The number you are texting from.")
@click.option("--server", default=None, help="The running voiceapp [default: VOICEAPP_PUBLIC_URL].")
@with_appcontext
def sms_sim(phone, server):
    """Text the service as PHONE and read its replies; type 'quit' to stop."""
    cfg = current_app.config
    server = server or cfg["PUBLIC_URL"]
    token = cfg.get("TWILIO_AUTH_TOKEN")
    if not token:
        raise click.ClickException("Set VOICEAPP_TWILIO_AUTH_TOKEN (any value locally) for the server and here.")
    public = cfg["PUBLIC_URL"].rstrip("/") + "/twilio/sms"
    click.echo(f"Texting {server} as {phone}. Try 'hi', 'help', 'menu', 'stop'. 'quit' ends.")
    for number in itertools.count(1):
        text = click.prompt("you", prompt_suffix="> ", default="", show_default=False)
        if text.strip().lower() == "quit":
            return
        params = {"MessageSid": f"SMsim{secrets.token_hex(13)}{number}", "From": phone, "To": "+447700000001",
                  "Body": text, "NumSegments": "1"}
        for reply in _send(server.rstrip("/") + "/twilio/sms", public, token, params):
            click.secho(f"voiceapp> {reply}", fg="green")


def _send(url, public, token, params):
    """One text, or a plain reason why the server would not take it (no traceback)."""
    try:
        return post_signed(url, public, token, params)
    except urllib.error.HTTPError as error:
        if error.code == 403:
            raise click.ClickException(
                f"The server refused the signature ({url}). Both must use the same VOICEAPP_PUBLIC_URL and "
                "VOICEAPP_TWILIO_AUTH_TOKEN: run both with `make run` and `make sms-sim` and the same PORT.") from None
        raise click.ClickException(f"The server answered {error.code} ({url}).") from None
    except urllib.error.URLError as error:
        raise click.ClickException(f"Nothing is serving at {url} ({error.reason}). Is `make run` running?") from None
