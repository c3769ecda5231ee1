import pytest

import waishi
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


@pytest.mark.parametrize("text,name,titles", [
    # a chain never runs over 已同 / 分别与 into the previous person's clause
    ("越南政府副总理兼外长范平明已同泰国外交部长敦·巴穆威(Don Pramudwinai)通电话。", "敦·巴穆威",
     ["泰国外交部长"]),
    ("越南国会主席阮氏金银分别与印度尼西亚人民协商会议主席祖尔基弗利·哈桑举行会谈。", "祖尔基弗利·哈桑",
     ["印度尼西亚人民协商会议主席"]),
    # a short gloss in parentheses belongs to the organisation's name
    ("蒙古国国家大呼拉尔(议会)主席赞达呼会见越南客人。", "赞达呼", ["蒙古国国家大呼拉尔(议会)主席"]),
    # 经济 is no stop: the organ name stays whole
    ("越南国会经济委员会主任武鸿清出席会议。", "武鸿清", ["越南国会经济委员会主任"]),
    # 年 and 都 are given names too
    ("越共中央办公厅主任阮文年出席仪式。", "阮文年", ["越共中央办公厅主任"]),
    ("老挝国家副主席巴妮·雅陶都出席仪式。", "巴妮·雅陶都", ["老挝国家副主席"]),
    # a dot followed by a space
    ("老挝政府副总理宋赛• 西潘敦(Sonexay Siphandone)会见越南客人。", "宋赛·西潘敦", ["老挝政府副总理"]),
    # a long transliteration confirmed by its Latin form, even when it starts like a Chinese surname
    ("俄罗斯联邦委员会主席马特维延科(Valentina Matviyenko)发表讲话。", "马特维延科", ["俄罗斯联邦委员会主席"]),
    ("老挝外交部部长助理阿伦盖·基迪昆陪同。", "阿伦盖·基迪昆", ["老挝外交部部长助理"]),
    # a coordinator after a place name ends the chain: 在河内|与|老挝政府总理
    ("越南政府总理范明政在河内与老挝政府总理宋赛·西潘敦举行会谈。", "宋赛·西潘敦", ["老挝政府总理"]),
])
def test_people_chain_boundaries_and_name_forms(lex, text, name, titles):
    from waishi.extract.pipeline import _simplified
    found = people(lex, _simplified(text))
    assert name in [p.name for p in found]
    p = next(p for p in found if p.name == name)
    assert [t for t, _ in p.titles] == titles


def test_people_no_person_from_a_truncated_title_run(lex):
    text = "越南政府副总理兼外交部部长范平明已同新加坡外交部部长维文·巴拉克里希南(Vivian Balakrishnan)通电话。"
    names = [p.name for p in people(lex, text)]
    assert "兼外交部" not in names and not any(n.startswith("兼") for n in names)
    assert "范平明" in names and "维文·巴拉克里希南" in names


def test_people_comrade_is_no_title():
    import waishi
    rec = waishi.extract("越南外交部长会见客人\n\n越南外交部长裴青山会见泰国客人。裴青山同志表示欢迎。\n",
                         published="2021-05-01")
    p = next(p for p in rec.documents[0].people if p.name == "裴青山")
    assert "同志" not in p.titles


@pytest.mark.parametrize("text,name", [
    ("越南外交部长裴青山会见了来访的泰国外交部长巴恩普里。", "巴恩普里"),
    ("越南外交部长裴青山与马来西亚外交部长穆罕默德举行会谈。", "穆罕默德"),
])
def test_people_transliterations_without_dots(lex, text, name):
    assert name in [p.name for p in people(lex, text)]


def test_people_short_form_of_a_full_transliterated_name_is_that_person():
    text = ("智利总统博里奇结束对越南的访问\n\n智利总统加夫列尔·博里奇·丰特(Gabriel Boric Font)3月5日离开河内。"
            "访问期间，智利总统博里奇与越南国家主席梁强举行会谈。\n")
    doc = waishi.extract(text, published="2025-03-06").documents[0]
    names = [p.name for p in doc.people]
    assert "加夫列尔·博里奇·丰特" in names and "博里奇" not in names
    meet = [e for e in doc.events if e.type == "meet"]
    assert meet and "加夫列尔·博里奇·丰特" in meet[0].source + meet[0].target


def test_people_a_glossed_transliterated_name_without_a_title_is_a_person():
    text = ("越南总理致电祝贺新西兰新任总理\n\n值此克里斯托弗·卢克森（Luxon）就任新西兰总理之际，"
            "11月28日，越南政府总理范明政向他致贺电。\n")
    doc = waishi.extract(text, published="2023-11-29").documents[0]
    assert "克里斯托弗·卢克森" in [p.name for p in doc.people]
    ev = [e for e in doc.events if e.type == "congratulate"]
    assert ev and ev[0].source == ["范明政"] and ev[0].target == ["克里斯托弗·卢克森"]


def test_people_members_of_a_delegation_list_share_its_country():
    text = ("泰国总理访问越南\n\n陪同佩通坦出访的有：泰国副总理兼外交部长玛丽斯·沙恩嘉皮罗，泰国商业部长比差·春哈瓦,"
            "农业与合作社部大臣塔玛那，数字经济与社会部大臣巴塞等。\n")
    doc = waishi.extract(text, published="2025-05-20").documents[0]
    countries = {p.name: p.country for p in doc.people}
    assert countries.get("塔玛那") == "THA" and countries.get("巴塞") == "THA"


def test_people_a_glossed_name_after_a_role_word_starts_after_it():
    text = ("越古友谊\n\n1973年9月，古巴领导人菲德尔·卡斯特罗·鲁斯(Fidel Castro Ruz)访问广治省。"
            "老挝政府总理宋赛·西潘敦邀请越南总理访问老挝。\n")
    people = {p.name: p.country for p in waishi.extract(text, published="2025-09-16").documents[0].people}
    assert people.get("菲德尔·卡斯特罗·鲁斯") == "CUB"
    assert "宋赛·西潘敦" in people and not any(n.endswith("邀请") for n in people)


def test_people_holders_named_with_a_title_after_the_name():
    text = ("越古友谊\n\n古巴领导人说，菲德尔·卡斯特罗总司令和胡志明主席的精神永存。"
            "范明正总理出席了会议。\n")
    names = {p.name for p in waishi.extract(text, published="2025-09-16").documents[0].people}
    assert {"胡志明", "菲德尔·卡斯特罗", "范明正"} <= names


def test_people_organisation_office_gives_no_country(lex):
    finder = PeopleFinder(lex)
    # 古特雷斯 holds only the UN's office (iso3 empty in offices.tsv): no country from a Vietnamese-looking surname
    assert finder.country_of_titles([], "古特雷斯") is None
    # a holder of a country's office keeps that country, even when he also held an organisation's office
    assert finder.country_of_titles([], "潘基文") == "KOR"


def test_people_a_meeting_of_ministers_is_no_title():
    text = "越中外长举行会谈\n\n在出席澜湄合作第五次外长会期间，越南外长裴青山同中国外长王毅举行会谈。\n"
    names = [p.name for p in waishi.extract(text, published="2020-02-20").documents[0].people]
    assert not any(n.startswith("会") for n in names) and "裴青山" in names
