"""Safeguarding: screening free text for risk of harm, and the alerts it raises."""
