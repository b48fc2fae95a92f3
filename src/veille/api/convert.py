"""The record-to-JSON conversions live beside the queries (``veille.queries.jsonable``), shared by
the API and the CLI's ``--json``; this module keeps the old import path working."""
from veille.queries.jsonable import *  # noqa: F401,F403
