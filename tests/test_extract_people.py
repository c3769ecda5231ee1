import pytest

from waishi.extract.people import PeopleFinder


def people(lex, text):
    return PeopleFinder(lex).find(text, 0, len(text))


@pytest.mark.parametrize("text,name,titles,country", [
    ("越共中央政治局委员、外交部长黎怀忠会见了客人。", "黎怀忠", ["越共中央政治局委员", "外交部长"], "VNM"),
    ("越南政府副总理兼外长范平明致开幕词。", "范平明", ["越南政府副总理", "外长"], "VNM"),
    ("广东省委常委、广州市委书记郭永航表示欢迎。", "郭永航", ["广东省委常委", "广州市委书记"], "CHN"),
    ("老挝人民革命党中央委员会总书记、国家主席通伦·西苏里抵达河内。", "通伦·西苏里",
     ["老挝人民革命党中央委员会总书记", "国家主席"], "LAO"),
    ("会见了阿联酋国防部副部长易卜拉欣·纳赛尔·阿莱维(Ibrahim Nasser Al-Alawi)中将。", "易卜拉欣·纳赛尔·阿莱维",
     ["阿联酋国防部副部长", "中将"], "ARE"),
    ("越南驻奥地利大使武黎泰黄与学生交流。", "武黎泰黄", ["越南驻奥地利大使"], "VNM"),
    ("联合国常驻越南协调员宝琳·塔梅西斯(Pauline Tamesis)指出", "宝琳·塔梅西斯", ["联合国常驻越南协调员"], None),
    ("由越共中央宣教与民运部副部长赵才荣率领的代表团", "赵才荣", ["越共中央宣教与民运部副部长"], "VNM"),
])
def test_people_title_chain_and_country(lex, text, name, titles, country):
    found = people(lex, text)
    assert [p.name for p in found] == [name]
    assert [t for t, _ in found[0].titles] == titles
    assert found[0].country == country


def test_people_latin_parenthetical_kept_apart(lex):
    text = "希腊发展部副部长斯塔夫罗斯卡拉法蒂斯(Stavros Kalafatis)出席。"
    p = people(lex, text)[0]
    assert p.name == "斯塔夫罗斯卡拉法蒂斯" and p.latin == "Stavros Kalafatis"


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
