"""Clause-level mechanisms of the event frames, on sentences written for these tests."""

from waishi.extract.pipeline import extract

HEAD = "越南与老挝加强合作\n越通社河内——3月5日，"


def _doc(body: str):
    return extract(HEAD + body).documents[0]


def _types(doc):
    return [(e.type, e.source, e.target) for e in doc.events]


def test_extract_events_clauses2_online_meeting_is_a_video_call():
    doc = _doc("越南政府总理范明政与老挝总理宋赛·西潘敦以视频形式举行会谈。")
    assert _types(doc) == [("phone_call", ["范明政"], ["宋赛·西潘敦"])]


def test_extract_events_clauses2_minutes_of_talks_are_no_meeting():
    doc = _doc("双方代表签署了会晤纪要。")
    assert not [e for e in doc.events if e.type == "meet"]


def test_extract_events_clauses2_a_talk_held_is_not_hosted_but_one_chaired_is():
    assert not [e for e in _doc("两党举行了高层会晤。").events if e.type == "host"]
    chaired = _doc("越共中央总书记苏林与老挝人民革命党中央总书记通伦·西苏里共同主持两党高层会晤。")
    assert [e.type for e in chaired.events] == ["host"]


def test_extract_events_clauses2_tourists_received_are_no_meeting():
    assert _doc("去年，老挝各地共接待泰国游客约80万人次。").events == []


def test_extract_events_clauses2_a_date_in_what_is_said_is_not_the_acts():
    doc = _doc("越南国家主席梁强在越老友好年开幕式上致辞时强调，2022年两国关系继续发展。")
    attend = [e for e in doc.events if e.type == "attend"]
    assert attend and all(e.date != "2022" for e in attend)


def test_extract_events_clauses2_an_act_praised_is_background():
    doc = _doc("老挝外长沙伦赛·贡玛西祝贺越南成功举办东盟系列峰会。")
    assert [e.type for e in doc.events] == ["congratulate"]
    assert [(e.type, e.factuality) for e in doc.other_events] == [("host", "background")]


def test_extract_events_clauses2_praise_after_a_comma_leaves_the_act_reported():
    doc = _doc("越南国家主席梁强对老挝进行国事访问，老挝国家主席通伦·西苏里对此表示欢迎。")
    assert [(e.type, e.factuality) for e in doc.events] == [("visit", "reported")]


def test_extract_events_clauses2_receipt_is_aid_from_the_provider():
    doc = _doc("老挝卫生部接收了越南政府捐赠的医疗物资。")
    assert _types(doc) == [("aid", ["越南政府"], ["老挝卫生部"])]


def test_extract_events_clauses2_thanks_for_aid_given_to_someone_reads_the_giver():
    doc = _doc("老挝总理宋赛·西潘敦感谢越南向老挝提供的援助。")
    assert _types(doc) == [("aid", ["越南"], ["老挝"])]


def test_extract_events_clauses2_a_signing_to_come_is_planned_one_hoped_for_is_apart():
    planned = _doc("双方将签署合作备忘录。")
    assert [(e.type, e.factuality) for e in planned.events] == [("sign", "planned")]
    hoped = _doc("双方希望早日签署自由贸易协定。")
    assert hoped.events == [] and [(e.type, e.factuality) for e in hoped.other_events] == [("sign", "proposed")]


def test_extract_events_clauses2_a_patriarch_is_a_titled_person():
    doc = _doc("越南国家主席梁强礼节性拜访柬埔寨最高僧王狄旺长老。")
    assert ("狄旺", ["柬埔寨最高僧王"]) in [(p.name, p.titles) for p in doc.people]
    assert _types(doc) == [("meet", ["梁强"], ["狄旺"])]


def test_extract_events_clauses2_a_clause_opening_with_its_partner_takes_the_sentence_subject():
    doc = _doc("越南政府总理范明政会见老挝外长沙伦赛·贡玛西，分别同老挝人民革命党两名领导通电话，"
               "与老挝越商企业代表会面。")
    assert ("phone_call", ["范明政"], ["老挝人民革命党两名领导"]) in _types(doc)
    # (a class of people met, not named, is kept apart: the clause layer still reads its subject)
    assert [(e.type, e.source, e.target) for e in doc.other_events] == [("meet", ["范明政"], ["老挝越商企业代表"])]


def test_extract_events_clauses2_talks_between_two_bodies_name_both_without_zhijian():
    doc = _doc("越共中央宣教与民运部与柬埔寨人民党中央民运部之间的工作会谈在金边举行。")
    assert _types(doc) == [("meet", ["越共中央宣教与民运部"], ["柬埔寨人民党中央民运部"])]


def test_extract_events_clauses2_punctuation_in_brackets_opens_no_clause():
    doc = _doc("当天，越南国会主席王廷惠与联合国大会(简称:联大)主席丹尼斯·弗朗西斯举行会晤。")
    assert ("meet", ["王廷惠"], ["丹尼斯·弗朗西斯"]) in _types(doc)


def test_extract_events_clauses2_an_act_evaluated_is_background_but_aid_evaluated_is_aid():
    doc = _doc("老挝国会主席赛宋蓬·丰威汉对越南成功举办第四十届东盟峰会给予高度评价。")
    assert [(e.type, e.factuality) for e in doc.other_events] == [("host", "background")]
    aid = _doc("老挝总理宋赛·西潘敦对越南向老挝无偿援助10万美元给予高度评价。")
    assert [e.type for e in aid.events] == ["aid"]
