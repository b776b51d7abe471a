"""Accuracy on public gold data, read from a path the user gives (never shipped)."""
