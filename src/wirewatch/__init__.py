"""wirewatch: a sourced record of who said and did what to whom, when, where and in what tone.

Importing the package is cheap: spaCy, DuckDB and the actor dictionaries load only when a
function that needs them is called.
"""

__version__ = "0.3.7"

__all__ = ["__version__"]
