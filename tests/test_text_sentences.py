from waishi.text.sentences import clauses, sentences


def test_sentences_offsets_point_into_text():
    text = "越南总理会见老挝外长。双方同意加强合作！\n他说：“越老友谊万古长青。”"
    spans = sentences(text)
    parts = [text[s.start:s.end] for s in spans]
    assert parts == ["越南总理会见老挝外长。", "双方同意加强合作！", "他说：“越老友谊万古长青。”"]


def test_sentences_semicolon_splits():
    text = "甲方出席会议；乙方主持仪式。"
    assert len(sentences(text)) == 2


def test_clauses_split_on_commas():
    text = "5月22日上午，代表团会见了省长，并出席仪式。"
    assert [text[c.start:c.end] for c in clauses(text)] == ["5月22日上午，", "代表团会见了省长，", "并出席仪式。"]
