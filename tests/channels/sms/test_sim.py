"""`flask sms-sim` explains a refused signature or a missing server instead of printing a traceback."""
import socket

from voiceapp.channels.sms.cli import sms_sim


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_sms_sim_says_plainly_when_nothing_is_serving(app):
    result = app.test_cli_runner().invoke(sms_sim, ["--server", f"http://127.0.0.1:{_closed_port()}"], input="hi\n")
    assert result.exit_code == 1 and "Nothing is serving at" in result.output and "Traceback" not in result.output


def test_sms_sim_says_plainly_when_the_signature_is_refused(app, httpserver):
    httpserver.expect_request("/twilio/sms", method="POST").respond_with_data("", status=403)
    result = app.test_cli_runner().invoke(sms_sim, ["--server", httpserver.url_for("/").rstrip("/")], input="hi\n")
    assert result.exit_code == 1 and "refused the signature" in result.output and "same PORT" in result.output


def test_sms_sim_texts_the_public_url_when_no_server_is_named(app, httpserver):
    httpserver.expect_request("/twilio/sms", method="POST").respond_with_data(
        "<Response><Message>Hello</Message></Response>", content_type="text/xml")
    app.config["PUBLIC_URL"] = httpserver.url_for("/").rstrip("/")
    result = app.test_cli_runner().invoke(sms_sim, [], input="hi\nquit\n")
    assert result.exit_code == 0 and "voiceapp> Hello" in result.output
