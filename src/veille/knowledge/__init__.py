"""Actor and place knowledge: versioned data files (data/) and time-aware resolvers.

    from veille.knowledge.kb import KnowledgeBase          # KnowledgeBase.load()
    from veille.knowledge.gazetteer import Gazetteer       # Gazetteer.load()
    from veille.knowledge.resolver import resolve_doc      # resolve_doc(doc, published, kb, gazetteer)
    from veille.knowledge.validate import validate_knowledge   # `veille actors check`
"""
