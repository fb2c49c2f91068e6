"""The promise: versioned promise sets, the six strategic priorities, and promise checks."""
