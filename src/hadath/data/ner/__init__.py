"""Shipped NER model files (written by ``python -m hadath.train ner``)."""
