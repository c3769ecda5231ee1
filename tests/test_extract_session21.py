"""Mechanisms added from the errors of unseen pages (session 21): the dateline's own date, a day
without a month, a holder about to take office, a pronoun opening a later clause, a summary's
joint meeting split when each person is met in a sentence of his own."""

from extract_rows import event_rows as _events
from extract_rows import first_doc as _doc


def test_the_datelines_month_and_day_date_the_story():
    # (the day of the known trip, 2024-01-06: a dateline's month-day must fall inside it)
    doc = _doc("越老两国总理举行会谈\n\n越通社河内1月6日——6日上午，老挝总理宋赛·西潘敦抵达河内，"
               "开始对越南进行正式访问。同日，越南政府总理范明政与宋赛·西潘敦举行会谈。")
    assert doc.year == 2024
    assert doc.dateline is not None and doc.dateline.place == "河内" and doc.dateline.month_day == (1, 6)
    meets = [e for e in doc.events if e.type == "meet"]
    assert meets and meets[0].date == "2024-01-06"


def test_yesterday_on_a_page_without_a_month_gives_the_year():
    evs = _events("柬中外长会晤\n\n柬埔寨首相洪玛奈和中国外交部长王毅昨天(20日)在金边会晤，讨论双边关系。"
                  "洪玛奈于2024年率团出席会议。")
    meets = [e for e in evs if e[0] == "meet"]
    assert meets and meets[0][1] == "2024"


def test_a_holder_about_to_take_office_dates_the_page():
    # offices.tsv: 洪马内 Cambodia's prime minister from 2023-08-22
    doc = _doc("王毅会见洪森\n\n王毅当天在金边与即将接任首相的洪马内及即将卸任的洪森首相见面。")
    assert doc.year == 2023
    assert doc.year_range == (2023, 2023) or list(doc.year_range) == [2023, 2023]


def test_a_pronoun_opening_a_later_clause_is_the_sentences_subject():
    evs = _events("柬中关系\n\n柬埔寨首相洪玛奈在社交平台上透露，他同中国外交部长王毅会面时，双方同意加强合作。")
    meets = [e for e in evs if e[0] == "meet"]
    assert meets and set(meets[0][2] + meets[0][3]) == {"洪玛奈", "王毅"}


def test_a_summary_meeting_of_two_persons_met_apart_is_two_meetings():
    evs = _events("王毅访柬\n\n中国外交部长王毅访问柬埔寨，会见柬埔寨首相洪森和柬埔寨国王西哈莫尼。"
                  "洪森和王毅在金边会晤，讨论了双边关系。王毅当天也会见了西哈莫尼。")
    meets = [set(e[2] + e[3]) for e in evs if e[0] == "meet"]
    assert {"王毅", "洪森"} in meets and {"王毅", "西哈莫尼"} in meets
    assert len(meets) == 2


def test_a_joint_meeting_reported_once_stays_one_event():
    evs = _events("王毅访柬\n\n中国外交部长王毅在金边会见柬埔寨首相洪森和洪玛奈父子，讨论了双边关系。")
    meets = [e for e in evs if e[0] == "meet"]
    assert len(meets) == 1 and set(meets[0][3]) == {"洪森", "洪玛奈"}


def test_a_day_from_which_a_trip_runs_dates_the_trip():
    evs = _events("越南外长访日\n\n发布时间:2017/05/09 13:56\n\n越南外长范平明8日起访问日本3天，与日本外相岸田文雄举行会谈。")
    visits = [e for e in evs if e[0] == "visit"]
    assert visits and visits[0][1] == "2017-05-08"


def test_going_somewhere_to_invest_is_no_visit():
    evs = _events("中越领导人会谈\n\n2022年10月31日，习近平表示，中方鼓励中国企业赴越南投资兴业。")
    assert not [e for e in evs if e[0] == "visit"]


def test_a_visit_being_prepared_is_planned_whatever_is_hoped():
    doc = _doc("越南准备迎接习近平到访\n\n2023年12月6日，阮富仲表示，越南非常期待并积极准备迎接习近平总书记到访越南。")
    assert [e for e in doc.events if e.type == "visit" and e.factuality == "planned"]


def test_a_frequency_adverb_of_an_earlier_clause_does_not_make_the_act_a_habit():
    doc = _doc("越古关系\n\n2015年，双方各级代表团往来频繁，国家主席张晋创于9月对古巴进行正式访问。")
    assert [e for e in doc.events if e.type == "visit" and e.source == ["张晋创"]]


def test_a_list_of_partners_each_with_a_title_gives_a_meeting_each():
    evs = _events("王毅访越\n\n2023年12月1日，王毅访问越南，还和阮富仲、越南国家主席武文赏、越南外交部长裴青山会见。")
    met = {e[3][0] for e in evs if e[0] == "meet"}
    assert met == {"阮富仲", "武文赏", "裴青山"}


def test_a_meeting_with_a_class_of_people_names_no_counterpart():
    doc = _doc("越南总理出席峰会\n\n2014年3月24日，在海牙，阮晋勇总理同各国元首举行了会晤。")
    assert not [e for e in doc.events if e.type == "meet"]
    assert [e for e in doc.other_events if e.type == "meet"]


def test_a_foreign_name_ends_where_an_event_word_begins():
    doc = _doc("菲越会谈\n\n菲律宾总统小马可斯国事访问越南，先后与国家主席武文赏及总理范明正会谈。")
    people = {p.name: p.titles for p in doc.people}
    assert "小马可斯" in people
    # the companion's preposition and the adverb before it are no part of a title
    assert people.get("武文赏") == ["国家主席"]


def test_a_later_clause_without_subject_takes_the_sentences_for_its_partner_meetings():
    evs = _events("菲越会谈\n\n菲律宾总统小马可斯国事访问越南，先后与国家主席武文赏及总理范明正会谈。")
    met = {e[3][0] for e in evs if e[0] == "meet" and e[2] == ("小马可斯",)}
    assert met == {"武文赏", "范明正"}


def test_a_post_after_a_title_is_no_name():
    doc = _doc("习近平致贺电\n\n2018年10月23日，习近平致电祝贺阮富仲当选国家主席一职。")
    assert "一职" not in {p.name for p in doc.people}


def test_credentials_presented_are_a_meeting_with_each_envoy():
    evs = _events("国家主席接受国书\n\n11月6日上午，陈大光主席在河内接受希腊驻越大使扬尼斯·拉斐塔基斯和"
                  "美国驻越大使丹尼尔递交国书。")
    assert {(e[2], e[3]) for e in evs if e[0] == "meet"} == {(("陈大光",), ("扬尼斯·拉斐塔基斯",)),
                                                             (("陈大光",), ("丹尼尔",))}
    evs = _events("大使递交国书\n\n3月2日，越南驻古巴大使阮忠清向古巴国家主席迪亚斯-卡内尔递交国书。")
    meets = [e for e in evs if e[0] == "meet"]
    assert meets and set(meets[0][2] + meets[0][3]) == {"阮忠清", "迪亚斯-卡内尔"}


def test_congratulations_said_in_talks_are_a_remark_not_a_message():
    doc = _doc("两国总理会谈\n\n越通社河内1月8日——两国总理举行会谈。会谈上，范明政欢迎潘坎·维帕万访问越南，"
               "祝贺老挝在国家建设事业中取得的巨大成就。")
    assert not [e for e in doc.events if e.type == "congratulate"]
    assert [e for e in doc.other_events if e.type == "congratulate" and e.factuality == "remark"]
    # a message says so: it stays one
    doc = _doc("越南领导人致贺电\n\n2022年1月8日，范明政致电潘坎·维帕万，祝贺老挝取得的巨大成就。")
    assert [e for e in doc.events if e.type == "congratulate"]


def test_a_body_named_as_it_is_called_since_a_month_bounds_the_year():
    # bodies.tsv: 越共中央宣教与民运部 from 2025-02 (two central commissions merged)
    doc = _doc("越柬加强合作\n\n11月19日，越共中央宣教与民运部副部长率团对柬埔寨进行工作访问。")
    assert doc.year_range[0] == 2025
    assert any("宣教与民运部" in c["why"] for c in doc.year_constraints if c["kind"] == "bound")


def test_bodies_rows_are_checked(tmp_path, monkeypatch):
    import pytest

    from waishi.lexicon import LexiconError, _body
    with pytest.raises(LexiconError, match="bodies.tsv"):
        _body({"name": "某部", "iso3": "VNM", "from": "2025-13", "until": "", "source": ""})
    with pytest.raises(LexiconError, match="bodies.tsv"):
        _body({"name": "某部", "iso3": "VNM", "from": "", "until": "", "source": ""})


def test_a_full_country_name_in_a_title_is_no_coordinator_and_fits_the_office():
    # offices.tsv: 魏凤和 China's defence minister 2018-03 to 2023-03 (forms written 中国国防部长)
    doc = _doc("越中国防部加强合作\n\n越南国防部长吴春历主持仪式，欢迎以中华人民共和国国防部长魏凤和上将为团长的代表团。")
    people = {p.name: p.titles for p in doc.people}
    assert "中华人民共和国国防部长" in people["魏凤和"]
    assert doc.year_range[0] >= 2018 and doc.year_range[1] <= 2023


def test_congratulations_on_a_success_without_a_message_are_a_remark_but_a_call_to_congratulate_is_not():
    doc = _doc("越南向老挝援助大米\n\n2020年11月13日，越南外交部在河内举办援助大米交接仪式，阮春福总理出席。"
               "老挝总理通伦·西苏里在仪式上还祝贺越南成功担任东盟轮值主席国。")
    assert not [e for e in doc.events if e.type == "congratulate"]
    # the same words opening a story, with no talks or ceremony reported, are its act
    doc = _doc("老挝外长祝贺越南\n\n老挝外长沙伦赛·贡玛西祝贺越南成功举办东盟系列峰会。")
    assert [e for e in doc.events if e.type == "congratulate"]
    doc = _doc("推动越委友好\n\n2月11日，委内瑞拉代表团到访越南驻委内瑞拉大使馆，祝贺越共十四大成功召开。")
    assert [e for e in doc.events if e.type == "congratulate"]


def test_a_title_written_after_its_holders_name_reads_no_name_after_it():
    doc = _doc("越印会谈\n\n2018年1月24日，越南政府总理阮春福与印度总理莫迪举行会谈。阮春福总理来印出席峰会。")
    assert "来印" not in {p.name for p in doc.people}


def test_a_gathering_after_a_title_is_no_name():
    doc = _doc("东盟会议\n\n2010年10月12日，首届东盟国防部长扩大会议在河内举行，东盟外长非正式会议同日举行。")
    names = {p.name for p in doc.people}
    assert "扩大" not in names and "非正式" not in names


def test_a_title_after_a_dotted_name_is_no_part_of_it():
    doc = _doc("老挝总理访越\n\n1月8日，由潘坎·维帕万总理(Viphavanh)带领的代表团抵达河内。"
               "当天，范明政总理同老挝总理潘坎·维帕万会谈。")
    names = {p.name for p in doc.people}
    assert "潘坎·维帕万总理" not in names and "潘坎·维帕万" in names


def test_a_verb_after_a_short_name_ends_it():
    doc = _doc("新加坡外长访越\n\n2021年8月24日，新加坡外长维文迎接越南代表团，并与老挝总理通伦交谈。")
    names = {p.name for p in doc.people}
    assert "维文迎接" not in names


def test_a_list_of_partners_runs_over_a_comma_and_each_is_met():
    evs = _events("阮春福访华\n\n2016年9月12日，阮春福总理在北京与国家主席习近平，全国人大常委会委员长张德江、"
                  "国务院总理李克强等领导人的会谈上，双方达成共识。")
    met = {e[3][0] for e in evs if e[0] == "meet"}
    assert met == {"习近平", "李克强", "张德江"}
    # a clause before that reports an act of its own ends the list
    evs = _events("越中关系\n\n2013年，阮富仲同习近平总书记通电话，阮晋勇总理和李克强总理则在南宁会晤。")
    meets = [e for e in evs if e[0] == "meet"]
    assert meets and all("阮富仲" not in e[2] + e[3] for e in meets)


def test_gatherings_joined_by_ji_are_attended_each():
    evs = _events("阮春福出席博览会\n\n2016年9月11日，阮春福在南宁出席第十三届东盟—中国博览会暨商务与投资峰会。")
    attended = {e[3][0] for e in evs if e[0] == "attend"}
    assert attended == {"第十三届东盟—中国博览会", "商务与投资峰会"}


def test_a_meeting_with_an_unnamed_class_of_people_is_kept_apart_a_counted_one_is_not():
    doc = _doc("王廷惠访菲\n\n2022年11月19日，王廷惠会见了在越投资的菲律宾集团和企业领导。")
    assert not [e for e in doc.events if e.type == "meet"]
    doc = _doc("阮春福访美\n\n2017年5月31日，阮春福同美国国会两党的四名领导分别通电话。")
    assert [e for e in doc.events if e.type == "phone_call"]


def test_visitors_each_with_a_month_of_his_own_made_a_trip_each_in_the_sentences_year():
    evs = _events("越古关系\n\n2016年4月2日，古巴外长访越。2015年，国家主席张晋创于9月和国会主席阮生雄于3月"
                  "先后对古巴进行访问。")
    visits = {(e[2], e[1]) for e in evs if e[0] == "visit" and e[3] == ("古巴",)}
    assert visits == {(("张晋创",), "2015-09"), (("阮生雄",), "2015-03")}


def test_a_month_named_as_when_an_act_took_place_is_a_date():
    from waishi.text.dates import find_dates
    ds = find_dates("黄忠海于6月对缅甸进行访问，月底回国。")
    assert [(d.month, d.day, d.year) for d in ds] == [(6, None, None)]
    assert not find_dates("在6月底")  # (a part of a month is no such date)


def test_a_compact_stamp_dates_the_page_and_its_days():
    doc = _doc("20250415某某/综合报导\n\n习近平：中越共护自贸体制\n\n中国国家主席习近平14日飞抵越南访问，并与越共总书记苏林举行会谈。")
    visits = [e for e in doc.events if e.type == "visit"]
    assert visits and visits[0].date == "2025-04-14"
    # a day later than the publication's is of the month before
    doc = _doc("20250502某某/综合报导\n\n越南总理访问日本\n\n越南政府总理范明政28日抵达东京，开始对日本进行正式访问。")
    assert [e.date for e in doc.events if e.type == "visit"] == ["2025-04-28"]


def test_a_founding_inside_other_words_is_no_anniversarys_base():
    # 国庆 (national day, 1945) inside 两国庆祝: the count belongs to the partnership, not to it
    doc = _doc("越英通电话\n\n越通社河内4月16日——越南外交部副部长苏英勇与英国国务卿通电话。"
               "2020年两国庆祝战略伙伴关系建立10周年。")
    assert doc.year == 2020


def test_a_countrys_turn_to_chair_said_of_next_year_dates_the_page():
    # chairs.tsv: Viet Nam chairs ASEAN in 2010 and 2020; Cambodia hosts ASEM in 2020
    doc = _doc("洪森会见越南客人\n\n本月13日上午，洪森会见越共中央政治局委员张和平。洪森说，柬埔寨明年将主办亚欧峰会。")
    assert doc.year == 2019
    doc = _doc("越南外长会见\n\n越南外长范平明表示，越南将于明年主办东盟峰会。他会见了老挝外长沙伦赛·贡玛西。")
    pts = [c for c in doc.year_constraints if c["kind"] == "point" and "chairs" in c["why"]]
    assert sorted(c["year"] for c in pts) == [2009, 2019]


def test_a_congress_being_prepared_bounds_the_page_above_only():
    doc = _doc("习近平致贺电\n\n發佈時間:2024-10-23 19:41:06 | 來源:某某網 | 作者: | 責任編輯:某某\n\n"
               "10月22日，習近平致電梁強表示祝賀，並說中方支持越方籌備好越共十四大。")
    assert doc.year == 2024


def test_a_chain_of_titles_after_a_name_reads_no_name_after_it():
    doc = _doc("习近平致贺电\n\n2024年10月22日，习近平致电梁强。今年8月，苏林总书记、国家主席成功访华。"
               "我愿同梁强国家主席一道努力。")
    names = {p.name for p in doc.people}
    assert "成功" not in names and "一道努力" not in names


def test_a_lexicons_name_on_a_traditional_page_is_written_in_its_script():
    doc = _doc("蘇林訪華\n\n2024年8月18日，越共中央總書記、國家主席蘇林訪華，同中國國家主席習近平舉行會談。")
    visits = [e for e in doc.events if e.type == "visit"]
    assert visits and visits[0].target == ["中國"]


def test_a_proposal_looks_ahead_and_a_quoted_name_takes_its_clauses_tense():
    doc = _doc("国家主席会见老挝客人\n\n國家主席阮春福昨(6)日下午接見了老撾國會主席賽宋蓬‧豐威漢。"
               "阮春福建議雙方配合2022年活動良好舉辦“2022年越南與老撾友好團結年”。")
    assert doc.year == 2021
    assert "賽宋蓬‧豐威漢" in {p.name for p in doc.people}


def test_an_anniversary_of_a_signing_is_no_signing():
    evs = _events("越老关系\n\n2022年7月18日，两国举行越南与老挝建交60周年及友好合作条约签署45周年纪念活动。")
    assert not [e for e in evs if e[0] == "sign"]


def test_a_papers_news_tag_is_no_part_of_a_title():
    doc = _doc("国家主席会见客人\n\n〔本报消息〕国家主席阮春福昨日在主席府接见了老挝国会主席赛宋蓬·丰威汉。")
    assert {p.name: p.titles for p in doc.people}.get("阮春福") == ["国家主席"]


def test_partners_listed_with_their_titles_after_them_and_fenbie_are_met_each():
    evs = _events("习近平出访\n\n2017年11月10日，习近平在越南期间将同陈大光主席、阮富仲总书记、阮氏金银国会主席和"
                  "阮春福总理分别会谈会见。到老挝后，习近平将同通伦总理，本扬总书记、国家主席，"
                  "巴妮国会主席分别会谈会见。")
    met = {e[3][0] for e in evs if e[0] == "meet"}
    assert met == {"阮富仲", "陈大光", "阮春福", "阮氏金银", "本扬", "通伦", "巴妮"}


def test_a_xinhua_dateline_dates_the_story_and_co_chairs_host_the_gathering_held():
    doc = _doc("中越双边合作指导委员会举行会议\n\n新华社北京7月21日电(记者某某)中国-越南双边合作指导委员会第十二次会议21日在北京举行，"
               "国务委员兼外长王毅和越南副总理兼外长范平明共同主持。双方一致同意以庆祝中越建交70周年为契机加强合作。")
    assert doc.dateline is not None and doc.dateline.month_day == (7, 21)
    hosts = [e for e in doc.events if e.type == "host"]
    assert hosts and set(hosts[0].source) == {"王毅", "范平明"} and hosts[0].date == "2020-07-21"


def test_an_anniversary_of_relations_needs_a_country_or_a_pair_abbreviation():
    # 以 (Israel's abbreviation) in 以庆祝 names no partner; 越中 does
    doc = _doc("越中关系\n\n2010年，越中迎来建交60周年，两国关系继续发展。")
    assert any(c["kind"] == "point" and c["why"] == "anniversary" and c["year"] == 2010 for c in doc.year_constraints)


def test_a_message_referred_back_to_is_no_second_message():
    doc = _doc("各国领导人致贺电\n\n新加坡总统哈莉玛和总理李显龙致电祝贺阮富仲主席。"
               "哈莉玛和李显龙在贺电中称新越关系良好。")
    assert all(e.target != ["越南"] for e in doc.events if e.type == "congratulate")
    # a round-up's paragraph that reports a sender's message for the first time is that message
    doc = _doc("多国领导人发来贺电\n\n俄罗斯总统普京在贺电中祝贺苏林当选越共中央总书记。")
    assert [e for e in doc.events if e.type == "congratulate"]


def test_a_trip_named_as_a_noun_is_the_subjects():
    evs = _events("王廷惠访古巴\n\n国会主席王廷惠此次对古巴的正式访问之旅收获颇多。")
    assert [(e[2], e[3]) for e in evs if e[0] == "visit"] == [(("王廷惠",), ("古巴",))]


def test_persons_listed_after_the_class_they_belong_to_are_met():
    evs = _events("王廷惠访古\n\n2023年4月，王廷惠访问期间会见了多位古巴领导人，如国家主席米格尔·迪亚斯-卡内尔、"
                  "总理曼努埃尔·马雷罗·克鲁斯和劳尔·卡斯特罗(Castro)。")
    met = {t for e in evs if e[0] == "meet" for t in e[3]}
    assert met == {"劳尔·卡斯特罗", "米格尔·迪亚斯-卡内尔", "曼努埃尔·马雷罗·克鲁斯"}


def test_a_photo_number_stops_before_the_year_its_caption_opens_with():
    doc = _doc("越南驻古巴大使谈访问\n\n越南驻古巴大使谈访问 ảnh 12018年9月13日，阮春福在哈瓦那会见了萨尔瓦多·巴尔德斯·梅萨副主席。图自越通社\n\n"
               "2021年9月18日，阮春福对古巴进行访问。")
    meets = [e for e in doc.events if e.type == "meet"]
    assert meets and meets[0].date == "2018-09-13"


def test_a_year_inside_a_documents_name_dates_no_act():
    evs = _events("范明政出席东盟峰会\n\n2023年5月9日，范明政到达印度尼西亚，并出席东盟领导人同《2025年后东盟共同体愿景》工作组的对话会。")
    assert all(e[1] != "2025" for e in evs)


def test_a_witnessed_signing_is_between_the_leaders_sides():
    evs = _events("文在寅访越\n\n2018年3月23日，韩国总统文在寅与越南国家主席陈大光在河内出席了两国合作文件签字仪式。")
    signs = [e for e in evs if e[0] == "sign"]
    assert signs and {"越南", "韩国"} <= set(signs[0][2] + signs[0][3])


def test_words_after_a_title_are_no_foreign_name():
    doc = _doc("各国领导致贺电\n\n2018年10月23日，新加坡总统对阮富仲当选国家主席感到高兴。韩国总统与韩企代表共进午餐。")
    names = {p.name for p in doc.people}
    assert not names & {"感到高兴", "共进午餐"}
    # a transliteration written with the characters of known holders' names is still read
    doc = _doc("菲越会谈\n\n菲律宾总统小马可斯国事访问越南。")
    assert "小马可斯" in {p.name for p in doc.people}


def test_a_two_character_holder_in_a_list_of_names_is_a_person():
    doc = _doc("习近平出访\n\n2017年11月10日，在去年的会议期间，习近平会见了杜特尔特、普京、奥巴马等外国领导人。")
    assert "普京" in {p.name for p in doc.people}


def test_a_surname_with_a_short_title_stands_for_the_person():
    evs = _events("习近平出访\n\n2017年11月10日，国家主席习近平离京出访。去年APEC会议期间，"
                  "习主席会见了杜特尔特、普京、奥巴马等外国领导人。")
    meets = [e for e in evs if e[0] == "meet"]
    assert meets and meets[0][2] == ("习近平",) and meets[0][1] == "2016"


def test_a_meeting_object_must_name_a_party():
    evs = _events("王毅访越\n\n2023年12月1日，除王毅会见越南党政高官外，两国海警还展开联合巡逻。外交部公布王毅会见越南高层的相关内容。")
    assert all("相关内容" not in "".join(e[3]) and not any(t.endswith("外") for t in e[3]) for e in evs if e[0] == "meet")


def test_last_year_with_a_chinese_numeral_month():
    from waishi.text.dates import find_dates
    assert [(d.month, d.year_offset) for d in find_dates("去年十二月习近平访越")] == [(12, -1)]


def test_a_pronoun_opening_an_earlier_clause_is_the_subject_of_a_later_predicate():
    evs = _events("韩越领导人会晤\n\n2023年6月23日，韩国总统尹锡悦到达河内。随后，他将与在越韩企代表共进午餐，"
                  "出席有数百家企业参加的韩越商业论坛。")
    assert [e[2] for e in evs if e[0] == "attend"] == [("尹锡悦",)]


def test_a_known_trip_written_with_a_one_character_country_after_dui():
    # visits_vn.tsv: 阮生雄 to China, 2015-12-23 to 27
    doc = _doc("越南国会主席访华\n\n12月23日至27日，越南国会主席阮生雄率团对华进行正式友好访问。")
    assert doc.year == 2015


def test_a_disaster_of_public_date_dates_the_page():
    # world_events.tsv: the Xe-Pian Xe-Namnoy dam collapse, July 2018
    doc = _doc("越南军区支援老挝\n\n7月底，越南第五军区向桑片-桑南内溃坝灾区运送粮食和饮用水。")
    assert doc.year == 2018


def test_a_trips_onward_countries_are_visits():
    evs = _events("习近平抵越南\n\n2025年4月14日，习近平抵达越南进行国事访问。习近平明日结束越南行程，会转往马来西亚及柬埔寨。")
    assert {e[3][0] for e in evs if e[0] == "visit"} == {"越南", "马来西亚", "柬埔寨"}


def test_an_arrival_abroad_is_a_visit_and_a_return_home_is_not():
    evs = _events("阮春福访印\n\n2018年1月24日，越南政府总理阮春福抵达新德里，出席东盟-印度建交25周年纪念峰会。")
    assert [e[3] for e in evs if e[0] == "visit"] == [("印度", "新德里")]
    evs = _events("阮春福回国\n\n2017年6月2日，越南政府高级代表团抵达河内内排国际机场，圆满结束对美国的访问。")
    assert not [e for e in evs if e[0] == "visit" and "越南" in e[3]]
