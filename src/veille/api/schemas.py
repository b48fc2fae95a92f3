"""The JSON models live beside the queries (``veille.queries.shapes``), shared by the API and the
CLI's ``--json``; this module keeps the old import path working."""
from veille.queries.shapes import *  # noqa: F401,F403
