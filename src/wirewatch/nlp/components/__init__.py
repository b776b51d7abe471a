"""wirewatch's spaCy components, one per module; importing registers their factories."""

from wirewatch.nlp.components import actors, attributes, events, paragraphs, statements, time, tone

__all__ = ["actors", "attributes", "events", "paragraphs", "statements", "time", "tone"]
