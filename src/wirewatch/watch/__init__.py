"""Watching actor pairs: signal rules and alerts."""

from wirewatch.watch.rules import Rule, load_rules, match_rules

__all__ = ["Rule", "load_rules", "match_rules"]
