"""Extractor stages: structure (boilerplate + metadata), times, quantities, entities, attributions, events."""
