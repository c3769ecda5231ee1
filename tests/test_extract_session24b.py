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
