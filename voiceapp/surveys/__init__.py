"""Surveys: versioned definitions, audiences, and responses saved as the young person goes."""
