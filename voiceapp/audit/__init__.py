"""The append-only audit trail of who saw or changed what, and when (read over the API in auth/audit_api.py)."""
