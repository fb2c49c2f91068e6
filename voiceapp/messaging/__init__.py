"""Outbound messages (SMS, email): used by the domains, calling none of them."""
