"""Text layer: normalisation with an offset map, paragraphs, sentences, tokens, clitics."""
from hadath.text.normalize import Normalized, normalize, normalize_word

__all__ = ["Normalized", "normalize", "normalize_word"]
