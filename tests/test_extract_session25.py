"""Session 25: constructions read from dev30 and dev31 (texts written for these tests)."""

from extract_rows import event_rows as _events
from extract_rows import first_doc as _doc

from waishi.extract.pipeline import extract


def _titles(text):
    return [d.title for d in extract(text).documents]


def test_a_sites_home_link_and_a_source_line_above_the_headline_are_furniture():
    text = ("某某丝路首页\n\n老挝副总理会见中国大使\n\n2020-05-06 10:00\n\n"
            "某某社万象5月6日电 老挝政府副总理5日在万象会见中国驻老挝大使。")
    assert _titles(text)[0] == "老挝副总理会见中国大使"
    text2 = ("来源: 某某网\n泰国总理同越南总理举行会谈\n新华社曼谷3月8日电 泰国总理8日在曼谷同越南总理举行会谈。")
    assert _titles(text2)[0] == "泰国总理同越南总理举行会谈"


def test_a_slogan_above_the_headline_whose_credit_line_follows():
    text = ("某某首页\n国家级经贸资讯服务门户\n\n中国援助柬埔寨的救灾物资运抵金边\n\n来源:某某社 责任编辑:王某 2020-11-02 09:10:11\n\n"
            "某某社金边11月1日电 中国政府援助柬埔寨的救灾物资1日运抵金边，中国驻柬埔寨大使向柬埔寨官员移交物资。")
    assert _titles(text)[0] == "中国援助柬埔寨的救灾物资运抵金边"


def test_related_recommendations_end_the_article():
    text = ("越南与老挝签署合作协议\n\n2019年3月5日，越南与老挝在河内签署合作协议。\n\n相关推荐\n"
            "某银行在万象举办新卡发布活动\n\n某银行11月4日在万象举办新卡发布活动，两国官员出席。")
    evs = _events(text)
    assert evs and not [e for e in evs if e[0] in ("host", "attend")]


def test_goods_that_arrive_make_no_visit():
    evs = _events("中国援助老挝的疫苗运抵万象\n\n2021年10月13日，中国政府援助老挝的第六批疫苗抵达万象瓦岱国际机场。")
    assert not [e for e in evs if e[0] == "visit"]


def test_a_leader_in_a_foreign_city_dates_his_known_trip_without_a_visit_word():
    doc = _doc("习近平同老挝领导人举行会谈\n\n中国国家主席习近平13日在万象同老挝党中央总书记、"
               "国家主席本扬举行会谈。")
    assert doc.year == 2017


def test_a_message_to_a_person_without_de_before_its_noun():
    evs = _events("多国领导人向越南新任国家主席致贺信\n\n2021年4月5日，阮春福当选越南国家主席。老挝国家主席通伦向阮春福致贺电。"
                  "*泰国国王玛哈·哇集拉隆功在致阮春福贺信中表示祝贺。")
    congrats = [e for e in evs if e[0] == "congratulate"]
    assert ("congratulate", "2021-04-05", ("玛哈·哇集拉隆功",), ("阮春福",)) in congrats
    assert not [e for e in congrats if "通伦" in e[3]]


def test_the_visitor_of_during_the_visit_is_the_next_clauses_subject_not_the_speaker():
    evs = _events("越南国家主席结束访问老挝\n\n2016年5月6日，越南国家主席陈大光结束对老挝的正式访问。越南外交部副部长表示，"
                  "在访问老挝三天期间，陈大光与老挝领导人举行会谈。")
    visits = [e for e in evs if e[0] == "visit"]
    assert visits and all("陈大光" in e[2] for e in visits)
    evs = _events("越南总理结束访问日本\n\n2017年6月8日，越南总理阮春福结束对日本的正式访问。关于此次访日的成果，越南驻日大使表示满意。")
    assert all("阮春福" in e[2] for e in evs if e[0] == "visit")


def test_going_to_a_country_to_meet_or_attend_is_a_visit_and_mainland_china_is_china():
    evs = _events("马来西亚首相访华\n\n马来西亚首相安华于2023年3月29日前往中国大陆，除了参加博鳌亚洲论坛，亦会晤中国国家主席习近平。")
    assert ("visit", "2023-03-29", ("安华",), ("中国大陆",)) in evs


def test_a_years_edition_in_corner_quotes_is_the_gathering():
    evs = _events("泰国总理赴华\n\n泰国总理2019年3月26日抵达海南，参加2019年度的「博鳌亚洲论坛」。")
    assert [e for e in evs if e[0] == "attend" and e[3] == ("博鳌亚洲论坛",)]


def test_a_pair_of_abbreviated_countries_signs_also_under_a_frame_of_witnesses():
    evs = _events("马来西亚首相访华\n\n2023年3月31日，马中两国在两国领导人见证下签署了19项谅解备忘录。")
    assert ("sign", "2023-03-31", ("马来西亚",), ("中国",)) in evs
    evs = _events("越美关系\n\n2013年7月24日，两国领导人会谈。在经贸领域，越美两国签署了双边贸易协定、航空运输协定、投资框架协定等。")
    assert not [e for e in evs if e[0] == "sign"]


def test_ringgit_written_linggit_with_a_ma_bi_prefix():
    doc = _doc("马中经贸关系\n\n2023年4月3日报道，中国已连续14年为马国最大贸易伙伴，2022年双边贸易额达马币4,870亿令吉。")
    assert [(f.metric, f.value, f.unit) for f in doc.facts] == [("trade_total", 487000000000, "MYR")]


def test_this_trip_possessed_by_its_visitor_is_a_visit_to_where_the_story_is():
    evs = _events("中泰签署合作文件\n\n2015-03-02 10:00\n\n中国国务院总理李克强3月1日在曼谷和泰国总理巴育举行会谈。"
                  "巴育表示，李克强总理此访成果丰硕。")
    assert ("visit", "2015-03-01", ("李克强",), ("泰国",)) in evs


def test_a_year_just_past_and_a_years_figure_reached():
    doc = _doc("越南新任驻老挝大使拜会万象市长\n\n越南驻老挝大使近日拜会万象市长。大使表示，刚过去的2019年，老越两国实现了15亿美元的双边贸易额。")
    assert doc.year == 2020
    doc = _doc("越南和古巴举行政治磋商\n\n双方经贸关系稳定发展，双边贸易总额2016年达到3.1亿美元，比2015年增长20%。")
    assert doc.year == 2017


def test_an_acting_title_does_not_bound_the_page_by_the_office():
    doc = _doc("美国国务卿访问越南\n\n中国时间 10:00 2024年11月24日\n\n越南总理阮春福和代理外长裴青山当天分别会见美国国务卿约翰·克里。"
               "\n\n2017年1月13日，克里在河内机场登机。")
    assert doc.year == 2017


def test_aid_that_helps_defeat_the_pandemic_is_no_look_back_on_it():
    doc = _doc("中国援助老挝的新冠疫苗运抵万象\n\n中国政府援助老挝的新冠疫苗2日运抵万象。老方表示，疫苗将助力老挝战胜新冠疫情。")
    assert doc.year == 2021


def test_a_target_to_reach_before_a_year_bounds_the_page_below_it():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "两国领导人提出了在2025年前将双边贸易额提升至200亿美元的目标。")
    assert ev.hi == 2024


def test_covid_named_bounds_the_page_even_beside_an_older_years_count():
    doc = _doc("中国驻仰光总领馆向机场捐赠防疫物资\n\n中国驻仰光总领馆17日向仰光机场捐赠防疫物资，总领事表示，新冠肺炎疫情暴发初期缅甸曾给予支持。"
               "据统计，2019年共有约50万国外游客经该机场入境。")
    assert doc.year == 2020


def test_from_a_year_on_in_an_agreed_plan_is_a_future_year():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "双方一致同意在中断两年后，自2024年起恢复年度互访机制。")
    assert ev.lo is None or ev.lo < 2024
    assert ev.best() == 2023


def test_adverbs_and_participate_end_a_name():
    doc = _doc("马中商界人士评价访华成果\n\n2023年4月2日，马来西亚商会会长陈芳心更指出，此行成果丰硕。"
               "商会财务主任孔令龙参与此次访华贸易代表团后表示，此行传递正面讯息。")
    assert {p.name for p in doc.people} >= {"陈芳心", "孔令龙"}


def test_a_visitor_whose_titles_are_joined_by_jian():
    evs = _events("中老外长会谈\n\n2023年2月17日，中国外长与访华的老挝副总理兼外长沙伦赛举行会谈。")
    assert ("visit", "2023-02-17", ("沙伦赛",), ("中国",)) in evs


def test_a_clause_that_opens_with_its_partners_pairs_none_of_them():
    evs = _events("越老外长会谈\n\n2018年3月5日，越南外长范平明在万象访问老挝。在与老挝外长沙伦赛和老挝副总理宋赛举行会谈时，"
                  "范平明指出，越南重视与老挝合作。")
    assert not [e for e in evs if e[0] == "meet" and "沙伦赛" in e[2]]


def test_a_president_elect_and_a_foreign_name_before_jiang():
    doc = _doc("印尼总统当选人将访华\n\n2024年3月30日，印尼总统当选人普拉伯沃将于4月1日访问中国。")
    assert [(p.name, p.titles) for p in doc.people] == [("普拉伯沃", ["印尼总统当选人"])]


def test_a_meeting_whose_side_is_only_a_country_is_not_kept():
    evs = _events("美国总统访问越南\n\n2016年5月23日，美国总统奥巴马在河内会见越南，两国领导人会谈。")
    assert not [e for e in evs if e[0] == "meet" and e[3] == ("越南",)]


def test_a_dotted_visitor_written_by_his_last_name_keeps_his_known_trips():
    from waishi.lexicon import Lexicon
    lex = Lexicon.default()
    assert {v.start.year for v in lex.visits["斯瓦拉杰"]} >= {2014}
    doc = _doc("印度外长访越\n\n印度外长斯瓦拉杰抵达河内，对越南进行正式访问。越南政府总理阮晋勇和副总理兼外长范平明分别会见斯瓦拉杰。")
    assert doc.year == 2014


def test_a_disaster_of_known_year_dates_a_message_of_sympathy():
    doc = _doc("越南总理就台风“海燕”向菲律宾总统致慰问电\n\n11月10日，越南政府总理就台风“海燕”造成的严重损失向菲律宾总统致慰问电。")
    assert doc.year == 2013


def test_an_anniversary_the_story_has_passed_yields_to_its_full_date():
    doc = _doc("越共总书记将访问中国\n\n应邀请，越共中央总书记一行将于2022年10月30日起访问中国。"
               "过去一段时间，特别是中国共产党成立100周年期间，双方都以特别方式互致祝贺。")
    assert doc.year == 2022


def test_bracketed_print_and_page_widgets_are_furniture():
    text = ("XML格式】 【 】 【打 印】 \n【 第1页 第2页 】 \n泰国总理会见中国副主席\n\nhttp://www.example.com   2011-05-16 10:00:00\n\n"
            "某社曼谷5月16日电 泰国总理16日在曼谷会见来访的中国国家副主席。")
    assert _titles(text)[0] == "泰国总理会见中国副主席"


def test_flying_on_to_a_country_to_continue_a_tour_is_a_visit():
    evs = _events("中国副主席结束访问新加坡\n\n2010年11月16日，中国国家副主席习近平结束对新加坡的访问，乘坐专机飞往南非继续出访。")
    assert [e for e in evs if e[0] == "visit" and e[3] == ("南非",)]


def test_inline_pinyin_glosses_are_removed_when_a_page_prints_them_throughout():
    from waishi.read import read_bytes_as_page
    from waishi.read.decode import normalize_text
    raw = "部長助理農(nóng)融抵達(dá)金邊\n\n4月21日,部長助理農(nóng)融在金邊會(huì)見(jiàn)柬埔寨副首相。(APEC)"
    assert normalize_text(raw) == "部長助理農融抵達金邊\n\n4月21日,部長助理農融在金邊會見柬埔寨副首相。(APEC)"
    assert normalize_text("越南(yuè)") == "越南(yuè)"  # (one gloss is a reading given once, not a ruby page)
    page = read_bytes_as_page(raw.encode("utf-8"), "t.txt")
    doc = extract(page.text, source="t.txt").documents[0]
    assert [p.name for p in doc.people][:1] == ["農融"]


def test_member_countries_listed_as_attending_are_no_attendance():
    evs = _events("湄委会理事会会议在万象举行\n\n2018年11月28日，柬埔寨、老挝、泰国和越南出席在万象举行的湄公河委员会理事会第25次会议。")
    assert not [e for e in evs if e[0] == "attend" and len(e[2]) >= 2]


def test_a_country_planning_to_host_a_summit_is_kept():
    doc = _doc("洪森会见越南客人\n\n2019年11月5日，柬埔寨首相洪森会见越南客人时表示，越南将于明年主办东盟峰会。")
    assert [(e.type, e.source, e.target) for e in doc.events if e.type == "host"] == [("host", ["越南"], ["东盟峰会"])]


def test_a_country_that_is_a_gatherings_host():
    evs = _events("东亚峰会前瞻\n\n2020年10月3日，分析人士指出，越南是第37届东盟峰会的东道主。")
    assert ("host", "2020-10-03", ("越南",), ("第37届东盟峰会",)) in evs


def test_both_sides_of_a_headline_pairing_two_provinces_sign():
    evs = _events("越南奠边省与老挝丰沙里省深化合作\n\n2018年6月12日，会谈结束时，双方领导签署合作备忘录。")
    assert ("sign", "2018-06-12", ("奠边省",), ("丰沙里省",)) in evs


def test_a_full_date_a_year_before_the_office_window_picks_its_first_year():
    from waishi.extract.year_solver import YearEvidence
    ev = YearEvidence()
    ev.bound(2017, 2021, "offices held at once")
    ev.add(2016, 3.0, "dated")
    assert ev.decide() == 2017
    ev2 = YearEvidence()
    ev2.bound(2017, 2021, "offices held at once")
    ev2.add(2014, 3.0, "dated")
    assert ev2.decide() is None


def test_a_long_transliteration_after_a_foreign_title_whatever_its_first_syllable():
    doc = _doc("越南总理会见蒙古国外长\n\n2017年4月4日，越南政府总理阮春福在河内会见蒙古国外长蒙赫奥尔吉勒。")
    assert "蒙赫奥尔吉勒" in [p.name for p in doc.people]


def test_a_bilingual_section_label_a_doctors_title_and_a_day_glossed_day_slash_month():
    text = ("Categories\nNews 新闻报道\n\n新加坡外长出席线上会议\n\n"
            "新加坡外交部长维文医生表示支持。维文昨天 (18/8) 出席东盟外长线上会议时表示，新加坡将提供援助。")
    doc = extract(text, source="t.txt", published="2021-08-19").documents[0]
    assert doc.title == "新加坡外长出席线上会议"
    assert "维文" in [p.name for p in doc.people]
    from waishi.text.dates import find_dates
    dm = find_dates("维文昨天 (18/8) 出席")[0]
    assert (dm.month, dm.day) == (8, 18)


def test_our_country_is_the_country_of_a_person_titled_with_it():
    doc = _doc("东盟援助行动获支持\n\n2021年8月19日，我国外交部长维文表示支持东盟的援助行动。较早前，我国宣布将捐赠10万美元给东盟协调中心。")
    assert [e for e in doc.events if e.type == "aid" and e.source == ["新加坡"]]


def test_a_long_name_ended_by_a_day_and_a_state_visit_written_guoshi():
    evs = _events("泰王访华\n\n(中央社台北13日电)泰国国王瓦吉拉隆功13日将访华。瓦吉拉隆功将于13日至17日对中国进行国是访问。")
    assert [e for e in evs if e[0] == "visit" and e[2] == ("瓦吉拉隆功",)]


def test_the_host_of_a_visitor_before_a_comma():
    evs = _events("日本首相会见越南国家主席\n\n日本首相安倍晋三当天在东京，与到访的越南国家主席张晋创举行会谈。")
    assert [e for e in evs if e[0] == "visit" and e[2] == ("张晋创",) and e[3] == ("日本",)]


def test_dong_written_yuenandun():
    doc = _doc("越南太平省工业园开工\n\n2024年5月3日，该工业园项目投资总额为4.932万亿越南盾。")
    assert [(f.value, f.unit) for f in doc.facts] == [(4932000000000, "VND")]


def test_pairs_of_friendship_localities_are_a_count():
    doc = _doc("泰越友好关系发展\n\n2022年5月3日，泰越友好协会主席表示，两国已有18对友好省市。双方对此表示满意。")
    assert [(f.metric, f.value) for f in doc.facts] == [("count", 18)]


def test_pronouns_and_plan_words_after_a_title_are_no_names():
    doc = _doc("印尼总统访华\n\n2022年7月25日，印尼总统佐科威总统定于明天与中国国家主席会晤。中国驻老挝大使关华兵大使离任前拜会老挝总理。")
    names = {p.name for p in doc.people}
    assert "定于明天" not in names and "离任" not in names


def test_aung_san_suu_kyi_in_other_outlets_forms_and_an_election_is_no_gathering():
    doc = _doc("杨洁篪访问缅甸\n\n2020年9月1日，杨洁篪在内比都会晤缅甸国务资政昂山素姬。")
    assert ("昂山素姬", ["缅甸国务资政"]) in [(p.name, p.titles) for p in doc.people]
    evs = _events("缅甸总统将访华\n\n2011年5月21日，缅甸反对派领导人翁山苏姬表示将参加大选。")
    assert not [e for e in evs if e[0] == "attend"]


def test_two_forms_of_one_office_holder_are_one_person_by_the_longest():
    doc = _doc("印尼总统访华\n\n2022年7月25日，印度尼西亚总统佐科·维多多抵达北京。佐科威总统定于26日与中国国家主席习近平会晤。")
    assert [p.name for p in doc.people if p.name.startswith("佐科")] == ["佐科·维多多"]


def test_a_glossed_names_country_is_not_the_object_of_the_clause_before():
    evs = _events("越南国会主席访问智利\n\n2023年4月20日，越南国会主席王廷惠抵达智利。米歇尔·巴切莱特(Michelle Bachelet)总统于2009年4月访问越南,"
                  "塞巴斯蒂安·皮涅拉(Sebastian Pinera)总统于2017年11月访问越南。")
    assert ("visit", "2017-11", ("塞巴斯蒂安·皮涅拉",), ("越南",)) in evs


def test_the_fifth_lancang_mekong_foreign_ministers_meeting_was_held_in_2020():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "王毅将出席在万象举行的澜湄合作第五次外长会。")
    assert ev.best() == 2020


def test_respective_dates_distributed_over_the_countries_visited():
    evs = _events("越南总理出访日韩两国\n\n2016年5月20日报道，越南政府总理阮春福将从5月26日至27日和从5月28日和29日分别对日本和韩国进行正式访问。")
    visits = {e[3][0]: e[1] for e in evs if e[0] == "visit"}
    assert visits == {"日本": "2016-05-26", "韩国": "2016-05-28"}


def test_an_act_inside_a_frame_of_time_has_the_next_clauses_subject():
    evs = _events("越南总理会见中国企业\n\n2024年6月27日，在出席夏季达沃斯论坛并对中国进行工作访问框架内，越南政府总理范明政在北京会见中国企业领导。")
    assert [e for e in evs if e[0] == "visit" and e[2] == ("范明政",) and e[3] == ("中国",)]
    assert [e for e in evs if e[0] == "attend" and e[2] == ("范明政",)]
