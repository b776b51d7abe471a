"""Domain logic and shipped data: CAMEO ontology, actors, cue and event patterns, tone."""
