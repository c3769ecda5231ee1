import pytest

from waishi.extract.people import PeopleFinder


def people(lex, text):
    return PeopleFinder(lex).find(text, 0, len(text))


@pytest.mark.parametrize("text,name,titles,country", [
    ("越共中央委员、外交部副部长黎怀忠当天会见了客人。", "黎怀忠", ["越共中央委员", "外交部副部长"], "VNM"),
    ("越南政府副总理兼外长范平明在会上致开幕词。", "范平明", ["越南政府副总理", "外长"], "VNM"),
    ("广西壮族自治区党委常委、南宁市委书记农生文表示欢迎。", "农生文", ["广西壮族自治区党委常委", "南宁市委书记"], "CHN"),
    ("老挝人民革命党总书记、国家主席本扬·沃拉吉当天抵达万象。", "本扬·沃拉吉",
     ["老挝人民革命党总书记", "国家主席"], "LAO"),
    ("会见阿联酋国防部次长马塔尔·萨利姆·扎希里(Matar Salem Al Dhaheri)少将。", "马塔尔·萨利姆·扎希里",
     ["阿联酋国防部次长", "少将"], "ARE"),
    ("越南驻奥地利大使武黎泰黄与学生交流。", "武黎泰黄", ["越南驻奥地利大使"], "VNM"),
    ("联合国儿童基金会驻越南代表西尔维娅·达纳伊洛夫(Silvia Danailov)强调", "西尔维娅·达纳伊洛夫", ["联合国儿童基金会驻越南代表"], None),
    ("由越共中央对外部副部长黎氏秋姮率领的越南代表团", "黎氏秋姮", ["越共中央对外部副部长"], "VNM"),
])
def test_people_title_chain_and_country(lex, text, name, titles, country):
    found = people(lex, text)
    assert [p.name for p in found] == [name]
    assert [t for t, _ in found[0].titles] == titles
    assert found[0].country == country


def test_people_latin_parenthetical_kept_apart(lex):
    text = "葡萄牙经济部副部长若昂罗德里格斯(Joao Rodrigues)也出席。"
    p = people(lex, text)[0]
    assert p.name == "若昂罗德里格斯" and p.latin == "Joao Rodrigues"


def test_people_rank_after_name(lex):
    p = people(lex, "越南国防部副部长黄春战上将会见外宾。")[0]
    assert p.name == "黄春战"
    assert [t for t, _ in p.titles] == ["越南国防部副部长", "上将"]


@pytest.mark.parametrize("text", [
    "越南政府总理与老挝总理举行会谈。",       # titles without names
    "中央委员会总书记出席了会议。",
    "外交部长在会上表示",
])
def test_people_no_person_without_name(lex, text):
    assert people(lex, text) == []


def test_people_offsets_point_at_the_name(lex):
    text = "5月22日，越南国会主席陈青敏会见了客人。"
    p = people(lex, text)[0]
    assert text[p.span.start:p.span.end] == "陈青敏"
