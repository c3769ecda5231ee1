"""Event frames are data (frames.tsv): the trigger's type names its frame, the frame its reader
and the actor kinds of its roles; one dispatcher reads them for all eight types."""

import shutil
from importlib import resources

import pytest

from waishi.extract.pipeline import extract
from waishi.lexicon import Lexicon, LexiconError


def _data_copy(tmp_path):
    src = resources.files("waishi.lexicon") / "data"
    dst = tmp_path / "data"
    shutil.copytree(str(src), dst)
    return dst


def test_every_trigger_type_has_a_frame_and_every_reader_exists():
    from waishi.extract.events import EventFinder
    lex = Lexicon.default()
    types = {t.type for t in lex.triggers.values() if t.type != "block"}
    assert types == set(lex.frames) == {"meet", "visit", "phone_call", "sign", "attend", "host", "congratulate", "aid"}
    for f in lex.frames.values():
        assert callable(getattr(EventFinder, f"_read_{f.reader}"))
    assert {t for t, f in lex.frames.items() if f.symmetric} == {"meet", "phone_call", "sign"}


def test_a_frames_target_kinds_decide_who_fills_the_role(tmp_path):
    text = "越南总理通电话\n\n2024年3月5日，越南政府总理范明政与老挝通电话。"
    calls = [e for e in extract(text).documents[0].events if e.type == "phone_call"]
    assert calls and calls[0].target == ["老挝"]
    data = _data_copy(tmp_path)
    p = data / "frames.tsv"
    p.write_text(p.read_text(encoding="utf-8").replace("phone_call\tcall\tyes\tperson,org,country,group\tperson,country",
                                                       "phone_call\tcall\tyes\tperson,org,country,group\tperson"),
                 encoding="utf-8")
    lex = Lexicon.load(data)
    assert lex.frames["phone_call"].target == ("person",)


def test_a_bad_frame_or_a_trigger_without_frame_is_a_clear_error(tmp_path):
    data = _data_copy(tmp_path)
    p = data / "frames.tsv"
    good = p.read_text(encoding="utf-8")
    p.write_text(good.replace("aid\tgift", "aid\tpresent"), encoding="utf-8")
    with pytest.raises(LexiconError, match="frames.tsv"):
        Lexicon.load(data)
    p.write_text("\n".join(ln for ln in good.splitlines() if not ln.startswith("aid\t")) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="triggers.tsv.*no frame"):
        Lexicon.load(data)


def test_the_modified_frame_changes_the_reading(tmp_path):
    text = "越南总理通电话\n\n2024年3月5日，越南政府总理范明政通电话老挝总理宋赛。"
    calls = [e for e in extract(text).documents[0].events if e.type == "phone_call"]
    data = _data_copy(tmp_path)
    p = data / "frames.tsv"
    p.write_text(p.read_text(encoding="utf-8").replace("phone_call\tcall\tyes\tperson,org,country,group\tperson,country",
                                                       "phone_call\tcall\tyes\tperson,org,country,group\tcountry"),
                 encoding="utf-8")
    calls2 = [e for e in extract(text, lexicon=Lexicon.load(data)).documents[0].events if e.type == "phone_call"]
    assert [c.target for c in calls] != [c.target for c in calls2]
