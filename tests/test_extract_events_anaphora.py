"""Anaphora in the clause layer: a title the page gave one person, written again alone as a
subject, is that person; a title inside a list or a body's name is not."""

from waishi.extract.pipeline import extract


def _events(text):
    doc = extract(text, source="t.txt").documents[0]
    return [(e.type, tuple(e.source), tuple(e.target)) for e in doc.events]


def test_extract_events_anaphora_a_title_alone_is_its_holder():
    evs = _events("新西兰外长访越\n\n越通社河内——新西兰外长彼得斯对越南进行正式访问，会晤了越南外长裴青山。"
                  "新西兰外长此次访问河内期间还将主持新西兰与东盟青年论坛。")
    hosts = [e for e in evs if e[0] == "host"]
    assert hosts and hosts[0][1] == ("彼得斯",)


def test_extract_events_anaphora_an_embassy_is_not_its_ambassador():
    evs = _events("越南驻古巴大使馆举行招待会\n\n越通社哈瓦那——越南驻古巴大使阮忠清出席活动。"
                  "越南驻古巴大使馆当天举行招待会，庆祝越古建交六十周年。")
    hosts = [e for e in evs if e[0] == "host"]
    assert hosts and all("阮忠清" not in e[1] for e in hosts)


def test_extract_events_anaphora_a_known_holder_without_title_is_a_person():
    # office holders the lexicon lists (offices.tsv), named bare as pages often do after the headline
    evs = _events("越老领导人会晤\n\n越通社万象——随后，范明政会见了老挝国会主席赛宋蓬·丰威汉。"
                  "当天，苏林还会见了老挝总理宋赛·西潘敦。")
    assert ("meet", ("范明政",), ("赛宋蓬·丰威汉",)) in evs
    assert ("meet", ("苏林",), ("宋赛·西潘敦",)) in evs


def test_extract_events_anaphora_a_holder_inside_a_place_name_is_no_person():
    evs = _events("胡志明市与上海签署备忘录\n\n越通社胡志明市——9月14日，胡志明市外务厅与上海市外事办公室签署合作备忘录。")
    assert all("胡志明" not in e[1] for e in evs)


def test_extract_events_anaphora_an_envoy_posted_in_vietnam_is_not_vietnamese():
    # 洪 is a Vietnamese surname too; 中国驻越南大使 names China's envoy
    doc = extract("越南国家主席会见中国大使\n\n越通社河内——越南国家主席阮富仲在主席府会见了前来辞行的中国驻越南大使洪小勇。",
                  source="t.txt").documents[0]
    assert {p.name: p.country for p in doc.people}["洪小勇"] == "CHN"
    assert any(e.type == "meet" and e.target == ["洪小勇"] for e in doc.events)


def test_extract_events_anaphora_other_titles_and_a_time_word_after_the_name():
    evs = _events("港越领导人会谈\n\n越通社曼谷——行政长官李家超早上在会议前与越南国家主席阮春福举行双边会谈。")
    assert ("meet", ("李家超",), ("阮春福",)) in evs


def test_extract_events_anaphora_a_long_transliterated_name_after_a_foreign_title():
    evs = _events("越秘领导人会见\n\n越通社利马——11月13日，越南国家主席梁强会见秘鲁总统博鲁阿尔特。")
    assert ("meet", ("梁强",), ("博鲁阿尔特",)) in evs
