"""Words around names and the ruling parties are lexicon data (name_words.tsv, parties.tsv)."""

from waishi.extract.pipeline import extract
from waishi.lexicon import Lexicon


def test_lexicon_name_words_load_by_kind():
    lex = Lexicon.default()
    assert "同志" in lex.honorifics and "夫人" not in lex.honorifics
    assert "长老" in lex.name_suffixes
    assert "外长" in lex.titles_after
    assert lex.party_of["VNM"] == "CPV" and lex.party_of["LAO"] == "LPRP"


def test_lexicon_name_words_a_short_title_after_a_known_name_is_read():
    text = ("越老外长会谈\n越通社河内——3月5日，越南外交部长裴青山与老挝外长沙伦赛·贡玛西举行会谈。"
            "会谈中，裴青山外长感谢老方的支持。")
    doc = extract(text).documents[0]
    person = next(p for p in doc.people if p.name == "裴青山")
    assert len(person.mentions) >= 2
