"""The NLP stage: spaCy plus wirewatch's components. Docs never leave this package."""
