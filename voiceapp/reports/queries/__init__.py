"""SQL aggregates for the report: each function runs GROUP BY/COUNT queries and returns plain rows of raw
counts. Raw counts never leave voiceapp.reports.build, which hands them to voiceapp.reports.protect."""
