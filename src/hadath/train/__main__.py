"""``python -m hadath.train <model>``: train a shipped model (``ner``)."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch ``python -m hadath.train ner [options]``; returns an exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python -m hadath.train ner|ner-nn [--help | options]")
        return 0 if argv else 2
    if argv[0] == "ner":
        from hadath.train.ner import main as ner_main

        return ner_main(argv[1:])
    if argv[0] == "ner-nn":
        from hadath.train.ner_nn import main as nn_main

        return nn_main(argv[1:])
    print(f"error: unknown model {argv[0]!r} (known: ner, ner-nn)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
