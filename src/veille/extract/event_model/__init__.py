"""The learned part of the event layer: a per-sentence event-type model and its hybrid with the rules.

features.py  what the model sees of a sentence (shared by training and prediction)
model.py     the weights (data/weights.npz, data/meta.json) and prediction
hybrid.py    rule events kept or dropped by the model; events the model finds and the rules missed
data/        the shipped weights, written by ``make train`` (see src/veille/training/README.md)
"""
from veille.extract.event_model.model import EventTypeModel

__all__ = ["EventTypeModel"]
