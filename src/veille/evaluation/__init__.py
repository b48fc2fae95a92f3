"""Accuracy against gold files (../shared/gold/GUIDELINES.md): the scorer and `veille eval`."""
