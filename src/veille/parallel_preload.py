"""Imported once by the fork server of ``veille.parallel``: loads the model and knowledge there,
so every worker forked from it shares those pages instead of loading its own copy."""
from veille.extract.analyze import Resources

RESOURCES = Resources.load()
