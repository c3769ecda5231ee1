import pytest

from waishi.text.dates import find_dates


@pytest.mark.parametrize("text,year,iso,end", [
    ("5月22日上午，两国领导人会晤", 2024, "2024-05-22", None),
    ("当地时间11月19日下午", 2025, "2025-11-19", None),
    ("从11月19日至21日访问", 2025, "2025-11-19", "2025-11-21"),
    ("于1月26日至27日进行国事访问", 2026, "2026-01-26", "2026-01-27"),
    ("2024年4月2日签署", 2020, "2024-04-02", None),
    ("两国于2025年2月将关系提升", 2026, "2025-02", None),
    ("3 月 1 日", 2015, "2015-03-01", None),
    ("2025年11月16日至24日", 2025, "2025-11-16", "2025-11-24"),
])
def test_dates_resolve_with_document_year(text, year, iso, end):
    d = find_dates(text)[0]
    assert d.resolve(year) == (iso, end)


def test_dates_relative_same_day_uses_context():
    from datetime import date
    d = find_dates("同日，代表团还会见了省长。")[0]
    assert d.relative == "same"
    assert d.resolve(2024, date(2024, 5, 22)) == ("2024-05-22", None)
    n = find_dates("次日，代表团启程回国。")[0]
    assert n.resolve(2024, date(2024, 5, 31)) == ("2024-06-01", None)


def test_dates_day_only_takes_month_from_context():
    from datetime import date
    d = find_dates("老挝媒体26日发表文章")[0]
    assert d.day == 26 and d.month is None
    assert d.resolve(2026, date(2026, 1, 20)) == ("2026-01-26", None)


def test_dates_local_time_flag_and_offsets():
    text = "据报道，当地时间3月5日上午抵达"
    d = find_dates(text)[0]
    assert d.local_time and d.time_of_day == "上午"
    assert text[d.start:d.end].startswith("当地时间")


@pytest.mark.parametrize("text,md", [("623日下午，双方通电话。", (6, 23)), ("1215日上午", (12, 15))])
def test_text_dates_month_and_day_run_together(text, md):
    (d,) = find_dates(text)
    assert (d.month, d.day) == md


def test_text_dates_run_together_needs_a_valid_day():
    assert find_dates("100日内完成") == []


def test_a_range_of_days_written_once_with_the_month():
    from waishi.text.dates import find_dates
    for t in ("从9月28至30日对古巴进行访问", "9月28日至30日", "9月28-30日"):
        assert [(d.month, d.day, d.end_day) for d in find_dates(t)] == [(9, 28, 30)], t
