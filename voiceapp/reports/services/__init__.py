"""Use cases of the report's own records: keyword rules, actions, quotes and the councils' views."""
