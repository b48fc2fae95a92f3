"""One router per resource; ``veille.api.main`` assembles them."""
