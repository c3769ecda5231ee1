"""Date and byline conventions of the press beyond VNA: month and day in Chinese numerals,
昨天/今天 counted from the article's own day, the bracketed day of Taiwan's papers (昨(27)日),
a reporter in the byline who is no actor, a deputy's title that names no office of its holder."""

import pytest

from waishi.extract.offices import title_fits
from waishi.extract.pipeline import extract
from waishi.extract.segment import page_date
from waishi.text.dates import find_dates


def _events(rec):
    return [(e.type, e.date, tuple(e.source), tuple(e.target)) for d in rec.documents for e in d.events]


def test_extract_dates_press_chinese_numerals_give_month_and_day():
    dm = find_dates("越南副总理五月十二日在河内会见老挝客人。")[0]
    assert (dm.month, dm.day) == (5, 12)
    dm = find_dates("二〇一九年十一月三十日上午")[0]
    assert (dm.year, dm.month, dm.day, dm.time_of_day) == (2019, 11, 30, "上午")
    assert all(d.month != 13 for d in find_dates("十三月五日"))


def test_extract_dates_press_bracketed_day_is_that_day():
    dm = find_dates("越南国防部长昨(14)日下午在河内会见来访的日本客人。")[0]
    assert (dm.month, dm.day, dm.time_of_day) == (None, 14, "下午")


def test_extract_dates_press_words_for_today_count_from_the_article_day():
    text = ("越老领导人通电话\n"
            "2023/8/16 10:20\n"
            "（中央社记者王明河内16日专电）越南国家主席武文赏昨天与老挝国家主席通伦·西苏里通电话。")
    rec = extract(text)
    calls = [e for e in _events(rec) if e[0] == "phone_call"]
    assert calls and calls[0][1] == "2023-08-15"
    assert all("王明" not in e[2] for e in calls)


def test_extract_dates_press_today_before_a_noun_is_no_date():
    assert find_dates("他在接受今日俄罗斯采访时表示") == []
    assert all(d.day_offset is None for d in find_dates("今天的越南正在快速发展"))


def test_extract_dates_press_deputy_title_names_no_office():
    assert title_fits("中国国务院总理", ("国务院总理", "总理"))
    assert not title_fits("中国国务院副总理", ("国务院总理", "总理"))
    assert title_fits("越南政府常务副总理", ("常务副总理", "副总理"))
    # a vice-premier in 2012 who became premier in 2013: his title on the page says which
    rec = extract("越中副总理会晤\n中国国务院副总理李克强于三月三十一日在海口会见了来出席2012年博鳌亚洲论坛的越南政府副总理黄忠海。")
    doc = rec.documents[0]
    assert doc.year == 2012
    assert any(e[0] == "meet" and e[1] == "2012-03-31" for e in _events(rec))


def test_extract_dates_press_a_bracketed_date_after_the_act_dates_it():
    rec = extract("越柬关系稳步发展\n越通社金边——双方积极评价洪森首相对越南进行正式访问（2017年5月）"
                  "和越南国家主席陈大光对柬埔寨进行国事访问（2016年12月）期间取得的成果。")
    got = {(e[2], e[1]) for e in _events(rec) if e[0] == "visit"}
    assert (("洪森",), "2017-05") in got
    assert (("陈大光",), "2016-12") in got


def test_extract_dates_press_skip_link_and_served_clock_are_no_headline():
    text = ("无障碍链接\n\n中国时间 09:15 2025年3月2日 星期日\n\n日本外相访问越南\n\n"
            "日本外相对越南进行为期两天的访问，会晤了越南外长。\n\nXS\nSM\nMD\nLG\n")
    rec = extract(text)
    assert [d.title for d in rec.documents] == ["日本外相访问越南"]
    assert rec.documents[0].year != 2025 or rec.published is None


def test_extract_dates_press_an_agency_reporting_is_no_actor_and_he_is_the_one_before():
    rec = extract("印尼外长访越\n\n越通社河内——印度尼西亚外长蕾特诺对越南进行正式访问，会晤了越南副总理范平明。"
                  "此外，他还将与越南国家主席张晋创会谈。法新社在报道时说，印尼外长访问越南正值东盟会议前夕。")
    evs = _events(rec)
    assert ("meet", ("蕾特诺",), ("张晋创",)) in {(e[0], e[2], e[3]) for e in evs}
    assert all("法新社" not in e[2] for e in evs)


def test_extract_dates_press_a_range_of_days_keeps_its_start_and_end():
    dm = find_dates("代表团于9至12日访问智利")[0]
    assert (dm.day, dm.end_day) == (9, 12)
    dm = find_dates("自7日至15日展开访问欧洲之旅")[0]
    assert (dm.day, dm.end_day) == (7, 15)


@pytest.mark.parametrize(("line", "iso"), [
    ("2023-12-12 HKT 15:21", "2023-12-12"),
    ("11:35 | 11/11/2017 Print", "2017-11-11"),
    ("发布时间：2024-05-03 17:20", "2024-05-03"),
    ("2019-01-17 08:00:00 来源：人民网", "2019-01-17"),
    ("中国时间 10:48 2024年11月25日 星期一", None),
    ("2015年3月2日越南与老挝签署协定", None),
])
def test_extract_dates_press_other_outlets_stamps(line, iso):
    assert page_date("越老关系\n" + line + "\n正文。") == iso


def test_extract_dates_press_breadcrumbs_and_bullets_are_no_headline():
    text = ("• 財經\n\n  • 政治\n\n首頁>新南向\n\n越共總書記蘇林訪問汶萊\n\n越南\n"
            "2025.03.11 16:54 (2025.03.11更新) | N\n蘇林總書記抵達斯里巴加灣。(圖:TTXVN)\n蘇林總書記抵達斯里巴加灣。(圖:TTXVN)\n\n"
            "蘇林總書記當天抵達汶萊，開始正式訪問。\n")
    rec = extract(text)
    assert [d.title for d in rec.documents] == ["越共總書記蘇林訪問汶萊"]
    assert rec.published == "2025-03-11"


def test_extract_dates_press_a_source_stamp_a_link_and_a_photo_line_are_no_headline():
    text = ("参考消息 2017-03-21 16:05\nhttp://news.example.com/a/20170321/1.htm\n资料图：越南海军舰艇\n"
            "参考消息网3月21日报道 德媒称，20日，越南总理阮春福在河内会晤了到访的韩国外长尹炳世。\n")
    rec = extract(text)
    assert rec.published == "2017-03-21"
    assert rec.documents[0].title.startswith("参考消息网3月21日报道")


def test_extract_dates_press_a_desk_byline_is_no_headline():
    rec = extract("國際中心/綜合報導\n越南國家主席阮富仲1日在河內會見來訪的朝鮮領導人金正恩。\n")
    assert rec.documents[0].title.startswith("越南國家主席阮富仲")


def test_extract_dates_press_the_line_above_a_wire_dateline_is_the_headline():
    text = (" date 2025-11-27 快訊\n\n某地男子在機場遭扣留\n\n女主播報導大火強忍情緒\n\n聽新聞\n0:00 / 0:00\n\n"
            "越南外交部：南海和平穩定至關重要\n\n中央社／ 河內27日專電\n越南外交部發言人今天在記者會上表示，南海和平穩定至關重要。\n")
    rec = extract(text)
    assert rec.documents[0].title == "越南外交部：南海和平穩定至關重要"
    assert rec.published == "2025-11-27"
