"""Factuality and one event per act: each mechanism on short self-written sentences."""
import waishi

HEAD = "越南与老挝关系不断发展\n\n"


def doc(body, published="2025-06-01"):
    return waishi.extract(HEAD + body, published=published).documents[0]


def test_factuality_a_planned_visit_is_kept_and_marked():
    d = doc("老挝国家主席通伦·西苏里将于6月20日对越南进行国事访问。")
    visits = [e for e in d.events if e.type == "visit"]
    assert visits and visits[0].factuality == "planned"


def test_factuality_a_topic_of_talks_is_no_meeting():
    d = doc("越南国会主席陈青敏5月3日在河内会见了老挝国会主席赛宋蓬·丰威汉。双方同意继续保持高层互访和会晤。")
    meets = [e for e in d.events if e.type == "meet"]
    assert len(meets) == 1
    assert any(e.factuality in ("topic", "proposed") for e in d.other_events) or len(d.events) == 1


def test_factuality_a_pledge_is_no_aid():
    d = doc("日方承诺向老挝提供5亿美元的官方发展援助。")
    assert not [e for e in d.events if e.type == "aid"]


def test_factuality_proposed_goes_to_other_events_in_the_record():
    d = doc("越南政府总理范明政5月3日在河内会见了老挝总理宋赛·西潘敦。范明政建议双方领导人定期会晤。")
    rec = d.to_dict()
    assert all(e["factuality"] in ("reported", "planned") for e in rec["events"])


def test_one_act_a_message_and_its_content_are_one_congratulation():
    d = doc("越南政府总理范明政5月20日向老挝总理宋赛·西潘敦致贺电，祝贺他当选老挝新总理。")
    cons = [e for e in d.events if e.type == "congratulate"]
    assert len(cons) == 1 and "宋赛·西潘敦" in cons[0].target


def test_one_act_a_remark_in_talks_is_no_congratulation():
    d = doc("越南国会主席陈青敏5月3日在河内会见了老挝国会主席赛宋蓬·丰威汉。赛宋蓬·丰威汉对越南的发展成就表示祝贺。")
    assert not [e for e in d.events if e.type == "congratulate"]


def test_one_act_a_restated_visit_joins_the_visit():
    d = doc("老挝国家主席通伦·西苏里5月20日抵达河内，开始对越南进行国事访问。这是通伦·西苏里自2021年3月当选以来首次访问越南。")
    visits = [e for e in d.events if e.type == "visit"]
    assert len(visits) == 1 and visits[0].date == "2025-05-20"


def test_sides_both_sides_signing_are_the_two_countries():
    d = doc("越南国家主席梁强5月20日同老挝国家主席通伦·西苏里举行会谈。会谈结束后，双方签署了多份合作文件。")
    signs = [e for e in d.events if e.type == "sign"]
    assert signs and set(signs[0].source + signs[0].target) >= {"越南", "老挝"}


def test_generic_gatherings_are_no_events():
    d = doc("老挝积极参加东盟的各项活动。")
    assert not [e for e in d.events if e.type == "attend"]


def test_clause_a_subject_carries_over_coordinated_predicates():
    d = doc("此外，越南政府总理范明政已会见老挝副总理宋赛·西潘敦，参加由老挝外长沙伦赛·贡玛西主持的宴会，会见东盟秘书长高金洪。")
    meets = [e for e in d.events if e.type == "meet"]
    kao = [e for e in meets if "高金洪" in e.source + e.target]
    assert kao and "范明政" in kao[0].source + kao[0].target
    assert not any("沙伦赛·贡玛西" in e.source + e.target for e in meets)


def test_roundup_each_senders_paragraph_is_his_message():
    text = ("各国领导致电祝贺老挝新任国家主席\n\n值此通伦·西苏里同志当选老挝国家主席之际，古巴、越南和柬埔寨等国领导人及联合国秘书长"
            "纷纷致贺电，祝贺他当选。\n\n古巴国家主席米格尔·迪亚斯-卡内尔·贝穆德斯在贺电中祝愿通伦·西苏里在新岗位上顺利。\n")
    evs = [e for e in waishi.extract(text, published="2021-03-25").documents[0].events if e.type == "congratulate"]
    assert any("米格尔·迪亚斯-卡内尔·贝穆德斯" in e.source for e in evs)
    assert any({"古巴", "柬埔寨", "联合国"} <= set(e.source) for e in evs)


def test_a_wish_voiced_in_talks_is_no_congratulation():
    d = doc("越南国会主席陈青敏5月3日在河内会见了老挝国会主席赛宋蓬·丰威汉。赛宋蓬·丰威汉祝愿越南取得更大成就。")
    assert not [e for e in d.events if e.type == "congratulate"]


def test_a_meeting_word_inside_a_name_names_no_partner():
    d = doc("越南外交部5月3日就两国领导人第二次会晤准备工作召开新闻发布会。")
    assert not [e for e in d.events if e.type == "meet"]


def test_a_video_meeting_is_a_call():
    d = doc("越南国会主席陈青敏5月3日同老挝国会主席赛宋蓬·丰威汉举行视频会见。")
    assert [e for e in d.events if e.type == "phone_call"]


def test_clause_an_adverbial_clause_lends_no_subject_and_titled_partners_are_two_meetings():
    d = doc("访老期间，越南政府总理范明政拜见老挝国家主席通伦·西苏里，与老挝总理宋赛·西潘敦举行会谈，"
            "会见老挝国会主席赛宋蓬·丰威汉和老挝建国阵线主席赛宗蓬，以及会见老越友好协会代表团。")
    meets = [e for e in d.events if e.type == "meet"]
    partners = [set(e.source + e.target) for e in meets]
    assert any({"范明政", "通伦·西苏里"} <= p for p in partners)
    assert any({"范明政", "赛宋蓬·丰威汉"} <= p and "赛宗蓬" not in p for p in partners)
    assert all("范明政" in p for p in partners)


def test_aid_to_each_country_is_one_donation_per_country_named():
    d = doc("越南驻老挝大使馆和越南驻柬埔寨大使馆分别致函，通知越南政府决定向缅甸和泰国每个国家提供5万美元的援助。")
    aids = [e for e in d.events if e.type == "aid"]
    assert sorted(t for e in aids for t in e.target) == ["泰国", "缅甸"]


def test_a_custom_named_before_makes_the_act_habitual():
    d = doc("按照东盟的惯例，新当选的国家元首通常会访问东盟各成员国。")
    assert not [e for e in d.events if e.type == "visit"]


def test_extract_factuality_a_subjectless_clause_keeps_the_plan_before_it():
    from waishi.extract.pipeline import extract
    doc = extract("越南国会主席将访华\n\n越通社河内——按日程，越南国会主席王廷惠将同中国全国人大委员长赵乐际会谈，"
                  "分别与中共中央总书记习近平和国务院总理李强进行会见。", source="t.txt").documents[0]
    facts = {e.target[0]: e.factuality for e in doc.events if e.type == "meet"}
    assert facts == {"赵乐际": "planned", "习近平": "planned", "李强": "planned"}
    doc = extract("越南国会主席访华\n\n越通社北京——以“面向未来”为主题，越南成功举办了东盟峰会。",
                  source="t.txt").documents[0]
    assert all(e.factuality == "reported" for e in doc.events)


def test_extract_factuality_a_plan_that_names_no_counterpart_is_kept_apart():
    from waishi.extract.pipeline import extract
    doc = extract("越南总理抵达北京\n\n越通社北京——9月10日，越南政府总理阮春福抵达北京，开始对中国进行正式访问。"
                  "访问期间，阮春福将会见中国党和国家领导，并与国务院总理李克强举行会谈。", source="t.txt").documents[0]
    meets = {e.target[0]: e.factuality for e in doc.events if e.type == "meet"}
    assert meets == {"李克强": "planned"}
    assert any(e.type == "meet" and e.target == ["中国党和国家领导"] for e in doc.other_events)
