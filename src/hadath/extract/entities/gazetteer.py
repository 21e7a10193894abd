"""The compiled gazetteer at run time and clitic-aware name matching.

:class:`Gazetteer` loads ``hadath/data/gazetteer/gazetteer.json.gz`` (built by
``python -m hadath.build gazetteer``) and the curated YAML files in ``ar/`` (aliases, stop-names),
and builds one Aho-Corasick automaton (pyahocorasick) over the normalised name keys.
:meth:`Gazetteer.match` finds names in normalised text:

* a match must end at a word boundary and start at one, or after a proclitic chain
  (و ف ب ل ك and their pairs: وب، فل ...) written on the same word (وأذربيجان، بتركيا، لديدييه);
* a name starting with ال is also found after ل where ل+ال merged to لل (للتحالف);
* a clitic+name word that is more frequent in SaudiNewsNet than the bare name is a word, not a
  name (the "common-word" rule), and stop-names never match;
* overlapping matches are resolved longest first, then leftmost.

Example:
    >>> g = Gazetteer.load()
    >>> [(m.key, m.prefix) for m in g.match(normalize_word("زار وفد بتركيا وللتحالف الدولي"))]
    [('تركيا', 'ب'), ('التحالف الدولى', 'لل')]
"""
from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import yaml

from hadath.text.normalize import normalize_word

__all__ = ["Gazetteer", "Match", "Entry", "name_key", "PROCLITICS", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parent / "ar"

#: Proclitic chains allowed before a name on the same word (normalised letters).
PROCLITICS = frozenset(["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"])
#: Chains that may precede a name whose ال merged with ل (للتحالف = ل + التحالف).
LAM_CHAINS = frozenset(["ل", "ول", "فل"])

_WORDCH = re.compile(r"[\w\u0621-\u064A]")


def name_key(name: str) -> str:
    """Normalised key of a name (same as :func:`hadath.build.gazetteer.name_key`).

    Example:
        >>> name_key("أمريكا")
        'امريكا'
    """
    return " ".join(normalize_word(name).split())


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry (a real-world referent).

    Attributes:
        idx: Index in :attr:`Gazetteer.entries`.
        kind: country | nationality | nat_adj | city | region | actor | curated.
        label: PER ORG GPE LOC NORP FAC EVENT.
        canonical: English name or None.
        country: ISO 3166-1 alpha-3 or None.
        geonames: GeoNames id or None.
        lat: Latitude (degrees) or None.
        lon: Longitude (degrees) or None.
        population: Inhabitants (0 when unknown).
        cameo: A CAMEO code, a list of ``[code, start, end]`` (``YYYYMMDD`` ints, 0 = open), or None.
        best: Best Arabic name (str) or None.
        uid: Stable id (``gn:<geonames>``, ``iso:<alpha-3>``, curated id, or ``gz:<idx>``).
        anaphors: Normalised definite nouns that refer back to this entity.
        context: ISO alpha-3 codes whose mention in a document supports this reading of a name
            shared by several curated entries (``context`` of ``ar/aliases.yaml``: التحالف الدولي
            is the US-led coalition in an Afghan, Iraqi or Syrian article, the Saudi-led one in a
            Yemeni article); empty for the others.
        within: GeoNames id of the city a curated district lies in (``within`` of
            ``ar/aliases.yaml``: باب التبانة in Tripoli, Lebanon), or None; a mention of the
            district picks that city among homonyms (طرابلس).
    """

    idx: int
    kind: str
    label: str
    canonical: str | None
    country: str | None
    geonames: int | None
    lat: float | None
    lon: float | None
    population: int
    cameo: Any
    best: str | None
    uid: str
    anaphors: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    within: int | None = None


class Match(NamedTuple):
    """One name found in normalised text (an immutable named tuple).

    Attributes:
        start: Normalised start offset of the name (after the proclitics; for a merged لل the
            start of the word).
        end: Normalised end offset (exclusive).
        key: The name key matched (with ال restored for a merged لل).
        prefix: The proclitic chain written before the name on the same word ("" when none;
            "لل" for a merged ل+ال, which is then inside ``[start, end)``).
        entries: Indices of the entries the name may refer to.
    """

    start: int
    end: int
    key: str
    prefix: str
    entries: tuple[int, ...]


class Gazetteer:
    """Compiled gazetteer, curated aliases and stop-names, with the name automaton.

    Build with :meth:`load` once per pipeline; read-only afterwards.

    Attributes:
        entries: All :class:`Entry` objects.
        names: Name key -> entry indices.
        rank: Normalised word -> frequency rank in SaudiNewsNet (0 = most frequent).
        stop: Normalised stop-names.
        agents: Normalised agent/role word -> CAMEO agent code.
        meta: ``{"script_version", "inputs_sha1"}`` of the compiled file.
    """

    def __init__(self, compiled: dict[str, Any], aliases: dict[str, Any], stopnames: list[str],
                 phrases: list[str] = (), not_nationality: list[str] = ()) -> None:
        fields = compiled["fields"]
        self.meta = {"script_version": compiled.get("script_version"), "inputs_sha1": compiled.get("inputs_sha1")}
        self.entries: list[Entry] = []
        for i, row in enumerate(compiled["entries"]):
            d = dict(zip(fields, row))
            uid = (f"iso:{d['country']}" if d["kind"] == "country" else
                   f"gn:{d['geonames']}" if d["geonames"] else f"gz:{i}")
            self.entries.append(Entry(idx=i, uid=uid, **d))
        self.names: dict[str, list[int]] = {k: list(v) for k, v in compiled["names"].items()}
        self.rank: dict[str, int] = {w: i for i, w in enumerate(compiled["common"])}
        self.agents: dict[str, str] = dict(compiled.get("agents", {}))
        self.stop = frozenset(name_key(s) for s in stopnames)
        #: name key -> proclitic letters that make it an ordinary word (بحماس)
        self.bad_prefixes: dict[str, str] = {}
        by_ref = {e.country: e.idx for e in self.entries if e.kind == "country"}
        by_ref.update({f"gn:{e.geonames}": e.idx for e in self.entries if e.kind in ("city", "region") and e.geonames})
        for a in aliases.get("entities", []):
            if a.get("ref"):
                idx = by_ref.get(a["ref"])
                if idx is None:
                    raise ValueError(f"aliases.yaml: {a['id']}: no entry {a['ref']} in the gazetteer")
            else:
                idx = len(self.entries)
                self.entries.append(Entry(
                    idx=idx, kind="curated", label=a["label"], canonical=a.get("canonical"),
                    country=a.get("country"), geonames=None, lat=a.get("lat"), lon=a.get("lon"), population=0,
                    cameo=a.get("cameo"), best=a["names"][0], uid=a["id"],
                    anaphors=tuple(name_key(x) for x in a.get("anaphors", [])),
                    context=tuple(a.get("context", ())), within=a.get("within")))
            for n in a["names"]:
                if a.get("bad_prefixes"):
                    self.bad_prefixes[name_key(n)] = "".join(a["bad_prefixes"])
                lst = self.names.setdefault(name_key(n), [])
                if idx in lst:
                    lst.remove(idx)
                lst.insert(0, idx)  # curated senses first
        for w in not_nationality:  # المالية "financial": drop the nationality senses
            k = name_key(w)
            if k in self.names:
                self.names[k] = [i for i in self.names[k] if self.entries[i].kind not in ("nat_adj", "nationality")]
                if not self.names[k]:
                    del self.names[k]
        for ph in phrases:  # blockers: found like names, they refer to nothing and hide shorter matches
            self.names.setdefault(name_key(ph), [])
        self._auto = ahocorasick.Automaton()
        for key in self.names:
            if key in self.stop:
                continue
            self._auto.add_word(key, (key, False))
            if key.startswith("ال") and len(key) > 3:
                lam = "ل" + key[2:]
                if lam not in self.names:
                    self._auto.add_word(lam, (key, True))
        self._auto.make_automaton()

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None, data_dir: str | Path | None = None) -> "Gazetteer":
        """Load the compiled gazetteer and the curated YAML files.

        Args:
            path: A compiled ``gazetteer.json.gz`` (default: the packaged one).
            data_dir: Folder with ``aliases.yaml`` and ``stopnames.yaml`` (default: ``ar/`` here).

        Returns:
            A ready :class:`Gazetteer`.

        Raises:
            FileNotFoundError: If the compiled file is missing (run ``python -m hadath.build gazetteer``).
            ValueError: If a curated file refers to an unknown country.
        """
        if path is None:
            res = resources.files("hadath.data").joinpath("gazetteer/gazetteer.json.gz")
            with res.open("rb") as fh:
                raw = fh.read()
        else:
            raw = Path(path).read_bytes()
        compiled = json.loads(gzip.decompress(raw).decode("utf-8"))
        ddir = Path(data_dir) if data_dir else DATA_DIR
        aliases = yaml.safe_load((ddir / "aliases.yaml").read_text("utf-8"))
        stop = yaml.safe_load((ddir / "stopnames.yaml").read_text("utf-8"))
        return cls(compiled, aliases, stop["stopnames"], stop.get("phrases", []), stop.get("not_nationality", []))

    # ------------------------------------------------------------------ matching
    def word_rank(self, word: str) -> int:
        """Frequency rank of a normalised word (a large number when it is not frequent)."""
        return self.rank.get(word, 10**9)

    def match(self, text: str) -> list[Match]:
        """Find gazetteer names in normalised text.

        Args:
            text: Normalised text (:func:`hadath.text.normalize.normalize` ``.text``).

        Returns:
            Non-overlapping :class:`Match` objects in text order (longest match first wins).
        """
        n = len(text)
        cands: list[Match] = []
        for end_i, (key, lam) in self._auto.iter(text):
            end = end_i + 1
            if end < n:
                c = text[end]
                if c.isalnum() or c == "_":
                    continue  # the name ends inside a word
            start = end - (len(key) - 1 if lam else len(key))
            # the word start: at most 2 proclitic letters before the name (all chains are that short)
            ws = start
            while ws > 0 and ws > start - 3:
                c = text[ws - 1]
                if not (c.isalnum() or c == "_"):
                    break
                ws -= 1
            else:
                if ws > 0:
                    continue  # 3 or more letters before the name on its word: no proclitic chain
            prefix = text[ws:start]
            if lam:
                if prefix not in LAM_CHAINS:
                    continue
                prefix_out = "لل"
                start = start - 1  # include the first ل: the mention covers "للتحالف"
                chain = prefix[:-1]
            else:
                if prefix not in PROCLITICS:
                    continue
                prefix_out = prefix
                chain = prefix
            if " " not in key:
                if prefix and not lam:
                    surface = text[ws:end]
                    if self.word_rank(surface) < self.word_rank(key):
                        continue  # clitic+name more frequent than the name: an ordinary word
                    if prefix.endswith("ل") and key.startswith("ل") and self.word_rank("ال" + key[1:]) < len(self.rank):
                        continue  # للحج = ل + الحج, not ل + لحج
                    if prefix[-1:] in self.bad_prefixes.get(key, ""):
                        continue  # بحماس "with enthusiasm"
            del chain
            cands.append(Match(start, end, key, prefix_out, tuple(self.names[key])))
        cands.sort(key=lambda m: (-(m.end - m.start), m.start))
        occupied = bytearray(n + 1)
        out: list[Match] = []
        for m in cands:
            if any(occupied[m.start:m.end]):
                continue
            occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
            out.append(m)
        out.sort(key=lambda m: m.start)
        return out

    def lookup(self, key: str) -> list[Entry]:
        """Entries for a normalised name key ([] when unknown).

        Example:
            >>> [e.country for e in Gazetteer.load().lookup("باريس")][:1]
            ['FRA']
        """
        return [self.entries[i] for i in self.names.get(key, [])]
