"""Robustness and safety tests (issue 10)."""
