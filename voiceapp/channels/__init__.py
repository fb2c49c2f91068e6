"""Channels: Twilio SMS and voice webhooks that translate conversations into the domain's use cases."""
