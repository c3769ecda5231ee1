"""An event actor's kind and country, by the gazetteer (extract/actors.py)."""

from __future__ import annotations

import pytest

from waishi.extract.actors import ActorClass, classify_actor
from waishi.lexicon import Lexicon


@pytest.mark.parametrize("name,side,size,expected", [
    ("老挝", (), 1, ActorClass("country", "LAO")),
    ("河内", (), 1, ActorClass("place", "VNM")),
    ("越南外交部代表团", (), 1, ActorClass("org", "VNM")),  # a body named after a known entity
    ("某某协会", ("KHM",), 1, ActorClass("other", "KHM")),  # a lone actor takes its side's one country
    ("某某协会", ("KHM",), 2, ActorClass("other", None)),  # not when the side has two actors
    ("某某协会", ("KHM", "LAO"), 1, ActorClass("other", None)),  # nor when the side has two countries
])
def test_extract_actors_classify(lex: Lexicon, name: str, side: tuple[str, ...], size: int,
                                 expected: ActorClass) -> None:
    assert classify_actor(lex, name, side, size) == expected
