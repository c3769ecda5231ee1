"""Lexicon.find remembers its matches within one page (page_scope) and nowhere else."""
from waishi.lexicon import _PAGE_FINDS, Lexicon, page_scope


def test_find_is_the_same_inside_and_outside_a_page_scope():
    lex = Lexicon.default()
    text = "国家主席习近平在北京会见越南总理范明政"
    plain = lex.find("gazetteer", text)
    with page_scope():
        first = lex.find("gazetteer", text)
        first.append(("x", 0, 0))  # a caller's list is its own: the remembered matches stay
        assert lex.find("gazetteer", text) == plain
        assert lex.find("titles", text) == lex._find("titles", text)
    assert first[:-1] == plain


def test_page_scope_forgets_after_the_page():
    lex = Lexicon.default()
    assert _PAGE_FINDS.get() is None
    with page_scope():
        lex.find("gazetteer", "越南")
        assert _PAGE_FINDS.get()
    assert _PAGE_FINDS.get() is None
