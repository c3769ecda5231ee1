"""Session 26: constructions read from dev38 and dev39 (texts written for these tests)."""

from extract_rows import event_rows as _events
from extract_rows import first_doc as _doc

from waishi.extract.pipeline import extract
from waishi.extract.segment import page_date


def _titles(text):
    return [d.title for d in extract(text).documents]


def test_a_day_with_its_clock_in_a_short_line_is_the_pages_stamp():
    assert page_date("老挝外长会见韩国外长\n\n2016-07-25 13:43:56  某某新闻网    参与评论()人\n\n正文。") == "2016-07-25"
    assert page_date("柬埔寨项目签约\n某某社·2025-09-16 08:05\n正文。") == "2025-09-16"
    assert page_date("• 2017年5月4日\n\n  缅甸外长拒绝邀请\n\n正文。") == "2017-05-04"
    assert page_date("东盟外长抵达昆明\n\n浏览次数 : 发布时间 :2011-02-03\n\n正文。") == "2011-02-03"
    # a day without a clock inside a sentence is no stamp
    assert page_date("两国于2016-07-25签署协议，双方表示满意。") is None


def test_a_stamp_gives_the_article_its_year():
    doc = _doc("韩国外长与缅甸外长举行会谈\n\n2016-07-25 13:43:56  某某新闻网    参与评论()人\n\n"
               "某某网7月25日电 韩国外交部长官与缅甸外交部长24日在万象举行会谈。")
    assert doc.year == 2016


def test_a_plan_within_a_named_year_dates_the_page_to_that_year():
    doc = _doc("越南通讯社社长访问日本\n\n越南通讯社社长14日会见日本首相。日本首相邀请越南总理赴日本出席在2019年内"
               "在大阪举行的峰会。越南是2020年东盟轮值主席国。")
    assert doc.year == 2019


def test_a_lede_that_opens_with_its_day_outweighs_a_proposal_for_next_year():
    doc = _doc("中心秘书长会见老挝副外长\n\n2015年10月19日，中心秘书长在万象会见老挝副外长。\n\n"
               "秘书长表示，2016年将迎来建立对话关系25周年，中方提议将2016年确定为交流年。")
    assert doc.year == 2015


def test_a_past_visits_full_date_does_not_beat_the_texts_own_bound_and_the_offices():
    doc = _doc("王廷惠抵达布达佩斯\n\n越南国会主席王廷惠抵达布达佩斯，正式访问匈牙利。"
               "新冠肺炎疫情发生以来，两国保持联系。2018年9月，阮富仲总书记正式访问匈牙利，"
               "两国关系2018年提升为全面伙伴关系。")
    assert doc.year is not None and doc.year >= 2021


def test_a_numbered_more_list_ends_the_article():
    text = ("王毅会见菲律宾外长\n\n外长王毅在北京会见菲律宾外长。\n\n  1. 更多\n  1. 【晨早新闻】(5月3日)\n"
            "    【晨早新闻】(5月3日)\n    1小时前\n")
    docs = extract(text).documents
    assert len(docs) == 1
    assert "晨早" not in text[docs[0].span.start:docs[0].span.end]


def test_a_title_naming_its_holder_new_dates_the_first_year_of_the_term():
    doc = _doc("王毅会见菲律宾外长\n\n外长王毅在北京会晤首次访华的菲律宾新任外长卡耶塔诺。菲律宾总统杜特尔特奉行独立外交政策。")
    assert doc.year == 2017


def test_an_inauguration_dates_the_start_of_the_term():
    doc = _doc("王毅受邀访菲\n\n国务委员兼外长王毅5日抵达菲律宾，6日与菲律宾总统小马可斯会面。"
               "国家副主席王岐山上周到马尼拉出席小马可斯的就职典礼。")
    assert doc.year == 2022


def test_a_repost_stamp_the_text_rules_out_gives_way_to_the_texts_year():
    doc = _doc("中国国家副主席抵达万象访问老挝\n\n发布时间:2015-05-21 08:10:02\n\n"
               "应老挝国家副主席邀请，国家副主席习近平于15日到达万象，开始对老挝进行正式访问。"
               "今年，老挝将迎来建国35周年。")
    assert doc.year == 2010


def test_a_meeting_in_the_passive_names_the_host_after_its_marker():
    evs = _events("越南总理访问日本\n\n2月15日，越南政府总理阮春福在东京获日本首相安倍晋三接见。双方讨论合作。")
    assert ("meet", "安倍晋三", "阮春福") in [(e[0], e[2][0], e[3][0]) for e in evs if e[2] and e[3]]


def test_a_pronoun_after_an_announcement_is_the_one_announced_of():
    evs = _events("王毅抵达缅甸\n\n外交部发言人赵立坚1日宣布，国务委员兼外长王毅7月3日赴缅甸主持外长会。"
                  "他也将对泰国、菲律宾进行正式访问。")
    visits = [e for e in evs if e[0] == "visit" and e[3] and e[3][0] in ("泰国", "菲律宾")]
    assert visits and all(e[2] == ("王毅",) for e in visits)


def test_whether_an_act_happens_is_no_report():
    for text in ("特首抵达曼谷\n\n特首李家超17日抵达曼谷，当局未公布李家超会否获国家主席习近平接见。",
                 "特首抵达曼谷\n\n特首李家超17日抵达曼谷，当局未公布李家超是否获国家主席习近平接见。",
                 "特首抵达曼谷\n\n特首李家超17日抵达曼谷，李家超有机会获国家主席习近平接见。"):
        assert not [e for e in _events(text) if e[0] == "meet"]
    # without the marker, the passive is a meeting reported
    evs = _events("特首抵达曼谷\n\n特首李家超17日抵达曼谷，李家超获国家主席习近平接见。")
    assert [e for e in evs if e[0] == "meet"]


def test_a_dateline_abroad_places_the_leader_on_his_known_trip():
    doc = _doc("阮春福会见日本政党领导\n\n越通社东京——6月6日下午，越南政府总理阮春福分别会见"
               "日本共产党主席志位和夫。阮春福对各党长期以来对越南的支持表示感谢。")
    assert doc.year == 2017


def test_a_tour_goes_on_to_the_countries_that_end_the_clause():
    evs = _events("王毅访问菲律宾\n\n国务委员兼外长王毅5日抵达菲律宾展开访问。王毅结束访问后，还将续程前往印尼和马来西亚。")
    legs = {e[3][0] for e in evs if e[0] == "visit" and e[2] == ("王毅",)}
    assert {"印尼", "马来西亚"} <= legs
    # a place that is no country needs a purpose to make a trip
    evs = _events("越南总理抵达河内\n\n越南政府总理范明政随后前往机场。")
    assert not [e for e in evs if e[0] == "visit"]


def test_a_month_in_chinese_numerals_dates_the_act_it_opens():
    from waishi.text.dates import find_dates
    assert [(d.month, d.day) for d in find_dates("美国国务卿四月前往越南")] == [(4, None)]
    assert [(d.month, d.day) for d in find_dates("双方于十一月访问")] == [(11, None)]
    assert find_dates("纪念十月革命") == []


def test_a_headline_act_of_a_person_the_body_does_not_name_is_kept():
    evs = _events("美国总统将于9月10日到访越南\n\n2023年8月28日，美国国务卿布林肯四月前往越南，以修复两国关系。"
                  "美国总统拜登将于9月10日到访越南。")
    assert ("visit", "拜登") in [(e[0], e[2][0]) for e in evs if e[2]]
    evs = _events("拜登将于9月10日到访越南\n\n2023年8月28日，美国国务卿布林肯四月前往越南，以修复两国关系，寻求合作。")
    visits = [e for e in evs if e[0] == "visit"]
    assert {e[2][0] for e in visits if e[2]} == {"布林肯", "拜登"}
    assert [e[1] for e in visits if e[2] == ("布林肯",)] == ["2023-04"]


def test_asean_dialogue_relations_counted_with_the_partner_named_first():
    doc = _doc("越南总理出席峰会\n\n越南总理19日前往索契，参加俄罗斯-东盟对话关系20周年纪念峰会。")
    assert doc.year == 2016


def test_the_first_trip_abroad_of_a_term_dates_its_first_year():
    doc = _doc("越南总理访问俄罗斯\n\n5月16日，越南总理阮春福抵达莫斯科，开始正式访问俄罗斯。"
               "此访是阮春福就任总理后首次出访。")
    assert doc.year == 2016


def test_a_whole_years_trade_figure_is_reported_the_year_after():
    for text in ("越澳总理会谈\n\n3月15日，越南总理阮春福同澳大利亚总理特恩布尔会谈。双边贸易额年均增长7%，"
                 "2017年达近65亿美元。",
                 "越澳总理会谈\n\n3月15日，越南总理阮春福同澳大利亚总理特恩布尔会谈。2017年双方贸易金额超过60亿美元。"):
        assert _doc(text).year == 2018


def test_a_side_named_by_a_title_alone_is_the_pages_holder_of_it():
    evs = _events("联合国秘书长访问越南\n\n应越南国家主席阮春福的邀请，联合国秘书长古特雷斯于10月21日对越南进行正式访问。"
                  "访问期间，古特雷斯将与越南国家主席举行会谈。")
    meets = [e for e in evs if e[0] == "meet"]
    assert meets and all(e[3] == ("阮春福",) for e in meets)


def test_a_date_after_another_persons_name_is_his_acts_not_the_one_before():
    evs = _events("俄罗斯总理将访越\n\n俄罗斯总理梅德韦杰夫11月18日起正式访问越南。俄方专家认为，"
                  "梅德韦杰夫即将开始的访越之旅和阮富仲总书记今年9月访俄之行都很重要。")
    visits = {(e[2][0], e[1]) for e in evs if e[0] == "visit" and e[2]}
    assert ("阮富仲", "2018-09") in visits or any(v[0] == "阮富仲" and v[1].endswith("-09") for v in visits)
    assert not any(v[0] == "梅德韦杰夫" and v[1] and v[1].endswith("-09") for v in visits)


def test_a_guest_addressed_by_title_and_honorific_is_the_guest():
    evs = _events("省长会见缅甸代总统\n\n9月5日，省委书记王晓晖在成都会见了缅甸代总统敏昂莱。王晓晖说，"
                  "代总统先生此次来华出席上海合作组织峰会和纪念抗日战争暨反法西斯战争胜利80周年活动。")
    attends = {e[3][0] for e in evs if e[0] == "attend" and e[2] == ("敏昂莱",)}
    assert attends == {"上海合作组织峰会", "纪念抗日战争暨反法西斯战争胜利80周年活动"}
    assert not [e for e in evs if "代总统先生" in e[2] + e[3]]


def test_a_headline_with_short_parallel_phrases_after_it_is_one_headline():
    text = ("中国总理与泰国总理共同会见记者时强调 传承两国友谊 推进务实合作\n"
            "10月11日，中国总理在曼谷同泰国总理会谈后会见记者。 某某社记者王某摄\n"
            "某某社曼谷10月11日电 中国总理11日在曼谷同泰国总理举行会谈后共同会见了记者。")
    assert _titles(text) == ["中国总理与泰国总理共同会见记者时强调 传承两国友谊 推进务实合作"]


def test_a_menu_run_together_after_home_and_a_forms_prompt_are_no_headlines():
    text = ("首页本地新闻县区开发区节庆活动东盟经济\n\n2023年广西与越南边境四省党委书记举行新春会晤\n\n"
            "2月22日，2023年广西与越南边境四省党委书记新春会晤以视频方式举行。")
    assert _titles(text) == ["2023年广西与越南边境四省党委书记举行新春会晤"]
    text = "请选择班型\n- 基础班\n- 高级班\n中国大使考察援建水井项目\n某某社3月10日电 中国驻柬埔寨大使考察援建水井项目。"
    assert _titles(text) == ["中国大使考察援建水井项目"]


def test_a_new_ambassador_met_before_the_month_his_term_began_is_of_the_next_year():
    doc = _doc("越南总理会见老挝驻越大使\n\n3月19日，越南政府总理范明政在河内接见了老挝新任驻越大使坎葆·恩塔万。")
    assert doc.year == 2024  # (his term began in October 2023: March of the next year)


def test_a_lao_title_is_no_former_holders():
    doc = _doc("越南总理会见老挝驻越大使\n\n越南政府总理范明政在河内会见老挝驻越大使坎葆·恩塔万。")
    assert doc.year_range is not None and doc.year_range[0] >= 2023


def test_an_agencys_head_acts_and_a_date_in_the_partners_description_is_the_partners():
    evs = _events("越韩通讯社加强合作\n\n越通社河内——12月14日，越南通讯社社长武越庄与由韩国联合通讯社社长成耆洪率领、于"
                  "2022年12月12日起在越南访问的韩联社代表团举行会谈。武越庄表示，两社合作成果显著。")
    meets = [e for e in evs if e[0] == "meet"]
    assert meets and meets[0][1] == "2022-12-14" and meets[0][2] == ("武越庄",)


def test_a_summit_named_by_its_host_city_dates_the_attendance_it_reports():
    evs = _events("新加坡总理将访华\n\n李显龙总理9月19日起访问中国。去年，李显龙应邀参加了杭州G20峰会。")
    assert ("attend", "2016-09") in [(e[0], e[1]) for e in evs if e[3] and "杭州G20峰会" in e[3][0]]


def test_an_act_dated_by_its_year_alone_takes_the_month_of_the_visitors_one_trip():
    evs = _events("中国总理将访问新加坡\n\n外交部发言人6日宣布，国务院总理李克强将于12日至16日对新加坡进行正式访问。"
                  "李克强还将出席第21次中国—东盟领导人会议。")
    attends = [e for e in evs if e[0] == "attend"]
    assert attends and attends[0][1].startswith("2018-11")


def test_a_bodys_own_size_and_meetings_postponed_are_no_relation_figures():
    doc = _doc("越通社加强国际合作\n\n2022年12月14日，越通社社长武越庄表示，越通社在国外设有30个分社，有10种语言的信息产品。"
               "目前约有200多个会议因疫情推迟。")
    assert not [f for f in doc.facts if f.metric == "count"]


def test_a_figure_after_a_semicolon_keeps_the_metric_named_before_it():
    doc = _doc("越南国会主席访问新西兰\n\n2022年12月3日，越南国会主席王廷惠抵达奥克兰。两国贸易额2021年达13亿美元；"
               "2022年前9个月达11亿美元，同比增长13%。")
    assert ("trade_total", 1100000000, "2022") in [(f.metric, f.value, f.period) for f in doc.facts]


def test_an_advisers_and_a_rapporteurs_titles_end_before_their_names():
    doc = _doc("联合国秘书长访问越南\n\n10月21日，联合国秘书长古特雷斯访问越南。随行的有气候问题特别顾问约翰·史密斯"
               "(John Smith)和欧洲议会报告员马克·布朗(Mark Brown)。")
    names = {p.name for p in doc.people}
    assert {"约翰·史密斯", "马克·布朗"} <= names


def test_words_that_follow_a_title_are_no_names():
    doc = _doc("缅甸外长拒绝邀请\n\n缅甸官员2日说，国务资政昂山素季拒绝了与东南亚其他国家最高外交官一道赴美会谈的邀请，"
               "她将派一名高官代表自己出席。韩国外交部长官尹炳世表示关注。新华社记者刘某摄")
    names = {p.name for p in doc.people}
    assert not names & {"一道", "自己", "官尹炳世", "刘某摄"}
    assert "尹炳世" in names


def test_a_trigger_inside_a_documents_title_is_no_act():
    evs = _events("越新外长会议\n\n9月14日，两国外长裴青山和马胡塔根据《越南与新西兰签署的行动计划》共同主持首次外长会议。")
    assert not [e for e in evs if e[0] == "sign"]
    assert [e for e in evs if e[0] == "host"]


def test_browser_notices_an_age_gate_a_weather_widget_and_a_hot_topics_bar_are_no_headlines():
    text = ("请更新您的浏览器\n\n您使用的浏览器版本较旧，建议您更新。\n晴时多云\n限制级\n热门: 地震 选举\n\n"
            "总统就任后首度出访 将访南太平洋友邦\n\n总统府22日宣布，总统将于11月30日率团访问南太平洋友邦。")
    assert _titles(text) == ["总统就任后首度出访 将访南太平洋友邦"]


def test_a_bracketed_dateline_opens_the_lede_and_a_target_pushed_for_is_ahead():
    doc = _doc("东盟峰会 菲将提南海议题\n\n【某某网2012年3月29日讯】菲律宾总统将在峰会上与各国领袖讨论地区倡议，"
               "推进在2015年建立东盟共同体的目标。")
    assert doc.year == 2012


def test_a_session_still_to_come_named_before_its_number_bounds_the_page():
    doc = _doc("越南总理将出席越老政府间委员会会议\n\n越南总理阮春福将赴老挝，出席本月初举行的"
               "越老政府间合作委员会第41次会议。")
    assert doc.year_range is not None and doc.year_range[1] <= 2019
    assert any(c.get("why", "").startswith("upcoming series") for c in doc.year_constraints)


def test_documents_to_be_laid_before_a_congress_leave_it_still_to_come():
    doc = _doc("越南国会主席会见老挝领导人\n\n越南国会主席阮氏金银表示，越南正起草将提交越共十三大审议的相关文件。")
    assert any(c.get("why", "").endswith("prepared") for c in doc.year_constraints)


def test_the_one_welcomed_to_a_visit_visits_the_country_of_who_welcomes_him():
    evs = _events("澳越总理会谈\n\n3月15日，澳大利亚总理特恩布尔举行仪式，欢迎越南政府总理阮春福到访。")
    assert ("visit", ("阮春福",), ("澳大利亚",)) in [(e[0], e[2], e[3]) for e in evs]


def test_the_month_a_term_began_does_not_date_the_acts_told_after_it():
    evs = _events("中国国家主席访问印尼\n\n2013年10月2日，中国国家主席习近平在雅加达同印尼总统举行会谈。印尼是习近平今年3月出任国家主席后"
                  "首次访问的东南亚国家，接下来他将访问马来西亚。")
    visits = {e[3][0]: e[1] for e in evs if e[0] == "visit" and e[3]}
    assert visits.get("马来西亚", "").startswith("2013-10")
