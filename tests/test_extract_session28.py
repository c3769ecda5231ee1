"""Session 28: constructions read from dev58 to dev61 (texts written for these tests)."""

from extract_rows import event_rows as _events
from extract_rows import first_doc as _doc

from waishi.extract.pipeline import extract


def test_a_lede_on_the_first_line_gives_the_story_its_day():
    # no headline: the page opens with its lede and its day; a day named later in a speech is not the story's
    rows = _events("5月12日上午，云南省省长王予波在河内拜会越南国家副主席武氏映春。\n"
                   "王予波感谢武氏映春会见云南代表团。他说，今年3月2日至6日，500名越南学生来到云南参加交流活动。"
                   "2022年中越贸易额继续增长。")
    meets = [r for r in rows if r[0] == "meet"]
    assert meets and all(r[1] is not None and r[1].endswith("-05-12") for r in meets)


def test_a_date_at_either_end_of_the_text_is_no_end_of_a_range():
    from waishi.extract.running_date import background_day
    from waishi.text.dates import find_dates

    for text in ("9月10日", "会见于9月10日", "9月10日下午会见"):
        dm = find_dates(text)[0]
        assert not background_day(text, dm, 2010)
    text = "1945.9.2~2021.9.2"
    ends = find_dates(text)
    assert len(ends) == 2 and all(background_day(text, dm, None) for dm in ends)


def test_titles_named_together_are_held_at_once():
    # 裴青山: foreign minister 2021-04..2025-08, deputy prime minister from 2024-08; named with both, 2024 or 2025
    doc = _doc("越南与老挝外交部举行磋商\n\n8月29日，越南政府副总理兼外长裴青山会见了老挝外交部副部长。")
    held = [c for c in doc.year_constraints if str(c.get("why", "")).startswith("offices held at once")]
    assert held and held[0]["lo"] == 2024 and held[0]["hi"] == 2025


def test_the_year_of_an_agreed_act_is_still_to_come():
    doc = _doc("越南与老挝外交部举行磋商\n\n8月29日，越南政府副总理兼外长裴青山会见了老挝外交部副部长。"
               "双方同意2025年在老挝举行下一轮磋商。")
    assert doc.year == 2024
    doc = _doc("越南与老挝外交部举行磋商\n\n双方商定于2019年在万象举行第十次会议。")
    assert any("planned" in str(c.get("why")) for c in doc.year_constraints)


def test_a_period_told_as_past_is_no_plan():
    # 2011-2019年期间…7次…: what was done in the period; the page is of its last year (or later)
    doc = _doc("广宁省与老挝三省加强合作\n\n广宁省委书记表示，2011-2019年期间广宁省7次组团访问老挝三省，"
               "接待了老挝三省16个代表团。")
    assert doc.year == 2019
    assert not any("a plan's year" in str(c.get("why")) for c in doc.year_constraints)


def test_a_provincial_party_secretary_bounds_the_year():
    # offices.tsv (session 28): 阮春记 was Quang Ninh party secretary from September 2019 to August 2024
    doc = _doc("广宁省领导会见老挝代表团\n\n6月3日，广宁省委书记阮春记会见了老挝琅勃拉邦省代表团。")
    assert doc.year_range is not None and doc.year_range[0] >= 2020 and doc.year_range[1] <= 2024


def test_a_bracket_glossing_the_duration_dates_the_visit():
    rows = _events("越南国家主席结束访问\n\n2017年7月2日，越南国家主席陈大光抵达河内，圆满结束对白俄罗斯进行为期5天"
                   "（自6月26日至7月1日）的正式访问。")
    visits = [r for r in rows if r[0] == "visit"]
    assert visits and visits[0][1] == "2017-06-26"


def test_counted_acts_are_summed_up_not_reported():
    doc = _doc("广宁省与老挝三省加强合作\n\n2019年6月3日，广宁省委书记表示，近年来广宁省5次组团访问老挝，"
               "同时接待了老挝12个代表团前来访问。")
    assert not [e for e in doc.events if e.type == "visit"]
    assert any(e.factuality == "habitual" for e in doc.other_events if e.type == "visit")
    # the one act before (上一次), and batches of goods, are no count of acts
    rows = _events("越南接受援助\n\n2024年9月12日，越南农业部接受了澳大利亚政府提供的三批援助物资。")
    assert any(r[0] == "aid" for r in rows)


def test_a_delegation_named_after_shi_starts_after_it():
    rows = _events("老挝代表团访问广宁省\n\n2019年6月3日，广宁省与老挝琅勃拉邦省举行会谈。"
                   "这是老挝琅勃拉邦省代表团从6月2日至5日访问广宁省的重要活动。")
    visits = [r for r in rows if r[0] == "visit"]
    assert visits and visits[0][2] == ("老挝琅勃拉邦省代表团",)


def test_the_line_above_a_dated_byline_is_the_headline_under_a_menu():
    page = ("menu-icon\n房產新聞鉅亨號買幣\nsearch icon\n\n房產\n\n泰国国王本周将访问越南\n\n某某新聞中心 2016-06-02 11:01\n\n"
            "据越南外交部消息，泰国国王将于本周访问越南，与越南国家主席会谈。泰国国王上一次访问越南是在2005年。")
    docs = extract(page).documents
    assert docs[0].title == "泰国国王本周将访问越南"


def test_a_coordinated_meeting_takes_the_partner_of_the_act_before():
    rows = _events("越南国会主席会见韩国大使\n\n2021年11月29日，国会主席王廷惠同韩国国会议长朴炳锡举行视频会谈，"
                   "并在今年9月举行的世界议长大会期间进行了双边会晤。")
    assert ("meet", "2021-09", ("王廷惠",), ("朴炳锡",)) in rows


def test_a_candidate_is_a_title():
    doc = _doc("中国外长访问柬埔寨\n\n2023年8月13日，王毅在金边会见了柬埔寨总理候选人洪玛奈。")
    assert any(p.name == "洪玛奈" and "柬埔寨总理候选人" in p.titles for p in doc.people)


def test_counted_gatherings_and_any_traveller_are_no_one_act():
    doc = _doc("越南友好组织联合会向古巴大使授予纪念章\n\n2023年10月24日，越南友好组织联合会在河内举行仪式。"
               "在任期间，吉伦大使与越古友好协会联合举行了多场文化活动。"
               "他说，任何前往越南工作的古巴外交官都对两国关系怀有特殊的感情。")
    assert [(e.type, e.source) for e in doc.events] == [("host", ["越南友好组织联合会"])]
    # a series of documents signed at once is one signing
    rows = _events("中越签署合作文件\n\n2023年12月12日，越南政府总理范明政与中国国务院总理李强签署了一系列合作协议。")
    assert any(r[0] == "sign" for r in rows)


def test_a_copula_after_a_gathering_ends_its_name_and_its_date():
    rows = _events("澳大利亚外长访问越南\n\n2018年5月26日，澳大利亚外长表示，越南与澳大利亚举行两国外长会议是今年3月在悉尼召开的"
                   "东盟澳大利亚特别峰会之后的重要活动。")
    hosts = [r for r in rows if r[0] == "host"]
    assert hosts and hosts[0][3] == ("两国外长会议",) and hosts[0][1] == "2018-05-26"
    # in a cleft (是在 + date) the date is the act's own
    rows = _events("中国总理访问新加坡\n\n2025年10月20日，新加坡外交部说，中国总理李强将访问新加坡。中国总理上一次访问新加坡是在2018年，时任总理李克强到访期间签署了多份文件。")
    assert any(r[0] == "visit" and r[1] == "2018" for r in rows)


def test_a_clause_after_a_hope_is_what_is_hoped():
    doc = _doc("越南国家主席会见日本客人\n\n2015年10月16日，越南国家主席张晋创会见日本神奈川县知事黑岩佑治。"
               "张主席表示希望，未来日本继续向越南提供资金援助。")
    assert not [e for e in doc.events if e.type == "aid"]
    assert any(e.type == "aid" and e.factuality == "proposed" for e in doc.other_events)
    # a proposal named as a noun (答应…的建议，) governs nothing
    rows = _events("两国总理通电话\n\n答应马来西亚方面的建议，3月17日下午越南政府总理阮晋勇和马来西亚总理纳吉布互通电话。")
    assert any(r[0] == "phone_call" for r in rows)


def test_congratulations_conveyed_by_another_are_the_senders():
    rows = _events("越南国防部副部长会见中国武官\n\n2023年3月28日，越南国防部副部长黄春战上将会见中国驻越大使馆国防武官潘涛大校。"
                   "黄春战上将通过潘涛大校转达越南国防部长潘文江大将对中国国防部长李尚福上将的祝贺。")
    assert ("congratulate", "2023-03-28", ("潘文江",), ("李尚福",)) in rows


def test_a_bracketed_date_after_a_long_object_dates_the_act():
    rows = _events("促进越中防务合作\n\n2023年3月28日，黄春战上将表示，两国国防部成功举办越中第七次边境国防友好交流活动（2022年4月）。")
    assert any(r[0] == "host" and r[1] == "2022-04" for r in rows)


def test_talks_framed_with_their_partner_alone_are_the_story_principals():
    rows = _events("越南计划与投资部部长访问日本\n\n2017年4月11日，越南计划与投资部部长阮志勇在东京会见日本国际协力机构主席北冈伸一。\n\n"
                   "与日本国土交通省大臣石井健一举行会谈时，石井健一表示，两国合作关系十分密切。")
    assert ("meet", "2017-04-11", ("阮志勇",), ("石井健一",)) in rows


def test_an_english_stamp_line_dates_the_page():
    from waishi.extract.segment import page_date

    assert page_date("Sunday, 17 March 2019 00:00\n\n泰国外长访问印尼\n") == "2019-03-17"
    assert page_date("March 17, 2019\n\n泰国外长访问印尼\n") == "2019-03-17"
    rows = _events("Sunday, 17 March 2019 00:00\n\n泰国外交部长访问印尼\n\n泰国外交部长敦·帕马威奈周三访问印度尼西亚。")
    assert any(r[0] == "visit" and r[1] == "2019-03-13" for r in rows)


def test_a_day_someone_took_office_is_a_bound_not_the_page_day():
    doc = _doc("马来西亚首相访问印尼\n\n这是安华于2022年11月24日出任首相后首次访问印尼。")
    assert any(c.get("why") == "a term begun" and c.get("lo") == 2022 for c in doc.year_constraints)
    assert not any(c.get("why") == "dated" for c in doc.year_constraints)


def test_a_chinese_provincial_secretary_bounds_the_year():
    # offices.tsv (session 28): 韩正 was Shanghai party secretary from November 2012 to October 2017
    doc = _doc("越南大使访问上海\n\n4月10日，越南驻华大使会见上海市委书记韩正。")
    assert doc.year_range is not None and doc.year_range[0] >= 2013 and doc.year_range[1] <= 2017


def test_election_words_after_a_title_are_no_name():
    doc = _doc("阿塞拜疆大使递交国书\n\n值越南第十六届国会代表和各级人民议会代表选举之际，阿塞拜疆大使致函祝贺。"
               "各级人民议会代表换届选举顺利举行。")
    assert not any(p.name.startswith(("选举", "换届")) for p in doc.people)


def test_a_bilateral_meeting_held_with_a_partner_is_a_meeting():
    rows = _events("美国国务卿访问印尼\n\n2020年10月22日，印尼外长表示，在蓬佩奥来访期间，蕾特诺将与蓬佩奥举行双边会议。")
    assert any(r[0] == "meet" and "蓬佩奥" in r[3] for r in rows)
    assert not any(r[0] == "host" for r in rows)


def test_an_act_that_did_not_happen_is_kept_apart():
    doc = _doc("印尼总统访华\n\n2025年9月2日，外交部发言人说，印尼总统普拉博沃此前并未出席上合峰会。")
    assert not [e for e in doc.events if e.type == "attend"]
    assert any(e.factuality == "negated" for e in doc.other_events)
    doc = _doc("印尼总统访华\n\n2025年9月2日，印尼总统未来华参加上合峰会。")
    assert not any(p.name.startswith("未") for p in doc.people)


def test_the_leaders_of_two_named_countries_are_the_leaders_the_page_named():
    rows = _events("缅甸总统和越南主席同时出访印度\n\n2011年10月12日，缅甸总统吴登盛和越南国家主席张晋创同时抵达新德里访问。"
                   "缅甸和越南领导人将与印度总理辛格进行会晤。")
    meets = [r for r in rows if r[0] == "meet"]
    assert meets and set(meets[0][2]) == {"吴登盛", "张晋创"} and meets[0][3] == ("辛格",)


def test_an_office_head_is_titled():
    doc = _doc("胡志明市领导人会见日本客人\n\n2015年3月12日，胡志明市人民委员会主席黎黄军会见日本国自治体国际化协会"
               "新加坡事务所所长Adachi Masahide。")
    assert any(p.name == "Adachi Masahide" for p in doc.people)
    assert any(e.type == "meet" and "Adachi Masahide" in e.target for e in doc.events)


def test_namely_lists_the_acts_of_the_trip_with_its_subject():
    rows = _events("一周要闻回顾\n\n越南政府总理范明政5月11日至17日进行访美之旅，即出席在美国举行的东盟-美国特别峰会、"
                   "对美国和联合国进行工作访问，取得了许多重要结果。")
    assert any(r[0] == "attend" and r[2][0] == "范明政" and r[3] == ("东盟-美国特别峰会",) for r in rows)
    assert any(r[0] == "visit" and r[2][0] == "范明政" and "联合国" in r[3] for r in rows)
    assert not any("东盟" in r[2] for r in rows)


def test_a_stamp_line_with_its_weekday_dates_the_page_and_not_the_story():
    from waishi.extract.segment import page_date

    assert page_date("一周要闻回顾\n\n星期一, 02/04/2018 16:36\n正文") == "2018-04-02"
    rows = _events("一周要闻回顾\n\n星期一, 02/04/2018 16:36\n"
                   "越南国会主席阮氏金银于3月26日至29日对荷兰进行正式访问。")
    assert any(r[0] == "visit" and r[1] == "2018-03-26" for r in rows)


def test_a_holder_written_with_another_syllable_character_has_the_visitor_s_trips():
    from waishi.lexicon import Lexicon

    # visits_partners.tsv writes 苏什玛·斯瓦拉杰, offices.tsv 斯瓦拉吉: one Indian foreign minister
    trips = Lexicon.default().visits.get("斯瓦拉吉", [])
    assert {v.start.year for v in trips} >= {2014, 2018}


def test_a_first_visit_takes_the_first_of_the_known_trips_that_fit():
    doc = _doc("越南与印度关系发展前景广阔\n\n印度外交部网站日前发表文章指出，两国关系日益加强，"
               "体现在印度外长斯瓦拉吉8月25日至26日对越南进行的首次访问。")
    assert doc.year == 2014


def test_the_day_a_term_began_is_not_the_story_s_day():
    rows = _events("马来西亚首相访问印尼\n\n首相安华到印尼雅加达展开为期2天访问，并将于明日会晤印尼总统佐科。"
                   "这是安华于2022年11月24日出任第10任首相后首次访问印尼。")
    assert rows and not any((r[1] or "").startswith("2022-11-24") for r in rows)


def test_the_outcome_of_a_visit_names_its_visitor():
    rows = _events("陈大光访孟期间开展双边会晤\n\n2018年3月5日，越南国家主席陈大光会见孟加拉国国民议会议长希琳·乔杜里。"
                   "他强调，越南高度评价希琳·乔杜里2017年对越进行正式访问的成果。")
    assert ("visit", "2017", ("希琳·乔杜里",), ("越南",)) in rows


def test_the_names_of_an_occasion_are_no_actors():
    rows = _events("越南国会副主席会见古巴代表团\n\n2018年5月18日，丛氏放对古共青盟代表团值此胡志明主席诞辰128周年和"
                   "古巴领袖何塞·马蒂逝世123周年之际对越南进行工作访问的重要意义表示肯定。")
    assert not any("何塞·马蒂" in a for r in rows for a in r[2] + r[3])


def test_a_menu_of_short_items_and_a_breadcrumb_from_home_are_no_headlines():
    page = "分享好友 资讯首页 频道列表\n\n东盟四国外长访问中国\n\n2021-04-02 13:22\n\n3月31日起，新加坡、马来西亚外长访问中国。"
    assert extract(page).documents[0].title == "东盟四国外长访问中国"
    page = "首页-新闻资讯\n\n新闻资讯\n\n李克强出席澜湄合作领导人会议\n\n发表时间:2018年1月11日\n\n据中国政府网消息，李克强出席会议。"
    assert extract(page).documents[0].title == "李克强出席澜湄合作领导人会议"


def test_a_headline_printed_twice_after_a_lede_cut_with_dots_starts_another_story():
    page = ("特朗普会见南非总统\n\n特朗普会见南非总统\n\n美国总统特朗普21日在白宫会见南非总统拉马福萨，双方当场争论...\n\n"
            "外交部回应俄乌会谈问题\n\n外交部回应俄乌会谈问题\n\n5月20日，外交部发言人毛宁主持例行记者会。")
    titles = [d.title for d in extract(page).documents]
    assert titles == ["特朗普会见南非总统", "外交部回应俄乌会谈问题"]


def test_a_latin_initial_between_dots_and_a_known_name_before_a_dotted_one():
    doc = _doc("胡志明市领导人会见美国客人\n\n胡志明市人民委员会主席阮成峰会见美国太平洋总司令部司令小哈利·B·哈里斯。")
    people = {p.name: p.titles for p in doc.people}
    assert people.get("小哈利·B·哈里斯") == ["美国太平洋总司令部司令"]
    assert people.get("阮成峰") == ["胡志明市人民委员会主席"]  # (not cut before 峰会, a stop word)
