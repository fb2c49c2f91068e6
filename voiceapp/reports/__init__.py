"""Aggregation and the six-monthly Voice and Influence report."""
