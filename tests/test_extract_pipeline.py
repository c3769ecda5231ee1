import json
import pickle
from pathlib import Path

import pytest

import waishi
from waishi.lexicon import Lexicon

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_pipeline_record_shape_matches_schema():
    rec = waishi.extract((EXAMPLES / "01_vn_lao_talks.txt").read_text(encoding="utf-8"), source="01.txt")
    d = rec.to_dict()
    assert d["schema"] == "waishi.extraction/1" and d["source"] == "01.txt"
    json.dumps(d, ensure_ascii=False)
    kinds = [doc["kind"] for doc in d["documents"]]
    assert kinds[0] == "article" and kinds.count("teaser") == 2
    for doc in d["documents"]:
        assert {"kind", "title", "year", "events", "people", "facts"} <= set(doc)
        for ev in doc["events"]:
            assert ev["type"] in waishi.model.EVENT_TYPES
            assert {"plover", "cameo", "evidence"} <= set(ev)
            ev_text = rec.text[ev["evidence"]["start"]:ev["evidence"]["end"]]
            assert ev_text == ev["evidence"]["text"] and ev_text
        for f in doc["facts"]:
            assert rec.text[f["number"]["start"]:f["number"]["end"]] == f["number"]["text"]


def test_pipeline_teasers_keep_their_own_items():
    rec = waishi.extract((EXAMPLES / "01_vn_lao_talks.txt").read_text(encoding="utf-8"))
    art, t1, t2 = rec.documents
    assert all("维文" not in p.name for p in art.people)
    assert any(p.name == "维文" for p in t2.people)
    assert any(e.type == "phone_call" for e in t2.events)
    assert not any(e.type == "phone_call" for e in art.events)


def test_pipeline_published_anchors_years():
    text = (EXAMPLES / "02_hanoi_guangxi.txt").read_text(encoding="utf-8")
    rec = waishi.extract(text, published="2023-10-11")
    art = rec.documents[0]
    assert art.year == 2023
    assert any(e.type == "visit" and e.date == "2023-10-08" and e.date_end == "2023-10-10" for e in art.events)


def test_pipeline_traditional_text_offsets_hold():
    simp = "越南国家主席会见老挝总理\n\n越南国家主席梁强5月3日在河内会见了老挝总理宋赛·西潘敦。\n"
    trad = "越南國家主席會見老撾總理\n\n越南國家主席梁強5月3日在河內會見了老撾總理宋賽·西潘敦。\n"
    a = waishi.extract(simp, published="2025-05-04").documents[0]
    b = waishi.extract(trad, published="2025-05-04").documents[0]
    assert len(trad) == len(simp)
    assert [(e.type, e.evidence) for e in a.events] == [(e.type, e.evidence) for e in b.events]
    assert [e.type for e in b.events] == ["meet"]


def test_pipeline_empty_text_is_an_input_error():
    with pytest.raises(waishi.EmptyInputError):
        waishi.extract("  \n ")


def test_pipeline_lexicon_pickles_for_workers():
    lex = Lexicon.default()
    lex.find("gazetteer", "越南")  # build an automaton first
    again = pickle.loads(pickle.dumps(lex))
    assert again.find("gazetteer", "老挝和越南")
    rec = waishi.extract("越南与老挝\n\n越南政府总理范明政会见老挝外长。", lexicon=again, published="2024-01-01")
    assert rec.documents[0].people


def test_pipeline_public_api_is_pinned():
    assert set(waishi.__all__) == {
        "extract", "Lexicon", "SCHEMA", "Extraction", "Document", "Event", "Person", "Fact", "Mention", "Page",
        "Span", "WaishiError", "InputError", "EmptyInputError", "BinaryInputError", "DecodeError",
        "UnsupportedFormatError", "LexiconError", "__version__",
    }


def test_pipeline_page_size_limit_is_a_clear_error():
    import pytest

    import waishi
    from waishi.errors import PageTooLargeError
    text = "越南外交部长裴青山会见了泰国外交部长。" * 20
    with pytest.raises(PageTooLargeError, match="too large"):
        waishi.extract(text, max_chars=100, source="big.txt")
    assert waishi.extract(text, max_chars=10_000).documents


def test_pipeline_traditional_text_keeps_written_forms():
    text = "市領導接見中國駐本市新任總領事\n\n市委書記阮文年3月2日接見中國駐胡志明市總領事魏華祥。雙方同意加強合作。\n"
    doc = waishi.extract(text).documents[0]
    assert doc.title == "市領導接見中國駐本市新任總領事"
    names = {p.name for p in doc.people}
    assert {"阮文年", "魏華祥"} <= names
    assert any(t.endswith("總領事") for p in doc.people for t in p.titles)


def test_pipeline_timestamp_line_anchors_the_year():
    text = "越南总理与欧盟委员会主席通电话\n\n2020-07-30 23:19\n\n越南政府总理7月29日下午同欧盟委员会主席通电话。\n"
    rec = waishi.extract(text)
    assert rec.documents[0].year == 2020


def test_pipeline_an_undated_teaser_leans_on_its_siblings_not_an_old_article():
    text = ("越南国家主席张晋创会见古巴领导人\n\n2014年9月28日，越南国家主席张晋创在哈瓦那会见古巴领导人。(完)\n\n更多\n\n"
            "越南蓝盔部队的和平形象\n\n越南维和人员在南苏丹执行任务。\n\n"
            "越共中央总书记苏林会见美国客人\n\n越共中央总书记苏林在河内会见美国客人。\n")
    docs = waishi.extract(text).documents
    assert docs[0].year == 2014
    assert docs[1].year is not None and docs[1].year >= 2024


def test_pipeline_an_undated_teaser_in_a_wide_window_is_left_open():
    # the teaser's only clue is a holder in office 2021-today: its year stays open (not the article's)
    text = ("越南与老挝签署合作协定\n\n2015年3月5日，越南与老挝在河内签署合作协定。(完)\n\n更多\n\n"
            "范明政总理会见老挝客人\n\n越南政府总理范明政在河内会见老挝客人。\n")
    docs = waishi.extract(text).documents
    assert docs[0].year == 2015
    assert docs[1].year is None and docs[1].year_range is not None and docs[1].year_range[0] >= 2021
