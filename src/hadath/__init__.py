"""hadath (حدث): Arabic news to structured, sourced event data.

Example:
    >>> import hadath
    >>> doc = hadath.analyze("قال الوزير إن الاجتماع انتهى.")
    >>> doc.to_dict()["schema"]
    'hadath.document/1'
"""
from hadath.document import Document
from hadath.pipeline import Pipeline, analyze, analyze_many
from hadath.settings import Settings, load_settings

__version__ = "0.1.0"
__all__ = ["Document", "Pipeline", "Settings", "analyze", "analyze_many", "load_settings", "__version__"]
