from waishi.extract.segment import segment

PAGE = """越南与老挝加强防务合作

越南国防部长3月5日在万象会见老挝国防部长。
越南与老挝加强防务合作 ảnh 1两国国防部长出席欢迎仪式。图自越通社

越通社万象——越南国防部长3月5日在万象会见老挝国防部长。

双方同意加强两军在培训领域的合作。
anh-2.png
双方代表合影。越通社记者 阮明 摄

两国国防部还签署了合作备忘录。(完)
越通社

更多

越南外长会见柬埔寨大使。图自越通社

越南外长会见柬埔寨驻越大使

3月4日，越南外长在河内会见了柬埔寨驻越大使。

越南国家主席出席东盟峰会

越南国家主席出席东盟峰会

越南国家主席3月2日出席在雅加达举行的东盟峰会。

3月1日，越南总理会见日本客人。

越南总理接见日本企业代表团

越南总理3月3日在河内接见了日本企业代表团。
"""


def test_segment_article_and_teasers():
    docs = segment(PAGE)
    assert [d.kind for d in docs] == ["article", "teaser", "teaser", "teaser"]
    assert docs[0].title == "越南与老挝加强防务合作"
    assert [d.title for d in docs[1:]] == ["越南外长会见柬埔寨驻越大使", "越南国家主席出席东盟峰会", "越南总理接见日本企业代表团"]


def test_segment_captions_are_not_body():
    art = segment(PAGE)[0]
    caps = [PAGE[c.start:c.end] for c in art.captions]
    assert caps == ["两国国防部长出席欢迎仪式", "双方代表合影"]
    body = "".join(PAGE[b.start:b.end] for b in art.body)
    assert "图自" not in body and "摄" not in body and "anh-2.png" not in body


def test_segment_dateline_and_repeated_lede_counted_once():
    art = segment(PAGE)[0]
    assert art.dateline is not None
    assert (art.dateline.agency, art.dateline.place) == ("越通社", "万象")
    body = [PAGE[b.start:b.end] for b in art.body]
    assert sum("会见老挝国防部长" in b for b in body) == 1
    assert not any(b.startswith("越通社") for b in body)
    assert all("(完)" not in b for b in body)


def test_segment_teaser_caption_without_credit_goes_to_next_teaser():
    docs = segment(PAGE)
    last = docs[-1]
    assert [PAGE[c.start:c.end] for c in last.captions] == ["3月1日，越南总理会见日本客人。"]
    # the repeated headline used as caption is not kept as a caption
    assert docs[2].captions == []


def test_segment_page_without_more_is_one_article():
    docs = segment("越南向古巴捐赠大米\n\n越通社河内——越南政府向古巴捐赠了大米。(越通社-VNA)\n")
    assert len(docs) == 1 and docs[0].kind == "article"


def test_segment_page_without_headline_uses_first_clause():
    text = "越南政府总理范明政在河内会见了来访的老挝总理，双方就两国关系交换意见，并同意加强在各领域的合作，推动双边贸易。\n"
    docs = segment(text)
    assert docs[0].title == "越南政府总理范明政在河内会见了来访的老挝总理"


# Other outlets: page furniture before the headline, link lists after the article.
FURNITURE_PAGE = """Vietnamese |  English |  中文
• Ha Noi
• Da Nang
国会主席陈青敏会见新加坡总统 国会主席会见日本议长 越南企业扩大出口 胡志明市举办旅游节
越南与新加坡加强议会合作

2025-03-02 10:15

越南国会副主席3月1日在河内会见新加坡国会议长。双方同意加强议会交流。

相关新闻

越南总理会见新加坡总理
"""


def test_extract_segment_skips_furniture_and_link_lists():
    docs = segment(FURNITURE_PAGE)
    assert [d.kind for d in docs] == ["article"]
    assert docs[0].title == "越南与新加坡加强议会合作"
    body = " ".join(FURNITURE_PAGE[p.start:p.end] for p in docs[0].body)
    assert "会见新加坡国会议长" in body and "越南总理会见新加坡总理" not in body


def test_extract_segment_page_date_from_timestamp_line():
    from waishi.extract.segment import page_date

    assert page_date(FURNITURE_PAGE) == "2025-03-02"
    assert page_date("越南外长会见老挝大使\n\n3月1日，越南外长会见老挝大使。") is None


def test_extract_segment_headline_line_with_glued_caption():
    text = ("越南领导人致电祝贺老挝国庆 hinh anh 1越南国家主席与老挝国家主席。(图片来源:越通社)\n\n"
            "越南领导人12月1日向老挝领导人致贺电。(完)\n")
    (doc,) = segment(text)
    assert doc.title == "越南领导人致电祝贺老挝国庆"
    assert [text[c.start:c.end] for c in doc.captions] == ["越南国家主席与老挝国家主席"]


def test_segment_a_section_label_above_the_headline_is_furniture():
    from waishi.extract.segment import segment
    text = "时政\n\n越南与老挝签署边境合作协定\n\n5月3日，越南与老挝在河内签署边境合作协定。\n"
    assert segment(text)[0].title == "越南与老挝签署边境合作协定"


def test_segment_a_headline_printed_twice_starts_the_teasers_without_more():
    from waishi.extract.segment import segment
    text = ("越南与老挝签署边境合作协定\n\n5月3日，越南与老挝在河内签署边境合作协定。\n\n双方表示将继续合作。\n\n"
            "报道/本报记者\n\n越南国家主席出席文化节开幕式活动\n\n越南国家主席出席文化节开幕式活动\n\n"
            "6月1日，越南国家主席出席文化节开幕式。\n")
    docs = segment(text)
    assert [d.kind for d in docs] == ["article", "teaser"]
    assert docs[1].title == "越南国家主席出席文化节开幕式活动"


def test_segment_a_cut_off_lede_is_no_teaser_headline():
    from waishi.extract.segment import segment
    text = ("越南与老挝签署边境合作协定\n\n5月3日，越南与老挝在河内签署边境合作协定。(完)\n\n更多\n\n"
            "越南国家主席出席文化节开幕式\n\n值此文化节开幕之际，6月1日上午，越南国家主席在河内出席开幕式并发表讲话，强调")
    docs = segment(text)
    assert [d.title for d in docs] == ["越南与老挝签署边境合作协定", "越南国家主席出席文化节开幕式"]


def test_segment_a_teaser_headline_cut_off_by_the_page_end_is_no_document():
    text = ("越南与老挝加强合作\n\n越通社河内——越南与老挝同意加强合作。\n\n更多\n\n"
            "越南国会主席会见柬埔寨客人\n\n越南国会主席会见了柬埔寨客人。\n\n越")
    assert [d.title for d in segment(text)] == ["越南与老挝加强合作", "越南国会主席会见柬埔寨客人"]


def test_segment_a_teaser_lede_cut_off_by_the_page_end_stays_with_its_headline():
    text = ("越南向古巴提供大米援助\n\n越通社河内——越南向古巴提供了大米援助。\n\n更多\n\n"
            "国会主席与捷克参议院主席。图自越通社\n\n国会主席与捷克参议院主席举行会谈\n\n应越南国会主席的邀请,由捷克")
    assert [d.title for d in segment(text)] == ["越南向古巴提供大米援助", "国会主席与捷克参议院主席举行会谈"]


def test_segment_a_cut_off_lede_that_opens_like_one():
    text = ("越南外长会见中国外长\n\n越通社河内——越南外长会见了中国外长。\n\n更多\n\n"
            "梁强进香。图自越通社\n\n国家主席梁强敬香缅怀已故领导人\n\n在2026丙午年春节来临之际，国家")
    assert [d.title for d in segment(text)] == ["越南外长会见中国外长", "国家主席梁强敬香缅怀已故领导人"]


def _titles(page):
    return [page[d.title_span.start:d.title_span.end] if d.title_span else d.title for d in segment(page)]


def test_segment_site_notices_before_the_headline_are_furniture():
    # a consent banner, a language switch in Japanese, an app link with its icon's alt text, an
    # advert label, numbered breadcrumb items: none is the headline
    for chrome in ("本网站使用相关技术提供更好的阅读体验，同时尊重使用者隐私，关闭此视窗即代表您同意上述规范。",
                   "繁体字版を表示中。日本語版へ切り替えますか？",
                   "新闻快讯APP Icon新闻快讯APP",
                   "广告",
                   "1. 某某资讯 /"):
        page = chrome + "\n\n越南外长访问日本 双方关切南海\n\n越南外长8日起访问日本3天，会见日本外相。\n"
        assert _titles(page)[0] == "越南外长访问日本 双方关切南海", chrome


def test_segment_a_line_of_tags_ends_the_article():
    page = "越南外长访问日本\n\n越南外长8日起访问日本3天，会见日本外相。\n#越南#日本#合作\n日本首相会见越南外长\n"
    docs = segment(page)
    assert len(docs) == 1 and page[docs[0].span.start:docs[0].span.end].rstrip().endswith("会见日本外相。")


def test_segment_a_line_printed_twice_before_the_body_starts_no_teaser():
    # a channel's name printed twice under the headline (a widget), before any paragraph
    page = ("王毅访问越南 会见越南领导人\n\n国际\n某某电视新闻台\n某某电视新闻台\n"
            "越南领导人在河内会见到访的中国外长王毅。\n\n双方同意加强合作。\n")
    assert len(segment(page)) == 1


def test_segment_a_photo_credit_line_is_no_headline():
    page = ("越南外长访问日本\n\n发布时间:2017/05/09 13:56\n图/某某影像\n图/某某影像\n\n"
            "越南外长8日起访问日本3天，会见日本外相。\n\n双方同意加强合作。\n")
    assert len(segment(page)) == 1


def test_segment_a_summary_sentence_above_the_headline_is_not_it():
    page = ("王毅表示，当前中越关系保持积极发展势头，两国领导人就海上合作达成重要共识，中方愿同越方共同落实。\n"
            "外交部长王毅同越南副外长通电话\n2013年12月30日，外交部长王毅同越南副外长通电话。\n")
    assert _titles(page)[0] == "外交部长王毅同越南副外长通电话"


def test_segment_a_sites_brand_line_and_numbered_skip_links_are_no_headline():
    body = "\n\n王毅访问越南 会见党政高官\n\n中国外长王毅1日在河内会见越南党政高官，访问越南期间双方讨论合作。\n"
    assert _titles("某传媒 SomeNews - 台湾观点.某某真相" + body)[0] == "王毅访问越南 会见党政高官"
    assert _titles("1. 跳转至内容\n2. 跳转至主选单" + body)[0] == "王毅访问越南 会见党政高官"
    # a round-up's headline shares no words with its first item: it stays the headline
    page = "越通社本周(2014.03.03-2014.03.09)要闻回顾\n\n一、柬埔寨首相对越南进行正式访问\n柬埔寨首相抵达河内。\n"
    assert _titles(page)[0].startswith("越通社本周")
