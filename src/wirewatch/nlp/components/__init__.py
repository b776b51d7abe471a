"""wirewatch's spaCy components, one per module; importing registers their factories."""

from wirewatch.nlp.components import actors, attributes, events, statements, time, tone

__all__ = ["actors", "attributes", "events", "statements", "time", "tone"]
