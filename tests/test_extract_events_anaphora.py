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
