"""Session 27: constructions read from dev44 and dev45 (texts written for these tests)."""

from extract_rows import event_rows as _events
from extract_rows import first_doc as _doc

from waishi.extract.segment import page_date


def _other(text):
    return [(e.type, e.factuality, tuple(e.source), tuple(e.target)) for e in _doc(text).other_events]


def test_a_former_holder_dates_the_page_after_his_term():
    # 李显龙 was prime minister until May 2024: named as a former one, the page is of 2024 or later
    doc = _doc("新加坡前总理访问中国\n\n新加坡前总理李显龙昨天抵达北京，开始对中国进行访问。"
               "他将与中国国家主席习近平会面。")
    assert doc.year_range is not None and doc.year_range[0] is not None and doc.year_range[0] >= 2024
    assert any(str(c.get("why", "")).startswith("former 李显龙") for c in doc.year_constraints)


def test_a_former_holder_never_counts_as_in_office():
    # as a current holder 李显龙 would close the window in 2024; as a former one he leaves it open
    doc = _doc("新加坡前总理访问中国\n\n新加坡前总理李显龙抵达北京，开始对中国进行访问。")
    assert not any("held at once" in str(c.get("why")) and "李显龙" in str(c.get("why")) for c in doc.year_constraints)


def test_an_anniversary_of_a_founding_in_the_lexicon_dates_a_planned_attendance():
    doc = _doc("新加坡国务资政访华\n\n新加坡前总理、国务资政李显龙24日起访问中国。他将出席苏州工业园区成立30周年纪念活动。")
    assert doc.year == 2024


def test_a_capacity_written_with_the_variant_form_is_no_actor():
    rows = _events("新加坡国务资政访华\n\n2024年11月24日，李显龙以国务资政身分访问中国。")
    assert rows and all("身分" not in a for r in rows for a in r[2] + r[3])


def test_a_pronoun_subject_keeps_its_companion_and_gains_its_antecedent():
    rows = _events("新加坡总理访问中国\n\n2024年11月24日，新闻稿介绍李显龙的行程，他将在苏州与中国国务院副总理何立峰一同出席"
                   "工业园区成立30周年纪念活动。")
    attend = [r for r in rows if r[0] == "attend"]
    assert attend and "李显龙" in attend[0][2] and "何立峰" in attend[0][2]


def test_fenbie_distributes_over_listed_subjects():
    rows = _events("新加坡总统访问越南\n\n2012年4月23日，新加坡总统陈庆炎对越南进行国事访问。访越期间，越共中央总书记阮富仲、"
                   "越南国家主席张晋创、政府总理阮晋勇分别与新加坡总统陈庆炎会谈、会见。")
    meets = sorted(r[2] for r in rows if r[0] == "meet")
    assert meets == [("张晋创",), ("阮富仲",), ("阮晋勇",)]


def test_a_pronoun_partner_is_the_person_named_before():
    rows = _events("菲律宾总统访华\n\n2016年10月18日，菲律宾总统杜特尔特抵达北京，开始对中国进行国事访问。"
                   "杜特尔特访华期间，国家主席习近平将与他举行会谈。")
    assert ("meet", "2016-10-18", ("习近平",), ("杜特尔特",)) in rows


def test_a_first_person_in_a_reported_speech_is_its_speaker():
    other = _other("中国国家主席抵达新加坡\n\n2015年11月6日，国家主席习近平抵达新加坡，开始国事访问。\n\n"
                   "习近平指出，两国是好邻居。我希望在访问期间，同陈庆炎总统就双边关系交换意见。")
    assert any(r[0] == "meet" and r[2] == ("习近平",) and r[3] == ("陈庆炎",) for r in other)


def test_a_persons_name_is_not_read_inside_a_longer_place():
    # 胡志明 is a person of the page (胡志明主席), but in 胡志明市 he is no counterpart
    rows = _events("古巴副外长访问胡志明市\n\n8月31日，胡志明市委副书记阮文孝会见了正在访问胡志明市的古巴外交部第一副部长罗哈斯。\n\n"
                   "会见中，阮文孝重申由胡志明主席与卡斯特罗主席亲手缔造的两国关系日益牢固。")
    meets = [r for r in rows if r[0] == "meet"]
    assert meets and all("胡志明" not in r[3] for r in meets)


def test_a_one_character_abbreviation_after_dui_is_the_destination():
    rows = _events("新加坡总理访华\n\n2025年6月，新加坡总理黄循财展开上任后首次对华访问，并在北京与李强会面。")
    assert ("visit", "2025-06", ("黄循财",), ("中国",)) in rows
    rows = _events("老挝主席访越\n\n2019年10月，老挝国家主席通伦对越进行国事访问。")
    assert any(r[0] == "visit" and "越南" in r[3] for r in rows)


def test_labels_in_brackets_around_a_stamp():
    assert page_date("韩国总统将访问印尼\n\n作者: [时间]:2017-11-04 [来源]:印尼好报 [浏览次数]:\n\n正文。") == "2017-11-04"
    assert page_date("标题\n\n【时间】：2019-05-07 【来源】：某报\n\n正文。") == "2019-05-07"


def test_a_founding_word_that_begins_a_longer_noun_is_no_founding():
    # 南方解放 (1975) is not the base of 访问南方解放区45周年; the sentence's own year is
    doc = _doc("胡志明市领导会见古巴代表团\n\n10日，胡志明市委书记阮善仁会见古巴代表团。2018年里两国举行多项活动，纪念卡斯特罗访问"
               "越南南方解放区45周年。")
    assert doc.year != 2020


def test_a_two_year_plan_period_counts_from_its_first_year():
    doc = _doc("胡志明市领导会见古巴代表团\n\n10日，胡志明市委书记阮善仁会见古巴代表团。该市已责成有关部门研究2018—2019年阶段对古巴投资的措施。")
    assert doc.year == 2018


def test_a_president_named_after_the_title_form_of_the_indonesian_press():
    rows = _events("韩国总统将访问印尼\n\n2017年11月3日，印尼外交部发言人在雅加达表示，左科威总统11月9日将在茂物宫接见韩国总统文在寅。")
    assert any(r[0] == "meet" and r[2] == ("左科威",) for r in rows)
