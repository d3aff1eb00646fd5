"""Core: models, rules and the database. Imports neither Qt nor ReportLab."""
