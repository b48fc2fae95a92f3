"""The SQLite store (schema, migrations, queries) and the exports."""
from veille.store.articles import AddResult, StoredArticle
from veille.store.db import Store

__all__ = ["AddResult", "Store", "StoredArticle"]
