"""Young people: pseudonymous profiles, their phone numbers held apart, consent and voice groups."""
