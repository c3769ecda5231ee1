"""The pipeline as an explicit list of named stages, told what it does not find out by Options."""

from datetime import date

import pytest

from waishi.errors import PageTooLargeError
from waishi.extract import pipeline
from waishi.extract.options import Options
from waishi.extract.pipeline import extract, stage_names

# own sentences, in the genre's style
UPGRADE = ("副部长会见新西兰客人\n越通社河内——5月10日，外交部副部长黎怀忠在河内会见新西兰外交贸易部副部长。"
           "双方一致同意把两国关系升格为全面伙伴关系。")
TRADE = ("越南与柬埔寨加强合作\n越通社河内——5月10日，越南政府副总理阮春福在河内会见柬埔寨客人。"
         "2012年两国贸易额达30亿美元。")


def test_extract_options_stage_list_names_every_stage_in_order():
    names = stage_names()
    assert names[:6] == ["normalise", "publication date", "segment", "recognise", "year", "documents"]
    assert names.index("documents:sentences") < names.index("documents:events") < names.index("documents:facts")


def test_extract_options_stages_run_in_the_listed_order(monkeypatch):
    seen: list[str] = []

    def spy(name, stage):
        def run(page):
            seen.append(name)
            stage(page)
        return run

    wrapped = tuple((n, spy(n, f)) for n, f in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", wrapped)
    rec = extract(UPGRADE)
    assert seen == [n for n, _ in wrapped]
    assert rec.documents and rec.documents[0].events


def test_extract_options_home_country_is_the_implicit_side_of_a_relation():
    default = extract(UPGRADE).documents[0].relations
    assert [r.countries for r in default] == [["VNM", "NZL"]]
    other = extract(UPGRADE, options=Options(home="LAO")).documents[0].relations
    assert [r.countries for r in other] == [["LAO", "NZL"]]


def test_extract_options_today_caps_the_year():
    # a whole year's figures are reported the year after, unless today says that is still to come
    assert extract(TRADE).documents[0].year == 2013
    capped = extract(TRADE, options=Options(today=date(2012, 8, 1))).documents[0]
    assert capped.year == 2012
    assert capped.year_range == (2012, 2012)


def test_extract_options_max_chars_limits_the_page():
    with pytest.raises(PageTooLargeError):
        extract(UPGRADE, options=Options(max_chars=20))
    assert extract(UPGRADE, options=Options(max_chars=len(UPGRADE))).documents
