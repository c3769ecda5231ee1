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
    r = extract("查看原文\n其他\n\n云南省与越南四省书记再度会晤,有何意义?\n\n\n"
                "云南省与越南四省书记年度会晤机制第二次会议举行\n深化各领域务实合作\n\n"
                "  4月27日，云南省委书记与越南老街省委书记以视频形式举行会晤。")
    assert r.documents[0].title == "云南省与越南四省书记再度会晤,有何意义?"


def test_a_day_in_brackets_after_today_or_yesterday_is_the_story_day():
    # the page is stamped the 5th; 今日(4日) and 昨晚（4日） give the 4th, not the stamp's day
    for rel in ("今日(4日)", "今天（4日）", "昨晚（4日）"):
        rows = _events(f"上海市长会晤越南副总理\n\n2023-11-05 10:00\n\n上海市市长龚正{rel}会见了越南政府副总理陈红河一行。")
        meets = [r for r in rows if r[0] == "meet"]
        assert meets and meets[0][1] == "2023-11-04", rel
