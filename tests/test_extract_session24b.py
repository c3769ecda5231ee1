"""Mechanisms added late in session 24 (after the session's tests were reworded): weekdays end a name
written after 首相/大臣."""

from extract_rows import first_doc as _doc


def test_a_weekday_ends_a_prime_ministers_name():
    doc = _doc("马来西亚首相将访华\n\n2016年10月29日，马来西亚首相纳吉周一启程访华，行程共六天。")
    names = {p.name for p in doc.people}
    assert "纳吉" in names and "纳吉周一" not in names


def test_a_target_set_for_a_year_bounds_the_page_above_and_names_no_year_of_it():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "为实现2020年两国贸易额达到150亿美元的目标，双方同意加强合作。")
    assert ev.hi == 2019 and 2021 not in ev.scores and 2020 not in ev.scores


def test_a_congress_prepared_for_bounds_the_page_and_renews_no_state_office():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "熊波大使祝贺苏林当选为越南国家主席，支持越南为越共十四大做准备。",
                 [("苏林", ("越南国家主席",))])
    assert ev.hi is not None and ev.hi <= 2026 and 2026 not in ev.scores


def test_a_known_trip_later_than_the_pages_full_dates_outweighs_them():
    doc = _doc("习近平将访越\n\n越通社河内4月11日——中国国家主席习近平定于4月14日至15日访问越南。"
               "此前，苏林总书记曾于2024年8月访华。")
    assert doc.year == 2025


def test_a_founding_anniversary_of_the_country_named_before_it():
    from waishi.extract.year import collect
    from waishi.lexicon import Lexicon
    ev = collect(Lexicon.default(), "越方对中国即将迎来的建国72周年致以祝贺。")
    assert ev.hi == 2021


def test_witnessing_after_a_pair_attended_and_a_signing_of_two_provinces():
    from extract_rows import event_rows
    evs = event_rows("两国总理出席开工仪式\n\n2025年3月26日上午，越南总理范明政和新加坡总理黄循财一同出席某工业园开工仪式，"
                     "并见证了双方经贸合作文件的交换仪式。")
    assert [e for e in evs if e[0] == "sign" and "越南" in e[2] + e[3] and "新加坡" in e[2] + e[3]]
    evs = event_rows("越南国家主席会见福建省领导\n\n2017年5月13日，会见结束后，陈大光主席见证了越南广宁省与中国福建省"
                     "关于友好合作的协议书的签署。")
    signs = [e for e in evs if e[0] == "sign"]
    assert signs and set(signs[0][2] + signs[0][3]) >= {"广宁省", "福建省"}


def test_a_site_name_line_ending_in_a_breadcrumb_is_not_the_headline():
    text = ("城市生活 某某海滨网> 新闻中心>国际新闻\n老挝总理同泰国总理举行会谈\n\n2019-03-02 20:10:05\n\n"
            "某某社万象3月2日电 老挝总理通伦3月2日在万象同来访的泰国总理巴育举行会谈。")
    assert _doc(text).title == "老挝总理同泰国总理举行会谈"


def test_a_story_that_gives_only_its_day_is_dated_by_a_known_trip_despite_a_later_month_day():
    doc = _doc("洪森访华 两国领导人会面\n\n柬埔寨首相洪森周四(9日)抵达北京，开始对中国进行正式访问。\n\n"
               "洪森1月16日对记者表示，希望此访取得新的成果。")
    assert doc.year == 2023


def test_the_full_date_of_the_founding_of_relations_is_history_not_the_story():
    doc = _doc("两国将签署合作文件\n\n马来西亚和中国将在建交50周年之际签署合作文件。1974年5月31日，马来西亚与中国正式建交。"
               "部长表示，今年1至4月双边贸易额增长5.9%。")
    assert doc.year == 2024


def test_a_years_figure_in_a_list_and_a_later_year_than_the_pages_full_dates():
    doc = _doc("越南驻泰国大使谈越泰关系\n\n越南驻泰国大使1月12日接受记者采访时表示，两国双边贸易额保持增长势头，"
               "2017年达150亿美元，2018年达170亿美元。两国某协定于2016年1月1日正式生效。")
    assert doc.year == 2019


def test_an_edition_of_a_series_the_page_says_began_in_a_year():
    doc = _doc("越南副总理会见大阪府知事\n\n越通社河内——越南副总理12日在河内会见来访的日本大阪府知事。"
               "从2016年开始举行的越南大阪友好节吸引了大批民众。访越期间，知事将出席第四届越南大阪友好节。")
    assert doc.year == 2019
    held = _doc("某省举行第三届越老边境友好交流会\n\n2013年首次举办的越老边境友好交流会深受欢迎。"
                "第三届越老边境友好交流会12日在某省举行了开幕式。")
    assert held.year == 2015
