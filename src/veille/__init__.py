"""veille: reads French news and turns it into evidence."""

__version__ = "0.1.0"
