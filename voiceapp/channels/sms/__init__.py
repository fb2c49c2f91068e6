"""The SMS channel: signed webhooks, stored first, a forgiving conversation keyed by phone number."""
