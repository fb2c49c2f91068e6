"""The conversation's flows: each has start(turn) and step(turn)."""
