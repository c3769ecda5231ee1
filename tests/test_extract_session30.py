"""Session 30: constructions read from dev72, dev73 and dev80 to dev85 (texts written for these tests)."""

from extract_rows import event_rows as _events
from extract_rows import first_doc as _doc

from waishi.text.dates import find_dates


def test_a_headline_with_a_week_reviewed_dates_the_page_above_planned_anniversaries():
    # a weekly round-up of late 2019: the body plans activities for next year's anniversaries
    text = ("越通社一周要闻回顾(2019.12.16-2019.12.22)\n\n"
            "越南政府总理阮春福17日与日本首相安倍晋三通电话。\n\n"
            "两位总理讨论了越日两国在建交47周年和越南担任东盟轮值主席国的2020年联合开展的活动。"
            "双方同意筹备越俄建交70周年纪念活动。")
    doc = _doc(text)
    assert doc.year == 2019
    calls = [r for r in _events(text) if r[0] == "phone_call"]
    assert calls and calls[0][1] == "2019-12-17"  # the day read in the week the headline gives


def test_a_week_reviewed_across_two_months_reads_its_days_in_their_month():
    text = ("一周要闻回顾(2022.9.26-10.2)\n\n"
            "越南国家主席阮春福28日在河内会见了老挝国会主席赛宋蓬·丰威汉。\n\n"
            "越南外交部长裴青山1日与新加坡外交部长维文通电话。")
    rows = _events(text)
    assert ("meet", "2022-09-28") in [(r[0], r[1]) for r in rows]
    assert ("phone_call", "2022-10-01") in [(r[0], r[1]) for r in rows]


def test_a_bulletin_headline_with_its_day_beats_a_later_year_named_as_a_target():
    doc = _doc("越通社简讯2016.3.8\n\n越南国会副主席丛氏放7日在河内会见了古巴驻越大使。双方力争2020年贸易额达到5亿美元。"
               "两国将隆重庆祝2020年建交60周年。")
    assert doc.year == 2016


def test_that_day_after_a_background_day_in_the_same_sentence_is_that_day():
    # a profile page of 2014 recalls the day relations began: 当日 is that day, not the page's
    text = ("中国与东帝汶关系简介\n\n2014年10月19日 来源：中国驻东帝汶大使馆\n\n"
            "2002年5月20日东帝汶独立当日，时任中国外长唐家璇应邀出席东帝汶独立庆典，"
            "并同东帝汶外长奥尔塔签署了两国建交联合公报。")
    rows = _events(text)
    attends = [r for r in rows if r[0] == "attend"]
    assert attends and attends[0][1] == "2002-05-20"


def test_three_eleven_before_japan_is_no_date():
    dates = find_dates("总统将慰问311日本地震灾区，27日及28日分别拜会日本首相和天皇。")
    assert [(d.month, d.day) for d in dates] == [(None, 27), (None, 28)]
    # but a dateline's day glued to its month before 本报讯 is still a date
    assert [(d.month, d.day) for d in find_dates("623日本报讯")] == [(6, 23)]


def test_a_bare_month_before_a_traditional_arrival_word_is_that_month():
    # 6月到訪 / 6月出訪: the month of the trip, also in traditional script
    text = ("中國與東帝汶擴大合作\n\n發佈時間:2022-09-07\n\n"
            "中國國務委員兼外交部長王毅6月到訪東帝汶期間,會見了東帝汶總理魯瓦克。")
    rows = _events(text)
    meets = [r for r in rows if r[0] == "meet"]
    assert meets and meets[0][1] == "2022-06"


def test_next_month_and_last_month_count_from_the_articles_own_month():
    text = ("菲总统下月访美\n\n2023年4月23日\n\n"
            "菲律宾外交部表示，菲律宾总统小马科斯将于下月初赴美与美国总统拜登会面。"
            "美国国务卿布林肯上个月访问了越南。")
    rows = _events(text)
    assert ("meet", "2023-05") in [(r[0], r[1]) for r in rows if r[0] == "meet"]
    visits = {r[1] for r in rows if r[0] == "visit"}
    assert "2023-05" in visits and "2023-03" in visits


def test_a_trip_summed_up_under_the_running_date_takes_the_day_its_own_sentence_writes():
    # the second sentence names the trip under the day of the meeting before it; the next
    # paragraph writes the trip's own day
    text = ("一周要闻回顾\n\n2021-02-21 10:00\n\n"
            "越南政府副总理范平明15日在河内会见了老挝驻越大使。中国国务委员、公安部部长赵克志对越南进行访问。\n\n"
            "中国国务委员、公安部部长赵克志19日对越南进行访问。访越期间，越南政府总理阮春福会见了赵克志。")
    visits = [r for r in _events(text) if r[0] == "visit"]
    assert [v[1] for v in visits] == ["2021-02-19"]
