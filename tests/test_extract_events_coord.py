"""Coordination in the clause layer: 分别 over a list of call partners, a predicate coordinated
with 并 keeping the first one's subject and modality, a long list of hosts in 应…邀请, a
one-character country abbreviation read against the countries the page names."""

from waishi.extract.pipeline import extract


def _events(text):
    doc = extract(text, source="t.txt").documents[0]
    return doc, [(e.type, e.factuality, tuple(e.source), tuple(e.target)) for e in doc.events]


def test_extract_events_coord_separate_phone_calls():
    _, evs = _events("越南外长与三国外长通电话\n\n越南外交部长裴青山6月3日分别同泰国外交部长敦·帕马威、"
                     "日本外务大臣林芳正和澳大利亚外交部长黄英贤举行电话会谈。\n")
    calls = [e for e in evs if e[0] == "phone_call"]
    assert sorted(e[3] for e in calls) == [("敦·帕马威",), ("林芳正",), ("黄英贤",)]
    assert all(e[2] == ("裴青山",) for e in calls)


def test_extract_events_coord_carried_subject_and_modality():
    _, evs = _events("越南国家主席将访问泰国\n\n越通社河内——越南国家主席武文赏将于5月8日至10日对泰国进行国事访问，"
                     "并对东盟秘书处及马来西亚进行正式访问。\n")
    visits = {e[3]: e for e in evs if e[0] == "visit"}
    assert set(visits) == {("泰国",), ("东盟秘书处",), ("马来西亚",)}
    assert all(e[2] == ("武文赏",) and e[1] == "planned" for e in visits.values())


def test_extract_events_coord_long_list_of_hosts_is_this_trip():
    _, evs = _events("越南总理将访问三国\n\n应新加坡总理李显龙、泰国总理赛塔·他威信(Srettha Thavisin)"
                     "和马来西亚总理安瓦尔·易卜拉欣邀请，越南政府总理范明政将于4月1日至6日"
                     "对泰国进行正式访问。\n")
    assert ("visit", "planned", ("范明政",), ("泰国",)) in evs


def test_extract_events_coord_abbreviation_read_against_the_page():
    doc, evs = _events("印尼舆论关注越南国家主席武文赏访印\n\n印尼多家媒体报道，越南国家主席武文赏将于12月20日对印度尼西亚"
                       "进行国事访问。\n")
    assert any(e[0] == "visit" and e[3] in (("印度尼西亚",), ("印尼",)) for e in evs)
    assert not any("印度" == t for e in evs for t in e[3])
    # the office the lexicon knows decides a holder's country, not a country opening the headline
    assert next(p for p in doc.people if p.name == "武文赏").country == "VNM"
    # 访印 alone, on a page naming no other country that begins with 印, is India
    _, evs2 = _events("越南国家主席访印\n\n越南国家主席武文赏将于12月20日访印。\n")
    assert any(e[3] == ("印度",) for e in evs2)


def test_extract_events_coord_meeting_object_beginning_like_a_back_reference():
    # 会见中国… / 会见上海市… are meetings; 在会见中 / 会谈时 refer back to one
    _, evs = _events("越南国会主席访华\n\n在北京，越南国会主席王廷惠会见中国国家主席习近平。"
                     "同日，王廷惠还会见上海市委书记陈吉宁。在会见中，双方表示愿加强合作。\n")
    meets = sorted(e[3] for e in evs if e[0] == "meet")
    assert meets == [("习近平",), ("陈吉宁",)]


def test_extract_events_coord_one_character_country_after_dui():
    _, evs = _events("越南国会主席会见意大利客人\n\n2019年越南国会主席王廷惠对意进行正式访问。\n")
    assert any(e[0] == "visit" and e[3] == ("意大利",) for e in evs)


def test_extract_events_coord_capacity_phrase_is_neither_actor_nor_act():
    _, evs = _events("越南将出席峰会\n\n越南于2020年以东盟轮值主席国身份出席了二十国集团领导人峰会。\n")
    attends = [e for e in evs if e[0] == "attend"]
    assert attends and all(e[2] == ("越南",) for e in attends)
    assert not any(e[0] == "host" for e in evs)


def test_extract_events_coord_aid_to_a_list_of_countries_is_one_gift_each():
    _, evs = _events("越南向邻国捐赠物资\n\n5月6日，越南外交部副部长黎怀忠移交了越南政府捐赠老挝和柬埔寨两国政府的防疫物资。\n")
    aids = sorted(e[3] for e in evs if e[0] == "aid")
    assert aids == [("柬埔寨",), ("老挝",)]
    # a long list of partners is a record of ties, not one gift each
    _, evs2 = _events("某省加强对外合作\n\n该省友好组织联合会向老挝、柬埔寨、泰国、日本、韩国和法国的伙伴提供援助。\n")
    assert len([e for e in evs2 if e[0] == "aid"]) <= 1


def test_extract_events_coord_carried_subject_leaves_the_companion():
    _, evs = _events("柬埔寨外交大臣访越\n\n3月5日，柬埔寨外交大臣布拉索昆与越南外交部长裴青山举行会谈，并拜会越南政府总理范明政。\n")
    meets = {e[3]: e[2] for e in evs if e[0] == "meet"}
    assert meets == {("裴青山",): ("布拉索昆",), ("范明政",): ("布拉索昆",)}


def test_extract_events_coord_dotted_name_ends_before_an_event_word():
    doc, evs = _events("老挝大使拜会越南国家主席\n\n3月5日，老挝驻越南大使森菲·本伦礼节性拜会了越南国家主席梁强。\n")
    assert "森菲·本伦" in {p.name for p in doc.people}
    assert ("meet", "reported", ("森菲·本伦",), ("梁强",)) in evs


def test_extract_events_coord_congratulated_on_taking_office_names_the_person():
    doc, evs = _events("越南领导人致电祝贺\n\n3月5日，越南国家主席梁强致电祝贺阿努拉·迪萨纳亚克当选斯里兰卡总统。\n")
    assert ("congratulate", "reported", ("梁强",), ("阿努拉·迪萨纳亚克",)) in evs
    p = next(p for p in doc.people if p.name == "阿努拉·迪萨纳亚克")
    assert p.titles == ["斯里兰卡总统"] and p.country == "LKA"
    _, evs2 = _events("越南领导人致信祝贺\n\n3月5日，越南政府总理范明政致信祝贺石破茂就任日本首相。\n")
    assert ("congratulate", "reported", ("范明政",), ("石破茂",)) in evs2


def test_extract_events_coord_holder_of_several_terms_lets_the_window_pick():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "越南国家主席梁强致电祝贺特朗普当选美国总统。",
                 people=[("梁强", ["越南国家主席"]), ("特朗普", [])])
    assert ev.decide() == 2025


def test_extract_events_coord_lesser_meeting_of_a_series_is_not_the_series():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "越南代表团出席了第十三届东盟地区论坛高官会。")
    assert not any(c.note.startswith("series") for c in ev.constraints)
    ev2 = collect(Lexicon.default(), "越南代表团出席了第十三届东盟地区论坛。")
    assert ev2.decide() == 2006


def test_extract_events_coord_attendance_of_the_gathering_said_to_be_held():
    _, evs = _events("东盟外长会议举行\n\n7月8日，第57届东盟外长会议在老挝万象开幕，越南外交部长裴青山率团出席。\n")
    assert ("attend", "reported", ("裴青山",), ("第57届东盟外长会议",)) in evs


def test_extract_events_coord_whom_a_ceremony_is_held_for_is_no_host():
    _, evs = _events("越南国家主席欢迎法国总统\n\n5月25日，越南国家主席梁强在主席府为来访的法国总统马克龙举行隆重欢迎仪式。\n")
    hosts = [e for e in evs if e[0] == "host"]
    assert hosts and all(e[2] == ("梁强",) for e in hosts)


def test_extract_events_coord_series_number_after_the_name():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "两国政府总理共同主持越老政府间合作委员会第47次会议。")
    assert ev.decide() == 2025


def test_extract_events_coord_subject_shared_inside_a_clause():
    _, evs = _events("越南总理赴美\n\n9月20日，越南政府总理范明政率团启程前往美国，出席联合国大会并对美国进行工作访问。\n")
    visits = [e for e in evs if e[0] == "visit"]
    assert visits and all(e[2][0] == "范明政" for e in visits)


def test_extract_events_coord_visit_going_on_where_it_is_said_to_be():
    _, evs = _events("越南总理会见泰国外长\n\n3月5日下午，越南政府总理范明政在河内会见了正在越南进行正式访问的泰国外交部长敦·帕马威。\n")
    assert ("visit", "reported", ("敦·帕马威",), ("越南",)) in evs


def test_extract_events_coord_congratulation_with_its_object_left_out():
    _, evs = _events("越南领导人致电祝贺\n\n3月5日，越南国家主席梁强致电祝贺阿努拉·迪萨纳亚克当选斯里兰卡总统。"
                     "同日，越南政府总理范明政也致电祝贺。\n")
    cong = sorted((e[2], e[3]) for e in evs if e[0] == "congratulate")
    assert cong == [(("梁强",), ("阿努拉·迪萨纳亚克",)), (("范明政",), ("阿努拉·迪萨纳亚克",))]


def test_extract_events_coord_collective_message_sums_up_the_persons():
    _, evs = _events("越南领导人致贺电\n\n值此老挝国庆50周年之际，越南党、国家和政府领导人向老挝党、国家和政府领导人致贺电。"
                     "越共中央总书记苏林、国家主席梁强分别向老挝人民革命党中央总书记兼国家主席通伦致贺电。\n")
    cong = sorted(e[2] for e in evs if e[0] == "congratulate")
    assert cong == [("梁强",), ("苏林",)]


def test_extract_events_coord_attended_and_hosted_and_global_gatherings():
    _, evs = _events("越南总理出席东盟—日本峰会\n\n3月5日，越南政府总理范明政出席并主持东盟—日本峰会。\n")
    assert {e[0] for e in evs if e[3] == ("东盟—日本峰会",)} == {"attend", "host"}
    _, evs2 = _events("全球青年议员大会\n\n9月14日，越南国会在河内主办第九届全球青年议员大会。\n")
    assert ("host", "reported", ("越南国会",), ("第九届全球青年议员大会",)) in evs2
    _, evs3 = _events("东盟峰会开幕\n\n9月5日，第43届东盟峰会在雅加达开幕。印尼总统佐科主持会议，越南政府总理范明政出席。\n")
    assert ("attend", "reported", ("范明政",), ("第43届东盟峰会",)) in evs3


def test_extract_events_coord_meetings_spoken_of_are_no_meeting_of_the_pair():
    _doc, evs = _events("越泰总理通电话\n\n越通社河内——1月9日，越南政府总理范明政同泰国总理赛塔通电话。"
                        "两位总理积极评价两国高层的会晤成果。")
    assert [e for e in evs if e[0] == "meet"] == []
    assert [e for e in evs if e[0] == "phone_call"]


def test_extract_events_coord_an_emperor_is_titled():
    _doc, evs = _events("日本天皇致贺电\n\n越通社河内——日本天皇德仁向越南国家主席苏林致贺电。")
    assert ("congratulate", "reported", ("德仁",), ("苏林",)) in evs or \
        any(e[0] == "congratulate" and e[2] == ("德仁",) for e in evs)


def test_extract_events_coord_jiang_handing_over_is_no_future():
    _doc, evs = _events("越南向老挝移交物资\n\n越通社河内——6月2日，越南外交部副部长黎氏秋姮将越南政府捐赠的医疗物资"
                        "移交给老挝、柬埔寨和缅甸等越南在东南亚的三个邻国。")
    aid = [e for e in evs if e[0] == "aid"]
    assert sorted(e[3] for e in aid) == [("柬埔寨",), ("缅甸",), ("老挝",)]
    assert all(e[1] == "reported" for e in aid)


def test_extract_events_coord_two_donors_received_are_two_gifts():
    _doc, evs = _events("越南接收救灾物资\n\n越通社河内——9月20日，自然灾害防治总局接收了新西兰政府提供的一批援助物资、"
                        "东盟灾害管理中心提供的两批援助物资。")
    aid = {(e[2], e[3]) for e in evs if e[0] == "aid"}
    assert (("新西兰政府",), ("自然灾害防治总局",)) in aid
    assert any(src[0].startswith("东盟") for src, _t in aid)
    assert len(aid) == 2


def test_extract_events_coord_a_message_to_new_leaders_goes_to_those_it_names_elected():
    _doc, evs = _events("越南领导人致电祝贺\n\n越通社河内——3月22日，越南国家主席武文赏向老挝新一届领导人致电，"
                        "祝贺通伦·西苏里当选老挝国家主席。当天，越南外交部长裴青山致电沙伦赛·贡玛希，"
                        "祝贺他再次当选老挝外交部长。")
    got = {(e[2], e[3]) for e in evs if e[0] == "congratulate"}
    assert (("武文赏",), ("通伦·西苏里",)) in got
    assert (("裴青山",), ("沙伦赛·贡玛希",)) in got


def test_extract_events_coord_attending_before_another_act_is_attending():
    _doc, evs = _events("越俄领导人会谈\n\n越通社莫斯科——5月9日，越南国家主席张晋创出席卫国战争胜利70周年阅兵典礼后，"
                        "与俄罗斯总统普京举行会谈。")
    assert ("attend", "reported", ("张晋创",), ("卫国战争胜利70周年阅兵典礼",)) in evs
    assert any(e[0] == "meet" and e[3] == ("普京",) for e in evs)


def test_extract_events_coord_coming_to_call_on_someone_is_no_trip():
    _doc, evs = _events("越南国家主席访问广东\n\n越通社广州——6月21日下午，越南国家主席张晋创会见了前来拜会的广东省委书记胡春华。")
    assert not any(e[0] == "visit" and e[2] == ("胡春华",) for e in evs)
    assert any(e[0] == "meet" for e in evs)


def test_extract_events_coord_attending_the_reception_a_clause_says_was_held():
    _doc, evs = _events("越南驻华大使馆举行国庆招待会\n\n越通社北京——9月1日，越南驻华大使馆举行招待会，庆祝越南国庆80周年，"
                        "中国外交部副部长孙卫东出席。")
    assert ("attend", "reported", ("孙卫东",), ("招待会",)) in evs


def test_extract_events_coord_chairing_a_ceremony_to_welcome_is_hosting_it():
    _doc, evs = _events("越南国家主席欢迎日本天皇\n\n越通社河内——9月20日，越南国家主席梁强主持仪式欢迎日本天皇德仁访越。")
    assert ("host", "reported", ("梁强",), ("仪式",)) in evs


def test_extract_events_coord_exchanged_messages_and_a_channel_of_aid():
    _doc, evs = _events("越中领导人互致贺电\n\n越通社河内——1月18日，越共中央总书记苏林与中共中央总书记习近平互致贺电。"
                        "越南通过世界粮食计划署向古巴援助1万吨大米。")
    congr = {(e[2], e[3]) for e in evs if e[0] == "congratulate"}
    assert congr == {(("苏林",), ("习近平",)), (("习近平",), ("苏林",))}
    assert [e[2] for e in evs if e[0] == "aid"] == [("越南",)]


def test_extract_events_coord_arrived_then_visiting_and_a_carried_subject():
    _doc, evs = _events("菲律宾总统抵达河内\n\n越通社河内——1月29日，菲律宾总统小马科斯抵达河内，展开为期两天的国事访问，"
                        "并将与越南国家主席武文赏举行会谈。")
    assert ("visit", "reported", ("小马科斯",), ("越南", "河内")) in evs
    assert ("meet", "planned", ("小马科斯",), ("武文赏",)) in evs


def test_extract_events_coord_meeting_with_and_a_known_two_character_subject():
    _doc, evs = _events("越日领导人见面\n\n越通社东京——5月20日，苏林与老挝国家主席通伦举行了会谈。"
                        "范明政在东京同日本经济团体联合会会长十仓雅和见面。日越友好见面会在东京举行。")
    assert ("meet", "reported", ("苏林",), ("通伦",)) in evs
    assert any(e[0] == "meet" and e[2] == ("范明政",) for e in evs)
    assert not any(e[0] == "meet" and "会在东京举行" in "".join(e[3]) for e in evs)


def test_extract_events_coord_parts_after_semicolons_keep_the_first_subject():
    _doc, evs = _events("越南国会主席结束访问\n\n越通社河内——11月25日，访问柬埔寨期间，越南国会主席王廷惠开展了多项活动；"
                        "拜会了柬埔寨国王西哈莫尼；会见了柬埔寨首相洪森。")
    got = {(e[2], e[3]) for e in evs if e[0] == "meet"}
    assert (("王廷惠",), ("西哈莫尼",)) in got or any(s == ("王廷惠",) and "西哈莫尼" in t[0] for s, t in got)
    assert any(s == ("王廷惠",) and t == ("洪森",) for s, t in got)


def test_extract_events_coord_a_call_with_leaders_of_two_countries_is_two_calls():
    _doc, evs = _events("越老柬领导人通电话\n\n越通社河内——3月26日，越南政府总理阮春福同柬埔寨首相洪森和老挝总理通伦通电话。")
    assert {e[3] for e in evs if e[0] == "phone_call"} == {("通伦",), ("洪森",)}


def test_extract_events_coord_respectively_met_over_a_comma_list():
    _doc, evs = _events("越南国家主席出席APEC会议\n\n越通社旧金山——11月17日，武文赏主席在会议间隙同多国领导人举行会晤。"
                        "武文赏主席分别会见了马来西亚总理安瓦尔·易卜拉欣,加拿大总理贾斯廷·特鲁多"
                        "和秘鲁总统迪娜·博卢阿特(Dina Boluarte)等。")
    met = {e[3] for e in evs if e[0] == "meet"}
    assert {("安瓦尔·易卜拉欣",), ("贾斯廷·特鲁多",), ("迪娜·博卢阿特",)} <= met
    assert not [e for e in evs if e[0] == "attend" and "会晤" in "".join(e[3])]


def test_extract_events_coord_leaders_listed_over_commas_met_respectively():
    _doc, evs = _events("老挝领导会见越南代表团\n\n越通社万象——12月1日，老挝人民革命党中央总书记朱马里·赛雅颂，老挝总理通辛·坦马冯，"
                        "老挝国会主席巴尼·亚陶都当天分别会见越南代表团。老挝领导人感谢越南党、国家派遣代表团来老参加庆祝活动。")
    assert {e[2] for e in evs if e[0] == "meet"} == {("朱马里·赛雅颂",), ("通辛·坦马冯",), ("巴尼·亚陶都",)}
    assert not any("派遣" in "".join(e[2]) for e in evs)


def test_extract_events_coord_messages_listed_over_commas_are_one_message():
    _doc, evs = _events("越南领导人致贺电\n\n越通社河内——在中华人民共和国成立70周年之际，越共中央总书记阮富仲，政府总理阮春福，"
                        "国会主席阮氏金银向国务院总理李克强，全国人大常委会委员长栗战书，中共中央总书记习近平等致贺电。")
    congr = [e for e in evs if e[0] == "congratulate"]
    assert [(set(e[2]), set(e[3])) for e in congr] == [({"阮富仲", "阮春福", "阮氏金银"}, {"习近平", "李克强", "栗战书"})]


def test_extract_events_coord_one_message_to_two_leaders_of_one_country():
    _doc, evs = _events("文莱苏丹致贺电\n\n越通社河内——文莱苏丹哈桑纳尔·博尔基亚向越南政府总理阮春福和越共中央总书记阮富仲致贺电。")
    congr = [e for e in evs if e[0] == "congratulate"]
    assert len(congr) == 1 and {"阮富仲", "阮春福"} <= set(congr[0][3])
