"""Session 29: constructions read from dev62 to dev69 (texts written for these tests)."""

from extract_rows import event_rows as _events
from extract_rows import first_doc as _doc

from waishi.extract.pipeline import extract


def test_a_stamp_written_day_first_with_dots_dates_the_page():
    # a regional party paper prints its stamp as DD.MM.YYYY with the clock after it
    text = ("省委书记会见越南副总理\n\n21.05.2016  09:40\n\n"
            "5月20日，贵州省委书记陈敏尔率代表团在河内会见了越南政府副总理范平明。")
    doc = _doc(text)
    assert doc.year == 2016
    meets = [r for r in _events(text) if r[0] == "meet"]
    assert meets and meets[0][1] == "2016-05-20"


def test_a_mirrored_posts_link_back_and_category_are_no_headline():
    doc = _doc("查看原文\n其他\n\n云南省与越南四省书记再度会晤,有何意义?\n\n\n"
               "云南省与越南四省书记年度会晤机制第二次会议举行\n深化各领域务实合作\n\n"
               "  4月27日，云南省委书记与越南老街省委书记以视频形式举行会晤。")
    assert doc.title == "云南省与越南四省书记再度会晤,有何意义?"


def test_a_day_in_brackets_after_today_or_yesterday_is_the_story_day():
    # the page is stamped the 5th; 今日(4日) and 昨晚（4日） give the 4th, not the stamp's day
    for rel in ("今日(4日)", "今天（4日）", "昨晚（4日）"):
        rows = _events(f"上海市长会晤越南副总理\n\n2023-11-05 10:00\n\n上海市市长龚正{rel}会见了越南政府副总理陈红河一行。")
        meets = [r for r in rows if r[0] == "meet"]
        assert meets and meets[0][1] == "2023-11-04", rel


def test_a_pronoun_before_a_day_of_the_week_is_the_person_speaking_before():
    # 他周三…结束对越南的访问: the pronoun with a day after it still opens a clause; and the sentence
    # before opens with the pronoun too (他透露，B将…), so it goes back to the one named first
    rows = _events("安华谈东盟事务\n\n（河内27日讯）马来西亚首相安华披露，中国国家主席习近平将于4月访问马来西亚。\n\n"
                   "他透露，习近平届时将率领商业代表团访马。\n\n"
                   "他周三在河内结束对越南的两天访问，启程返国前向媒体作出上述表示。")
    visits = [r for r in rows if r[0] == "visit" and r[3] == ("越南",)]
    assert visits and visits[0][2] == ("安华",)


def test_he_said_is_the_last_speaker_not_a_person_in_his_words():
    rows = _events("马来西亚首相谈南海问题\n\n针对南海课题，马来西亚首相安华指出，东盟已达成共识。\n\n"
                   "他透露，过去与中国的协商进展缓慢。但去年以来，中国总理李强已表明，中国愿意加快谈判。\n\n"
                   "他说，他在与越南总理范明政会面时，也讨论了这一课题。")
    meets = [r for r in rows if r[0] == "meet"]
    assert meets and meets[0][2] == ("安华",) and meets[0][3] == ("范明政",)


def test_a_story_after_the_end_mark_is_a_teaser_of_its_own():
    # no 更多 line: the article closes with (完) or the agency's sign-off, then a headline over its lede
    for mark in ("（完）", "（越通社-VNA）"):
        r = extract("越南国家主席会见日本客人\n\n1月9日下午，越南国家主席张晋创在河内会见了日本国际协力银行副行长。"
                    f"双方同意在2012年加强合作。{mark}\n"
                    "越共十四大:越南以坚实的增长基础迈入新发展阶段\n"
                    "在越南共产党第十四次全国代表大会召开前夕，一位美国学者在接受越通社采访时高度评价越南的经济增长成就。")
        assert [d.title for d in r.documents][1:] == ["越共十四大:越南以坚实的增长基础迈入新发展阶段"], mark
        assert r.documents[0].year != 2026


def test_a_year_counted_from_the_page_before_a_month_and_day_is_that_dates_year():
    from waishi.text.dates import find_dates

    for text, off in (("明年1月3日", 1), ("去年12月3日至5日", -1), ("今年 5月3日", 0)):
        dm = find_dates(text)[0]
        assert (dm.start, dm.year_offset) == (0, off), text
    rows = _events("菲律宾总统明年1月访华\n\n2022-11-11 22:53\n\n菲律宾总统小马可斯明年1月3日将赴中国进行国事访问。")
    assert any(r[0] == "visit" and r[1] == "2023-01-03" for r in rows)


def test_the_early_part_of_a_month_before_an_act_dates_it_to_that_month():
    rows = _events("菲律宾总统出访\n\n2022-11-11 22:53\n\n总统小马可斯6月底就职。小马可斯9月初赴印尼进行上任后首次国事访问。")
    assert any(r[0] == "visit" and r[1] == "2022-09" and r[3] == ("印尼",) for r in rows)


def _people(text):
    return {p.name: p.titles for p in extract(text).documents[0].people}


def test_a_conferred_honorific_between_title_and_name_is_no_part_of_the_name():
    people = _people("马来西亚副首相访华\n\n马来西亚副首相拿督斯里阿末扎希今日在北京礼貌拜会中国总理李强。")
    assert "阿末扎希" in people and not any(n.startswith("拿督") for n in people)
    rows = _events("马来西亚副首相访华\n\n马来西亚副首相拿督斯里阿末扎希今日在北京礼貌拜会中国总理李强。")
    assert ("meet", ("阿末扎希",), ("李强",)) in {(r[0], r[2], r[3]) for r in rows}


def test_a_manner_adverb_before_the_call_is_no_name():
    # (a photo caption run on after the headline, the name first with its rank after it)
    people = _people("越新防务对话在新加坡举行\n\n越新防务对话在新加坡举行 ảnh 1阮志咏上将礼节性拜会新加坡国防部部长黄永宏。")
    assert "礼节性" not in people and "黄永宏" in people


def test_a_foreign_name_ends_at_a_possessive():
    people = _people("马来西亚副首相访华\n\n他在马来西亚驻中国大使拿督诺曼的陪同下抵达北京。")
    assert "诺曼" in people and "诺曼的陪同下" not in people


def test_now_after_a_name_is_no_part_of_it():
    people = _people("菲外长访华\n\n菲律宾外交部长陆辛现正对中国进行为期三天的访问。")
    assert "陆辛" in people and "陆辛现" not in people


def test_speaking_at_the_opening_is_attending_the_gathering_that_opened():
    rows = _events("第52届东盟外长会在泰国曼谷开幕\n\n2019-07-31 18:42\n\n"
                   "第52届东盟外长会议7月31日在泰国曼谷开幕。泰国总理巴育在开幕式上致辞表示，泰国将推动东盟合作。")
    att = [r for r in rows if r[0] == "attend" and r[2] == ("巴育",)]
    assert att and "开幕式" not in att[0][3] and any("外长会" in t for t in att[0][3])


def test_a_speech_at_the_opening_without_shang_is_attending():
    rows = _events("第49届东盟外长会议在老挝万象开幕\n\n新华社万象7月24日电 第49届东盟外长会议24日在老挝首都万象开幕。"
                   "东盟轮值主席国老挝总理通伦在开幕式致辞时说，东盟取得了卓越成就。")
    att = [r for r in rows if r[0] == "attend" and r[2] == ("通伦",)]
    assert att and any("外长会议" in t for t in att[0][3])


def test_each_act_of_a_weeks_review_is_a_clause_of_its_own():
    rows = _events("越通社评选一周要闻回顾(2023.4.3-4.9)\n\n越通社河内——澳大利亚总督戴维•赫尔利对越南进行国事访问、"
                   "越南政府总理范明政出席第四届湄公河委员会峰会和俄罗斯副总理德米特里·切尔内申科对越南进行访问"
                   "等是越南过去一周的主要新闻事件。")
    got = {(r[0], r[2], r[3]) for r in rows}
    assert ("attend", ("范明政",), ("第四届湄公河委员会峰会",)) in got
    assert ("visit", ("德米特里·切尔内申科",), ("越南",)) in got


def test_acts_that_share_a_subject_in_a_review_keep_it():
    # 即出席X、对美国和联合国进行工作访问: the second predicate is the first one's subject's
    rows = _events("一周要闻回顾(2022.5.16-5.22)\n\n越南政府总理范明政率领越南高级代表团进行访美之旅，"
                   "即出席东盟-美国特别峰会、对美国和联合国进行工作访问。")
    assert not any(r[0] == "visit" and r[2] == ("越南高级代表团",) for r in rows)


def test_a_clause_with_its_own_subject_ends_a_list_of_those_met():
    rows = _events("爱尔兰总理访华\n\n爱尔兰总理马丁今天起正式访问中国5天，将分别会晤国家主席习近平、国务院总理李强和"
                   "全国人大常委会委员长赵乐际，访华期间马丁还将到访上海。")
    met = {r[3] for r in rows if r[0] == "meet" and r[2] == ("马丁",)}
    assert met == {("习近平",), ("李强",), ("赵乐际",)}


def test_a_page_listing_stories_each_over_one_paragraph_is_split_into_them():
    lede = "越南国会主席陈青敏与老挝国会主席赛宋蓬·丰威汉在万象举行会谈，双方一致同意进一步加强两国立法机构之间在各个领域的合作与交流，推动两国关系不断向前发展。"
    heads = ["推动越老特殊团结关系迈上新台阶", "继续发挥越老特殊友好传统", "越南与老挝促进经济合作高质量发展"]
    page = "社论:始终重视并优先发展越老特殊关系\n\n" + lede + "\n图为会谈现场。\n\n"
    for h in heads:
        page += h + "\n\n" + lede + "\n图为会谈现场。\n\n"
    page += "推动和巩固越老传统友好关系\n\n越共中央政治局委员、国会常务副主席陈青敏10月5日下午会见了正在对越南进行工作访问的老挝国会代表团"
    titles = [d.title for d in extract(page).documents]
    assert titles == ["社论:始终重视并优先发展越老特殊关系", *heads, "推动和巩固越老传统友好关系"]


def test_an_article_with_subheadings_stays_one_document():
    para = "安华指出，东盟已达成共识，希望尽速解决南海问题，因为这个战略性海域对全球贸易至关重要，各方应当保持克制。"
    page = "安华宣布习近平4月访马\n\n" + para + "\n\n" + "".join(
        f"{h}\n\n{para}\n\n{para}\n\n" for h in ("成员国歧见不足引发关系紧张", "加速南海行为准则谈判", "东盟将继续保持中立立场"))
    assert len(extract(page).documents) == 1


def test_a_stamp_labelled_published_with_spaced_colons_dates_the_page():
    from waishi.extract.segment import page_date

    assert page_date("爱尔兰总理访华\n发布 : 2026-1-04 来源 : 明报新闻网\n爱尔兰总理马丁今天起访华。") == "2026-01-04"


def test_a_pronoun_object_is_the_one_met_before():
    rows = _events("巴新总理访华\n\n访问期间，习近平主席将会见巴新总理奥尼尔，李克强总理也将会见他。")
    assert ("meet", ("李克强",), ("奥尼尔",)) in {(r[0], r[2], r[3]) for r in rows}
    # no one met before: a subject is no object
    rows = _events("巴新总理访华\n\n访问期间，习近平主席将出席欢迎仪式，李克强总理也将会见他。")
    assert not any(r[0] == "meet" and r[3] == ("习近平",) for r in rows)


def test_i_in_a_speech_opening_a_later_clause_is_the_speaker():
    rows = _events("温家宝抵达吉隆坡\n\n温家宝说，访问期间，我将同纳吉布总理会谈。")
    assert ("meet", ("温家宝",), ("纳吉布",)) in {(r[0], r[2], r[3]) for r in rows}


def test_words_after_a_title_before_a_verb_are_no_names():
    for text in ("老挝国家主席通伦一行欢迎仪式按照国家元首最高规格举行隆重仪式。",
                 "阮富仲於會談前在主席廣場舉行盛大歡迎儀式。",
                 "越南国会主席阮氏金银及各位国会副主席轮流主持会议。"):
        names = set(_people("标题新闻\n\n" + text))
        assert not names & {"最高规格", "廣場", "轮流"}, text


def test_a_pronoun_subject_goes_before_the_place_of_the_talks():
    rows = _events("菅义伟首访越南\n\n日本首相菅义伟18日抵达河内。他将于19日在越南河内与越南总理阮春福举行会谈。")
    meets = [r for r in rows if r[0] == "meet"]
    assert meets and meets[0][2] == ("菅义伟",) and meets[0][3] == ("阮春福",)


def test_a_full_stop_between_a_names_parts_is_its_dot_and_stays_as_written():
    people = _people("李家超访问老挝\n\n2024-07-29 09:54\n\n行政长官李家超今早首先与老挝副总理兼外长沙伦赛. 贡玛西会面，"
                     "李家超亦会去拜访老挝总理宋赛. 西潘敦。")
    assert "宋赛. 西潘敦" in people and "沙伦赛. 贡玛西" in people
    people = _people("澳总理访越\n\n澳大利亚总理马尔科姆.特恩布尔举行记者会。")
    assert "马尔科姆.特恩布尔" in people


def test_within_the_framework_of_a_visit_is_the_visit_of_the_main_clauses_subject():
    rows = _events("王廷惠会见乌隆府府尹\n\n在对泰王国进行正式访问的框架内，越南国会主席王廷惠于12月9日会见了乌隆府府尹。")
    assert any(r[0] == "visit" and r[2] == ("王廷惠",) for r in rows)


def test_with_a_second_yu_after_an_adverb_the_first_joins_the_subject():
    rows = _events("习近平将会见昂山素季\n\n19日，中国国家主席习近平与全国人大常委会委员长张德江还将与昂山素季女士举行双边会见。")
    meets = [r for r in rows if r[0] == "meet"]
    assert meets and meets[0][3] == ("昂山素季",) and set(meets[0][2]) == {"习近平", "张德江"}


def test_a_span_of_months_dates_a_figure_to_the_pages_year_and_last_years_same_period_only_its_own():
    doc = _doc("印尼驻华大使谈中印尼经贸\n\n2022-09-20 10:00\n\n根据中国海关数据，1月至8月，中印尼贸易额达957亿美元，"
               "超过去年同期的742亿美元。印尼对华出口483亿美元，增长31.8%。")
    periods = {f.value: f.period for f in doc.facts}
    assert periods == {95700000000: "2022", 74200000000: "2021", 48300000000: "2022"}


def test_a_clause_opening_with_a_time_before_yu_carries_the_subject():
    rows = _events("李家超访问老挝\n\n2024-07-29 09:54\n\n行政长官李家超再度率团出访东盟，第一站先到老挝万象，"
                   "今早(29日)首先与老挝副总理兼外长沙伦赛会面。")
    assert ("meet", "2024-07-29", ("李家超",), ("沙伦赛",)) in rows


def test_a_load_more_button_or_an_ad_widget_ends_the_article():
    for widget in ("加载更多\n一周看天下图集\n一周看天下图集", "Skip This Ads\nclose ad\nclose ad"):
        r = extract("中国外交部向阿盟捐赠抗疫物资\n\n中国外交部12月8日向阿拉伯国家联盟捐赠第二批抗疫援助物资。\n\n" + widget)
        assert len(r.documents) == 1, widget


def test_a_portals_set_as_home_page_line_is_no_headline():
    doc = _doc("央视网|中国网络电视台|网站地图 |\n客服设为首页 |\n胡锦涛会见洪森\n\n当天中午，国家主席胡锦涛在金边会见了柬埔寨首相洪森。")
    assert doc.title == "胡锦涛会见洪森"


def test_a_month_before_the_one_just_said_is_not_in_that_year():
    rows = _events("张德江开始对越南进行正式友好访问\n\n2016-11-08 10:00\n\n越通社河内——落实两国立法机构于2015年12月签署的合作协议，"
                   "应越南国会主席阮氏金银的邀请，中国全国人大常委会委员长张德江将于11月8日至11日对越南进行正式友好访问。")
    visits = [r for r in rows if r[0] == "visit"]
    assert visits and visits[0][1] == "2016-11-08"


def test_a_stamp_with_a_comma_before_its_clock_and_a_bracketed_zone_dates_the_page():
    from waishi.extract.segment import page_date

    assert page_date("阮新疆上将出席东盟国防力量司令会议\n2024/09/04, 17:18 (GMT+7)\n正文。") == "2024-09-04"


def test_a_newspaper_pages_label_is_no_headline():
    doc = _doc("第A31版:国际新闻\n3上一版  下一版4\n \n菲总统今访华将来闽寻根\n\n菲律宾总统阿基诺三世今天开始对中国进行国事访问。")
    assert doc.title == "菲总统今访华将来闽寻根"


def test_a_breadcrumb_from_a_sites_home_is_no_headline():
    doc = _doc("网易首页 > 网易号 > 正文 申请入驻\n\n新加坡外长因未打领带道歉,王毅巧妙应对\n\n0\n分享至\n\n"
               "8月13日，中国外长王毅在天津会见新加坡外长维文。")
    assert doc.title == "新加坡外长因未打领带道歉,王毅巧妙应对"


def test_speakers_who_each_brief_are_not_the_visitors_they_brief_on():
    rows = _events("外交部就李克强总理欧亚之行举行吹风会\n\n外交部部长助理李惠来、部长助理刘海星分别介绍李克强总理访问吉尔吉斯斯坦"
                   "并出席上海合作组织成员国总理会议的有关情况。")
    visits = [r for r in rows if r[0] == "visit"]
    assert visits and all(r[2] == ("李克强",) for r in visits)


def test_a_captions_meeting_with_another_person_is_another_meeting():
    rows = _events("李显龙会见王毅\n\n2021-09-15 10:00\n\n王毅部长(左)与维文部长(右)会晤\n\n前日，王毅已经在新加坡同新加坡外长维文举行了会谈。\n\n"
                   "昨天(9月14日)上午，新加坡总理李显龙在总统府会见了中国国务委员兼外交部长王毅。")
    meets = {(r[1], r[2], r[3]) for r in rows if r[0] == "meet"}
    assert ("2021-09-14", ("李显龙",), ("王毅",)) in meets
    assert any("维文" in src + tgt and "李显龙" not in src + tgt for _day, src, tgt in meets)


def test_a_short_line_placing_persons_left_and_right_is_a_caption():
    doc = _doc("王毅访问新加坡\n\n2021-09-15 10:00\n\n王毅部长(左)与维文部长(右)会晤\n\n前日，王毅在新加坡同新加坡外长维文举行了会谈。")
    assert doc.captions and len([e for e in doc.events if e.type == "meet"]) == 1


def test_a_trip_named_by_its_country_before_the_kind_of_visit():
    for text in ("马来西亚首相拿督斯里安华表示，两国合作良好。安华今日结束为期两天汶莱工作访问。",
                 "马来西亚首相拿督斯里安华表示，两国合作良好。在官访汶莱期间，他与汶莱苏丹举行了会谈。"):
        rows = _events("马来西亚首相访问汶莱\n\n" + text)
        assert any(r[0] == "visit" and r[2] == ("安华",) and r[3] == ("汶莱",) for r in rows), text


def test_a_papers_dateline_is_no_part_of_the_title_after_it():
    people = _people("马来西亚副首相访华\n\n（北京29日讯）副首相阿末扎希今日拜会中国总理李强。")
    assert people.get("阿末扎希") == ["副首相"]


def test_our_countrys_anniversary_on_a_page_that_never_names_the_home_country_is_not_the_homes():
    # (周边和区域: 边和 is a Vietnamese city's name inside other words, no sign that the page names Vietnam)
    doc = _doc("维文周五到老挝展开四天正式访问\n\n新加坡外交部长维文将前往老挝访问，商讨加强周边和区域合作。"
               "他将会见老挝总理宋赛·西潘敦。维文此行也开启了我国同老挝建交50周年的庆祝活动。")
    assert doc.year != 2012
    assert not any(c.get("why") == "anniversary" for c in doc.year_constraints)


def test_a_day_that_opens_a_period_is_not_the_storys_day():
    # no stamp: the only month-day is the period's start, which gives the story no month
    rows = _events("越共总书记苏林将访华\n\n中国外交部今天宣布，越共中央总书记苏林将于18日至20日对中国进行国事访问。"
                   "习近平自7月29日后即未公开露面。")
    visits = [r for r in rows if r[0] == "visit"]
    assert visits and not (visits[0][1] or "").startswith("2024-07")


def test_an_anniversary_range_still_to_come_bounds_the_page_from_above():
    doc = _doc("扩大越老两国人民交流活动\n\n杜文战主席表示，越南祖国阵线将配合举办两国建交60周年(1962年9月5日-2022年9月5日)等纪念活动。")
    assert any(c.get("why") == "upcoming anniversary range" and c.get("hi") == 2022 for c in doc.year_constraints)


def test_years_of_relations_between_the_two_countries_of_the_page_date_it():
    # relations.tsv: Vietnam and Bangladesh, 1973 — "45 years since" on a page of Vietnam and Bangladesh is 2018
    doc = _doc("孟加拉国总理:陈大光访孟有助于提升两国关系\n\n孟加拉国总理哈西娜在接受越通社记者采访时表示，越南国家主席陈大光"
               "对孟加拉国的国事访问意义重大，将推动各领域合作取得更多新成果。关于两国建交45年来所取得的成果，哈西娜表示，孟加拉国与越南有许多相同之处。")
    assert doc.year == 2018
    assert any(c.get("why") == "years since founding" and c.get("year") == 2018 for c in doc.year_constraints)


def test_speaking_in_a_meeting_held_after_is_attending_it():
    rows = _events("中国—东盟25年\n\n2016-09-08 09:03\n\n9月7日，东盟主席国老挝总理通伦在随后举行的中国—东盟(10+1)领导人会议中说，"
                   "双方关系不断增强。")
    assert ("attend", ("通伦",), ("中国—东盟(10+1)领导人会议",)) in {(r[0], r[2], r[3]) for r in rows}


def test_the_headline_printed_again_under_the_stamp_is_no_paragraph():
    doc = _doc("习近平举行宴会欢迎美国总统特朗普\n\n发布时间:2017-11-10 08:09:05   来源:新华社\n\n习近平举行宴会欢迎美国总统特朗普\n\n"
               "国家主席习近平9日晚在人民大会堂举行宴会，欢迎美国总统特朗普。")
    hosts = [e for e in doc.events if e.type == "host"]
    assert [e.date for e in hosts] == ["2017-11-09"]


def test_a_speech_with_no_gathering_named_is_at_the_storys_gathering():
    rows = _events("第49届东盟外长会议在老挝万象开幕\n\n第49届东盟外长会议24日在老挝首都万象开幕。"
                   "东盟轮值主席国老挝总理通伦·西苏里在致辞时表示，东盟需要强化在地区格局中的主导作用。")
    assert any(r[0] == "attend" and r[2] == ("通伦·西苏里",) and "外长会议" in r[3][0] for r in rows)


def test_activities_counted_or_unnamed_are_no_gathering():
    rows = _events("越南国会主席圆满结束欧洲之行\n\n为期5天的欧洲之旅，越南国会主席王廷惠共参加了70多个活动。")
    assert not any(r[0] == "attend" for r in rows)
    rows = _events("2023年中国广西与越南边境四省党委书记新春会晤活动以视频连线方式举行\n\n"
                   "2月22日，中国广西与越南边境四省党委书记新春会晤活动以视频连线方式举行。自治区党委副书记刘小明出席活动。")
    assert any(r[0] == "attend" and r[2] == ("刘小明",) and r[3][0].endswith("新春会晤活动") for r in rows)


def test_a_pronoun_after_a_frame_of_time_with_a_companion_is_the_subject():
    rows = _events("王毅将访问越南\n\n中国外长王毅将对越南进行访问。访问期间他将同越南政府常务副总理范平明共同主持召开"
                   "越中双边合作指导委员会第十三次会议。")
    hosts = [r for r in rows if r[0] == "host"]
    assert hosts and set(hosts[0][2]) == {"王毅", "范平明"}
