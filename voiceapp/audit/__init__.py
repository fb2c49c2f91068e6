"""The append-only audit trail of who saw or changed what, and when."""
