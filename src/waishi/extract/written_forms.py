"""Names, titles and actors put back as the page writes them (matching ran on the Simplified text)."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Extraction


def _restore_written_forms(rec: Extraction, text: str, match_text: str,
                           script: Callable[[str], str] = str) -> None:
    """Names, titles and actors as written: matching ran on the Simplified text, which has the
    same length, so a string read from it is put back from the same place in the original."""
    cache: dict[str, str] = {}

    def orig(s: str | None) -> str | None:
        if not s:
            return s
        got = cache.get(s)
        if got is None:
            i = match_text.find(s)
            if i < 0 and "·" in s:
                # (宋赛. 西潘敦, 宋赛• 西潘敦: a dot and a space, read as one dot, put back as written)
                spaced = s.replace("·", "··")
                i = match_text.find(spaced)
                s_len = len(spaced) if i >= 0 else len(s)
            else:
                s_len = len(s)
            # (a name the page does not write, from a lexicon: 访华 -> 中国, in the page's script)
            got = cache[s] = text[i:i + s_len] if i >= 0 else script(s)
        return got

    def origs(xs: list[str]) -> list[str]:
        return [orig(x) or x for x in xs]

    for d in rec.documents:
        if d.title_span is not None:
            d.title = text[d.title_span.start:d.title_span.end]
        for p in d.people:
            p.name = orig(p.name) or p.name
            p.titles = origs(p.titles)
        for e in d.events:
            e.source, e.target, e.location = origs(e.source), origs(e.target), orig(e.location)
        for f in d.facts:
            f.subject = origs(f.subject)
            if f.counted:
                f.counted = orig(f.counted)
        for m in d.mentions:
            m.text = text[m.span.start:m.span.end]
