"""Title-anchored person recognition.

VNA writes people as a title chain followed by the name, with no space:
``越共中央政治局委员、外交部长NAME``; chains are joined by ``、`` and ``兼``.
Later mentions are the bare name or name + short title (``NAME总理``).
The recogniser finds title words with an automaton, reads the name after the
last one, and walks left over the chain; names are bounded by stop words
(verbs and particles that follow names), punctuation and length rules for
Vietnamese / Chinese names; transliterated names are ``·``-joined runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..lexicon import Lexicon
from ..model import Span
from ..text.dates import PAPER_DATELINE
from .offices import title_fits
from .options import HOME

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
# 祝贺NAME当选/就任TITLE: congratulations on an office name its new holder before the title
_ELECTED = re.compile(r"(?:祝贺|恭贺|庆贺)(?P<name>[\u4e00-\u9fff·•]{2,12}?)(?:先生|女士|阁下)?"
                      r"(?:再次|连续|正式|高票|成功)?(?:当选|就任|出任|连任|荣任|获任|宣誓就任)(?:为)?")
# (a Latin initial between dots is part of the name: 小哈利·B·哈里斯, 约翰·F·肯尼迪)
_NAME_RUN = re.compile(rf"(?:[{_CJK}·•・]|(?<=[·•・])[A-Z](?=[·•・]))+")
# A dot with a space after it (宋赛• 西潘敦) is written as two dots in the matching text.
_PARTICLES_AFTER = "将于在向对"
_SPACED_DOT = re.compile(r"[·•・][ \u3000\u00a0]")
# A hyphen between hanzi joins the parts of a transliterated name (迪亚斯-卡内尔) like a dot.
# (a hyphen or a full stop between two names' parts: 赛宋蓬-丰威汉, 通伦.西苏里, 沙伦赛. 贡玛西 — the name dot)
_NAME_HYPHEN = re.compile(r"(?<=[\u4e00-\u9fff])(?:[-‐－]|\.(?= ?[\u4e00-\u9fff]))(?=[\u4e00-\u9fff]| [\u4e00-\u9fff])")
# a person's Latin gloss: two to four capitalised words (Kuniharu Nakamura, Nguyen Van An)
_PERSON_GLOSS = re.compile(r"\s*[（(]\s*[A-ZÀ-Þ][a-zß-ÿ'’\-]+(?:\s+(?:[A-ZÀ-Þ][a-zß-ÿ'’\-]+|de|van|bin|binti)){1,3}\s*[)）]")
_LATIN_PAREN = re.compile(r"\s*[（(]\s*([A-Za-zÀ-ỹ][A-Za-zÀ-ỹ .'’\-]*[A-Za-zÀ-ỹ.])\s*[)）]")
# A name written before its title (李杰副会长会见…, ，张明部长表示): the clause opens with the name, and
# the title is followed by what its holder does
_CLAUSE_OPEN = "，,。；;：:\n“「（( 同与和向"
_AFTER_TITLE = re.compile(r"在|于|表示|说|指出|强调|致辞|一行|率|和|与|同|向|对|共同|、|，|,|。|(?:先生|女士)")
# a Latin gloss in Vietnamese form: its diacritics, or a Vietnamese surname first
_VN_LATIN = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|^(?:Nguyen|Tran|Le|Pham|Hoang|Huynh|Phan|"
                       r"Vu|Vo|Dang|Bui|Do|Ho|Ngo|Duong|Ly|Dinh|Truong|Doan|Lam|Mai|Trinh|Luong|Ha|To)\b")
_MM_HONORIFIC = "杜吴"  # Daw, U: Myanmar's honorifics, written before the name
_TITLE_GLOSS = re.compile(r"\s*[（(]([\u4e00-\u9fff]{1,6})[)）]")
_NOT_IN_NAME = re.compile("代表团|委员会|部长|领导|人民|国际|合作|会议")  # (one search, not one per word)
# military ranks written after the name (黄春战上将, 哥格乌准将)
_DAY_AFTER = re.compile(r"\d{1,2}\s*[月日]")  # (NAME10月21日透露: a date right after the name)
_RANKS = ("上将", "中将", "少将", "大将", "准将", "将军")
_POS_PAREN = re.compile(r"\s*[（(]\s*(?:左|右|中|左一|右一|左二|右二|左三|右三|前排|后排)[^)）]{0,6}[)）]")
_ANY_PAREN = re.compile(r"[（(][^()（）]{0,40}[)）]$")
# Characters that end a title chain when walking left (the start of a chain lies after them).
_CHAIN_PUNCT = set("，,。；;：:！？!?“”\"《》\n\t （）()【】[]〔〕")
# Words that, read leftwards, mark where a chain starts: the chain begins after them.
_LEFT_STOPS = ("会见了", "会见", "拜会了", "拜会", "接见了", "接见", "会晤了", "会晤", "接待了", "接待", "陪同",
               "率领", "邀请", "出席", "表示", "强调", "欢迎", "感谢", "缅怀", "看望", "慰问", "进香", "上香",
               "祝贺", "致电", "致信", "采访", "授予", "递交", "转达", "包括", "其中", "以及", "由", "应", "的", "是",
               "向", "在", "了", "值此", "载有", "随着", "将", "即", "被", "为", "给", "据", "及", "暨", "同", "与", "和", "受", "经过",
               "经由", "已同", "已与", "已和", "分别与", "分别同", "也与", "还与", "则与", "并与", "并同")
# Coordinators that also occur inside organ names (宣教和民运部, 文化与旅游厅): a boundary
# only when a person name ends right before them.
_COORD = ("与", "和", "同", "及")
_COMMITTEE = re.compile(r"^[^、]{0,16}(?:委员会|委|部|厅|局|司)")
# Single characters that end a name only after two characters (they are also common
# given-name characters, so never cut a two-character name on them).
_WEAK_STOPS = set("和同平安中方文明德年都前")
# In transliterated (dotted) names only these single characters end the name:
# 里, 尔, 内 ... are common transliteration syllables (通伦·西苏里).
_DOT_NAME_STOPS = set("与和在于的等率及向将也还是为同致偕并被把让从到给曾已就则对")
# Titles Vietnam does not use: a holder is foreign even with a surname Vietnamese also bear (翁萨坤)
_FOREIGN_ONLY_TITLES = ("大臣", "首相", "国务秘书", "亲王", "国王", "苏丹", "总统", "州长", "知事", "国务卿")
# the titles a company's people hold (a surname Vietnam and China share tells no country then)
# a name written only in Latin letters right after its title: two to four capitalised words
_LATIN_ONLY = re.compile(r"\s?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’\-][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*(?: (?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’\-]"
                         r"[A-Za-zÀ-ÖØ-öø-ÿ'’\-]*|de|De|bin|van|von)){1,3}(?![A-Za-zÀ-ÖØ-öø-ÿ'’])")
_BUSINESS_TITLES = ("董事长", "总裁", "总经理", "首席执行官", "首席运营官", "创始人", "董事", "副总裁", "副董事长", "党委书记")
_KANJI_NAME_AFTER = ("大臣", "首相", "外相", "防相", "知事", "长官")


@dataclass(slots=True)
class PersonMention:
    name: str
    span: Span  # the name itself
    titles: list[tuple[str, Span]] = field(default_factory=list)
    country: str | None = None
    latin: str | None = None
    sentence: Span | None = None


_GATHERING_AFTER = ("会议", "峰会", "论坛")
_LONG_FOREIGN = 6  # the longest transliterated name taken without dots or a Latin form


class _Tables:
    """What the recogniser derives from the lexicon: built once per lexicon (``Lexicon.memo``)."""

    def __init__(self, lex: Lexicon) -> None:
        self.stops = sorted(lex.name_stops, key=len, reverse=True)
        self.multi_stops = tuple(s for s in self.stops if len(s) > 1)
        self.single_stops = frozenset(s for s in self.stops if len(s) == 1)
        self.titles = frozenset(t for t, k in lex.titles.items() if k != "block")
        self.holders = frozenset(o.holder for o in lex.offices)
        by_first: dict[str, list[str]] = {}
        for h in self.holders:
            by_first.setdefault(h[:1], []).append(h)
        # longest first: 阮文安 before 阮文 when both are holders
        self.known_by_first = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}
        self.blocks = [t for t, k in lex.titles.items() if k == "block"]
        self.block_set = frozenset(self.blocks)
        self.block_lens = sorted({len(b) for b in self.blocks})
        self.block_inner = frozenset(c for b in self.blocks for c in b[1:])
        self.long_titles = tuple(t for t in self.titles if len(t) >= 2)
        self.titles_longest_first = sorted(self.titles, key=len, reverse=True)
        self.title_lens = sorted({len(t) for t in self.titles}, reverse=True)


class PeopleFinder:
    """Finds persons in a text with one lexicon; cheap to build (automata live in the lexicon)."""

    def __init__(self, lex: Lexicon, home: str = HOME) -> None:
        self.lex = lex
        self.home = home  # the outlet's country, left implicit in domestic titles
        # the tables depend on the lexicon only: built once per lexicon, not once per document
        t = lex.memo("people_tables", lambda: _Tables(lex))
        self.stops, self.multi_stops, self.single_stops = t.stops, t.multi_stops, t.single_stops
        self.titles, self.known, self.holders = t.titles, t.holders, t.holders
        self.known_by_first = t.known_by_first
        self.blocks, self.block_set, self.block_lens, self.block_inner = t.blocks, t.block_set, t.block_lens, t.block_inner
        self.long_titles, self.titles_longest_first = t.long_titles, t.titles_longest_first
        self.title_lens = t.title_lens
        self._place_ends: set[int] = set()
        self._body_starts: set[int] = set()
        self.page_names: dict[str, set[str]] = {}  # names read so far on this page, by first character

    # -- names ----------------------------------------------------------------------
    def _is_stop_at(self, run: str, k: int, strong_only: bool) -> bool:
        rest = run[k:]
        if not rest:
            return True
        if rest.startswith(self.multi_stops):
            return True
        if rest.startswith(self.long_titles):
            return True
        if rest[0] in self.single_stops:
            return not (strong_only and rest[0] in _WEAK_STOPS)
        return False

    def read_name(self, text: str, pos: int, end: int) -> tuple[str, int, str | None, str | None] | None:
        """(name, name end, latin form, trailing title) of a name starting at ``pos``, or None."""
        m = _NAME_RUN.match(text, pos, end)
        if not m or _VERB_FIRST.match(text, pos, end):
            return None  # (派出特使觐见NAME: a verb after the title, no name)
        gloss = _PERSON_GLOSS.match(text, m.end(), end)
        if gloss and 2 <= len(m.group()) <= 6 and not any(c in m.group() for c in "·•・"):
            # 中村修二(Kuniharu Nakamura): a run glossed by a given name and a surname is a name,
            # whatever word its first character may start elsewhere
            return self._finish(text, pos, m.group(), end)
        run = self._trim_run(m.group())
        if run is None:
            return None
        name = self._known_name(run)
        if name is None and "·" in run:
            name = self._dotted_name(run)
            if name is None:
                return None
        if name is None:
            after = pos + len(run)
            latin_follows = after == m.end() and bool(_LATIN_PAREN.match(text, after, end))
            if latin_follows and 4 < len(run) <= 8 and not any(self._is_stop_at(run, k, True) for k in range(2, len(run))):
                name = run  # 马特维延科(Matvienko): a transliteration, whole
            elif not (run[0] in self.lex.surnames_vn or run[:2] in self.lex.surnames_vn or
                      run[0] in self.lex.surnames_cn or run[:2] in self.lex.surnames_cn) or (
                    5 <= len(run) <= 8 and after == m.end() and text[after:after + 1] in "，,。；;、"
                    and self._foreign_title_before(text, pos) and self._name_like(run)):
                # (蒙古国外长蒙赫奥尔吉勒。: a long run after a foreign title is a transliteration, whatever
                # surname its first syllable looks like)
                name = self._foreign_name(text, pos, run, after == m.end(), latin_follows)
            else:
                name = self._surnamed_name(run, latin_follows)
        return self._finish(text, pos, name, end) if name else None

    def _trim_run(self, raw: str) -> str | None:
        """The run of name characters, or None when it cannot start a name; a dotted name further
        on belongs to someone else (黄春战上将会见…易卜拉欣·…)."""
        run = raw.replace("•", "·").replace("・", "·")
        if run[0] == "·" or run[0] == "兼" or run.startswith(self.multi_stops) or run[0] in self.single_stops:
            return None
        dot = run.find("·")
        if dot > 2:
            # (a known name before the stop that looks like one inside it: 阮成峰会见…哈利·哈里斯, not 峰会)
            known = self._known_name(run[:dot])
            for k in range(len(known) if known else 2, dot):
                if self._is_stop_at(run, k, False):
                    return run[:k]
        return run

    def _known_name(self, run: str) -> str | None:
        """An office holder's or an already introduced name at the start of the run; a Myanmar
        honorific before a known name is part of it as the press writes it (杜昂山素季, 吴温敏)."""
        if len(run) > 3 and run[0] in _MM_HONORIFIC:
            inner = self._known_name(run[1:])
            if inner is not None and len(inner) >= 3:
                return run[0] + inner
        for known in self.known_by_first.get(run[0], ()):
            if run.startswith(known) and (len(run) == len(known) or self._is_stop_at(run, len(known), False)):
                return known
        for known in sorted(self.page_names.get(run[0], ()), key=len, reverse=True):
            # a name the page has already introduced (冯德莱恩 … 冯德莱恩恰逢…)
            if run.startswith(known) and "·" not in run[len(known):len(known) + 1]:
                return known
        for known in self.known_by_first.get(run[0], ()):
            # an office holder's name is the name even before a word the stop list lacks
            # (洪森最, 梁强敬香): a longer name that starts with a holder's is unlikely
            if len(known) >= 2 and run.startswith(known) and "·" not in run and \
                    (run[0] in self.lex.surnames_vn or run[0] in self.lex.surnames_cn):
                return known
        return None

    def _dotted_name(self, run: str) -> str | None:
        """The name ends at the first stop word after its first dotted part (NAME·NAME祝愿…
        主席NAME·NAME: another dotted name further on is someone else's)."""
        last = run.find("·")
        cut = len(run)
        # an event word ends it too (NAME·NAME礼节性拜会…): the name is not the verb's first syllables
        for t, a, _b in self.lex.find("triggers", run[last + 2:]):
            if self.lex.triggers[t].type != "block":
                cut = last + 2 + a
                break
        # (a title after it, NAME·NAME总理(Latin)率领: the holder's title written after his name)
        for t, a, _b in self.lex.find("titles", run[last + 2:cut]):
            if self.lex.titles.get(t) != "block" and a > 0:
                cut = last + 2 + a
                break
        for k in range(last + 2, cut):
            rest = run[k:]
            if rest.startswith(self.multi_stops) or rest[0] in _DOT_NAME_STOPS:
                cut = k
                break
        name = run[:cut].rstrip("·")
        return name if len(name) >= 3 else None

    def _foreign_name(self, text: str, pos: int, run: str, run_ends_match: bool, latin_follows: bool) -> str | None:
        """A transliterated name without dots: taken only when a Latin form confirms it, or when it
        is short and ends at a clear boundary."""
        if latin_follows and len(run) <= 12:
            return run
        ended = self._ended_early(text, pos, run)
        if ended:
            return ended
        # or a 2-4 character name followed by an event word (小马可斯国事访问越南)
        trig = next((a for t, a, _b in self.lex.find("triggers", run[2:8])
                     if self.lex.triggers[t].type != "block"), None)
        if trig is not None and 3 <= trig + 2 <= 4 and run[trig + 1] not in self.single_stops \
                and self._foreign_title_before(text, pos) and self._name_like(run[:trig + 2]):
            return run[:trig + 2]
        # or a 2-4 character name followed by a verb the genre puts after names (赞达呼会见…)
        for k in (2, 3, 4):
            # (a title right after is a longer title, not a name: 首相|直管|部长NAME)
            if len(run) > k and run[k:].startswith(self.multi_stops) and run[k - 1] not in self.single_stops \
                    and not run[k:].startswith(self.long_titles) and (k > 2 or self._name_like(run[:k])):
                return run[:k]  # (two characters written as no name is: 主席廣場舉行, 副主席轮流主持 are words)
            # (印尼总统当选人NAME将于…访华: a particle of time or place after a foreign title's name)
            if len(run) > k + 1 and run[k] in _PARTICLES_AFTER and run[k - 1] not in self.single_stops and \
                    self._foreign_title_before(text, pos) and self._name_like(run[:k]):
                return run[:k]
        # or a 2-4 character run that ends the clause (会见了泰国外交部长巴恩普里。, 国防大臣迪班，)
        # (two characters only after 大臣/首相: Cambodian, Thai and Japanese ministers; elsewhere
        # a two-character word there is a verb or a noun: 合影, 之际)
        after = pos + len(run)
        if (3 <= len(run) <= 4 or (len(run) == 2 and text.endswith(_KANJI_NAME_AFTER, 0, pos))) \
                and run_ends_match and (text[after:after + 1] in "，,。；;、" or _DAY_AFTER.match(text, after)) \
                and not any(run[-n:] in self.titles for n in self.title_lens if n < len(run)) \
                and (len(run) == 2 or self._name_like(run)):
            return run
        # a longer transliteration (博鲁阿尔特) after a foreign country's title (秘鲁总统), ending the
        # clause or followed by a word the genre puts after names
        if 5 <= len(run) <= _LONG_FOREIGN and self._foreign_title_before(text, pos):
            if run_ends_match and (text[after:after + 1] in "，,。；;、" or _DAY_AFTER.match(text, after)):
                return run  # (泰国国王瓦吉拉隆功13日将访华: a day after the name ends it too)
            for k in range(5, len(run)):
                if run[k:].startswith(self.multi_stops):
                    return run[:k]
        return None

    def _ended_early(self, text: str, pos: int, run: str) -> str | None:
        """A 2-4 character name that 等, 就, 的 or a rank ends (司长NAME等出席, 主席NAME就…致贺电, 大使NAME的陪同下,
        司令NAME准将出席); a minister's
        name in kanji after 大臣/首相/外相 that any stop ends (防卫大臣木原稔对越南进行访问); a name
        followed by a coordinator and another title (会见参议院主席赛宗和国会主席韩桑林)."""
        for k in (2, 3, 4):
            if len(run) > k and (run[k] in "等就" or run[k:].startswith(_RANKS)) and \
                    run[k - 1] not in self.single_stops and (k == 3 or self._name_like(run[:k])):
                return run[:k]
            if len(run) > k and run[k] == "的" and self._name_like(run[:k]) and self._foreign_title_before(text, pos):
                return run[:k]  # (马来西亚驻中国大使NAME的陪同下: a foreign title's name, then a possessive)
        if text.endswith(_KANJI_NAME_AFTER, 0, pos):
            for k in (2, 3, 4):
                if len(run) > k and (run[k] in self.single_stops or run[k:].startswith(self.multi_stops)) and \
                        run[k - 1] not in self.single_stops:
                    return run[:k]
        for k in (2, 3, 4):
            if len(run) > k + 2 and run[k] in "和与及、" and run[k - 1] not in self.single_stops and \
                    any(s_ <= 8 for _t, s_, _e in self.lex.find("titles", run[k + 1:k + 13])):
                return run[:k]
        after = pos + len(run)  # (the run cut before 和 already: 大使NAME和老挝副总理NAME·NAME)
        if 2 <= len(run) <= 4 and text[after:after + 1] in "和与及、" and run[-1] not in self.single_stops and \
                not any(run[-n:] in self.titles for n in self.title_lens if n < len(run)) and \
                any(s_ <= 8 for _t, s_, _e in self.lex.find("titles", text[after + 1:after + 13])):
            return run
        return None

    def _name_like(self, name: str) -> bool:
        """Every character is one the names of office holders and visitors the lexicons know are
        written with (感到高兴, 共进午餐, 重要共识 after a title are words, not names), and it names
        no country (来越南)."""
        chars = self.lex.memo("name_chars", lambda: frozenset(
            c for n in [*(o.holder for o in self.lex.offices), *self.lex.visits] for c in n))
        return all(c in chars for c in name if c != "·") and not self.lex.find("gazetteer", name)

    def _foreign_title_before(self, text: str, pos: int) -> bool:
        """A country other than the home one named in the title chain just before ``pos``."""
        seg = text[max(0, pos - 12):pos]
        return any(self.lex.entities[n].kind == "country" and self.lex.country_of(n) not in (None, self.home)
                   for n, _a, _b in self.lex.find("gazetteer", seg))

    def _surnamed_name(self, run: str, latin_follows: bool) -> str | None:
        """A name that opens with a Vietnamese or Chinese surname: where its given name ends."""
        if len(run) <= 1:
            return None
        if len(run) == 2:
            return run
        if len(run) >= 5 and run[2] in "和与及" and any(a == 0 for _n, a, _b in self.lex.find("gazetteer", run[3:9])):
            return run[:2]  # 总领事陈辰和缅甸…司令NAME: two titled persons coordinated
        if self._is_stop_at(run, 2, True):
            return run[:2]
        if len(run) >= 4 and run[3] in _WEAK_STOPS and (len(run) == 4 or run[4:].startswith(self.multi_stops)) \
                and not run[3:].startswith(self.multi_stops):
            return run[:4]  # 穆罕默德|举行: 德 is a name's last syllable here
        if len(run) == 3 or self._is_stop_at(run, 3, False):
            return run[:3]
        # four-character names: 阮氏明红 (氏 second), 武黎泰黄 (two surnames)
        if (run[1] == "氏" or run[1] in self.lex.surnames_vn) and (len(run) == 4 or self._is_stop_at(run, 4, False)):
            return run[:4]
        # any four-syllable name that a stop word ends (张光怀南等, 冯德莱恩通电话): the third
        # character did not end it, the fourth does
        if len(run) > 4 and self._is_stop_at(run, 4, False) and run[3] not in self.single_stops:
            return run[:4]
        if latin_follows and len(run) <= 4:
            return run
        if len(run) == 4 and run[0] in self.lex.surnames_vn:
            return run  # 阮生一新、…: a four-syllable Vietnamese name the run ends with
        return run[:3]

    def _finish(self, text: str, pos: int, name: str, end: int) -> tuple[str, int, str | None, str | None] | None:
        if text.startswith(_GATHERING_AFTER, pos + len(name)):
            return None  # 东盟国防部长扩大会议, 东盟外长非正式会议: a gathering's name, no person
        for h in self.lex.honorifics + self.lex.name_suffixes:
            if name.endswith(h) and len(name) > len(h) + 1:
                name = name[: -len(h)]
        post = None
        for n in self.title_lens:  # longest first; keep two characters of name at least
            if len(name) > n + 1 and name[-n:] in self.titles:
                post, name = name[-n:], name[:-n]
                break
        if len(name) < 2 or not self._plausible(name):
            return None
        e = pos + len(name)
        latin = None
        lm = _LATIN_PAREN.match(text, e + (len(post) if post else 0), end)
        if lm and not post:
            latin = lm.group(1).strip()
        if post is None:
            # a rank written after the name (黄春战上将), possibly after the Latin form
            after = lm.end() if lm else e
            pm = _POS_PAREN.match(text, after, end)
            if pm:
                after = pm.end()
            for t in _RANKS:
                if text.startswith(t, after):
                    post = t
                    break
        return name, e, latin, post

    def _plausible(self, name: str) -> bool:
        ents = self.lex.entities
        if name in ents or name in self.lex.titles:
            return False
        core = name.replace("·", "")
        if core.startswith(("越南", "中国", "老挝", "柬埔寨", "各国", "双方", "两国", "国家", "政府")):
            return False
        return _NOT_IN_NAME.search(core) is None

    # -- chains ---------------------------------------------------------------------
    def _chain_start(self, text: str, title_start: int, lo: int, name_ends: set[int]) -> int:
        """Leftmost position of the title segment ending at ``title_start``'s title word."""
        i = title_start
        while i > lo:
            if i in name_ends:
                # another person's name ends here (NAME祝愿国家主席NAME): the chain starts after
                # it, past the verb that follows that name
                verb = next((w for w in self.multi_stops if len(w) >= 2 and text.startswith(w, i)), None)
                return i + len(verb) if verb and i + len(verb) < title_start else i
            ch = text[i - 1]
            if ch in _CHAIN_PUNCT or ch == "、" or ch.isdigit():
                # skip an ASCII parenthetical inside an organisation name: 人口基金(UNFPA)驻...
                if ch in ")）":
                    j = max(text.rfind("(", lo, i - 1), text.rfind("（", lo, i - 1))
                    inner = text[j + 1 : i - 1]
                    # an ASCII or a short gloss inside an organisation name: 人口基金(UNFPA)驻…, 大呼拉尔(议会)主席
                    # (not a paper's dateline: (吉隆坡27日讯)首相NAME)
                    if j >= lo and (inner.isascii() or (len(inner) <= 10 and "，" not in inner and "。" not in inner
                                                        and not PAPER_DATELINE.fullmatch(text, j, i))):
                        i = j
                        continue
                break
            hit = False
            if not text.endswith(_LEFT_STOPS, lo, i):
                i -= 1
                continue
            for w in _LEFT_STOPS:
                if text.startswith(w, i - len(w)) and i - len(w) >= lo:
                    # (a coordinator right after a parenthetical ends a chain too: NAME(右)与…)
                    if w in _COORD and (i - 1) not in name_ends and (i - 1) not in self._place_ends \
                            and text[i - len(w) - 1:i - len(w)] not in (")", "）") and i not in self._body_starts:
                        continue
                    hit = True
                    break
            if hit:
                break
            i -= 1
        return i

    def _trim_left(self, text: str, s0: int, title_start: int) -> int:
        """Start the segment at its first organisation or place when junk precedes it
        (值此政府总理 -> 政府总理, 载有越共中央总书记 -> 越共中央总书记)."""
        if title_start - s0 <= 1:
            return s0
        seg = text[s0:title_start]
        hits = self.lex.find("gazetteer", seg)
        # (a coordinator inside a name, 中华人民共和国, is none)
        j = max((k for k, c in enumerate(seg) if c in "与同和跟" and not any(a <= k < b for _w, a, b in hits)),
                default=-1)
        if j > 0 and not any(a < j for _w, a, _b in hits):
            # 先后与国家主席NAME: a companion's preposition, not a coordinator inside a body's name
            # (越南与老挝友好协会主席, 新加坡贸易与工业部部长: a country or a body before it)
            s0 += j + 1
            seg = seg[j + 1:]
            if title_start - s0 <= 1:
                return s0
        hits = self.lex.find("gazetteer", seg)
        if hits and hits[0][1] > 0:
            return s0 + hits[0][1]
        return s0

    def _blocked(self, text: str, ts: int, te: int) -> bool:
        """A block word (委员会, 总领事馆) overlaps the title's end: 常务委员|会."""
        if text[te:te + 1] not in self.block_inner:
            return False  # (a word crossing te has the character at te past its first)
        longest = self.block_lens[-1] if self.block_lens else 0
        # (a block word crossing te starts after te - longest; k + n > te implies k + n > ts)
        for k in range(max(0, ts - longest + 1, te - longest + 1), te):
            for n in self.block_lens:
                if k + n > te and text[k:k + n] in self.block_set:
                    return True
        return False

    def find(self, text: str, start: int, end: int, sentences: list[Span] | None = None) -> list[PersonMention]:
        """Persons introduced with a title chain in ``text[start:end]``."""
        matches = [(t, s + start, e + start) for t, s, e in self.lex.find("titles", text[start:end])]
        # 在河内与老挝政府总理NAME: a coordinator right after a place or country name is a boundary
        # (inside a known name such as 宣教与民运部 it is not: the automaton matched the whole name)
        hits = self.lex.find("gazetteer", text[start:end])
        self._place_ends = {e + start for n, _s, e in hits if self.lex.entities[n].kind in ("country", "place")}
        # (越共中央委员会和越共中央总书记NAME: a coordinator after a body's whole name ends a chain too)
        self._place_ends |= {e + start for n, _s, e in hits if self.lex.entities[n].kind == "org"
                             and text.startswith(("和", "与", "及", "同"), e + start)}
        # 在政府总部同欧盟委员会主席NAME: a coordinator right before a country or an international
        # body starts the chain after it
        self._body_starts = {s_ + start for n, s_, _e in hits
                             if self.lex.entities[n].kind == "country" or self.lex.entities[n].sub == "intl"}
        # a name read where a longer gazetteer name starts (代表古巴共产党, 胡志明市) is that name's head
        ent_ends = {s_ + start: e_ + start for _n, s_, e_ in hits}
        out: list[PersonMention] = []
        name_ends: set[int] = set()
        for idx, (t, ts, te) in enumerate(matches):
            if self.lex.titles.get(t) == "block" or self._blocked(text, ts, te):
                continue
            if text.startswith("会", te) and text[te + 1:te + 2] not in ("见", "谈", "晤", "面"):
                continue  # 第四次外长会: a meeting of the office's holders, not a title before a name
            if self._name_before(text, ts, name_ends, matches):
                continue  # 范明正总理预祝…, 阮春福总理来印: a title after its holder's name, no name after it
            pos, got = self._name_after_title(text, te, end)
            if got is None:
                continue
            name, ne, latin, post = got
            if ent_ends.get(pos, 0) > ne:
                continue
            # the name must not itself start another title in the chain (主席团, 总理府 ...)
            nxt = matches[idx + 1] if idx + 1 < len(matches) else None
            if nxt is not None and pos <= nxt[1] < ne and self.lex.titles.get(nxt[0]) != "block":
                continue
            titles = self._titles_of(text, matches, idx, start, name_ends, post, ne)
            country = self.country_of_titles([ttl for ttl, _ in titles], name)
            if country in (self.home, None) and titles and name[:1] in self.lex.surnames_cn and \
                    not self.lex.offices_for(name) and \
                    not any(self.lex.country_of(n) for t, _ in titles for n, _a, _b in self.lex.find("gazetteer", t)):
                country = self._phrase_country(text, titles[0][1].start, start) or country
            if country == self.home and latin and not _VN_LATIN.search(latin):
                country = None  # (NAME(Eddie Teo): a surname Vietnam shares, glossed in no Vietnamese form)
            out.append(PersonMention(name.replace("··", "·"), Span(pos, ne), titles, country, latin))
            if len(name) >= 3:
                self.page_names.setdefault(name[0], set()).add(name)
            name_ends.add(ne)
            if latin:
                lm = _LATIN_PAREN.match(text, ne, end)
                if lm:
                    name_ends.add(lm.end())
        out += self._elected(text, start, end, out)
        out += self._named_before_title(text, start, matches, out)
        return out

    def _name_after_title(self, text: str, te: int, end: int) -> tuple[int, tuple[str, int, str | None, str | None] | None]:
        """Where the name after a title starts (past a position or a gloss in brackets) and the name read
        there: in hanzi, or in Latin letters only (印度尼西亚副总统Ma'ruf Amin)."""
        pos = te
        pm = _POS_PAREN.match(text, pos, end)
        gm = _TITLE_GLOSS.match(text, pos, end)
        if pm:
            pos = pm.end()
        elif gm and gm.group(1) in self.titles:
            pos = gm.end()  # 大呼拉尔主席(议长)NAME: the title glossed by the usual one
        if text.startswith(self.lex.honorifics_before, pos):
            # 副首相拿督斯里阿末扎希: a conferred honorific between the title and the name
            pos += next(len(h) for h in self.lex.honorifics_before if text.startswith(h, pos))
        got = self.read_name(text, pos, end)
        if got is None:
            lm = _LATIN_ONLY.match(text, pos, end)
            got = (lm.group().strip(), lm.end(), None, None) if lm else None
        return pos, got

    def _titles_of(self, text: str, matches: list[tuple[str, int, int]], idx: int, start: int, name_ends: set[int],
                   post: str | None, ne: int) -> list[tuple[str, Span]]:
        """The title chain ending at match ``idx``, with a title written after the name."""
        titles = self._chain(text, matches, idx, start, name_ends)
        titles = [(ttl, sp) for ttl, sp in titles if ttl and ttl not in ("兼",)]
        if post:
            titles.append((post, Span(ne, ne + len(post))))
        if titles and titles[0][1].start > start and text[titles[0][1].start - 1] == "驻":
            # 中驻柬埔寨大使NAME: the chain stopped at a sender it cannot read; the post stays a post
            titles[0] = ("驻" + titles[0][0], Span(titles[0][1].start - 1, titles[0][1].end))
        return titles

    def _named_before_title(self, text: str, start: int, matches: Sequence[tuple[str, int, int]],
                            found: list[PersonMention]) -> list[PersonMention]:
        """李杰副会长会见…: a name the page has not introduced, opening its clause with a surname, and
        the title written after it; what follows the title is an act of its holder (a trigger, 在,
        表示, 、). Names the lexicon's names are not written with are no names."""
        out: list[PersonMention] = []
        taken = [pm.span for pm in found]
        for t, ts, te in matches:
            if self.lex.titles.get(t) in (None, "block", "media", "spouse") or \
                    not (_AFTER_TITLE.match(text, te) or any(a == 0 and self.lex.triggers[w].type != "block"
                                                              for w, a, _b in self.lex.find("triggers", text[te:te + 4]))):
                continue
            for k in (4, 3, 2):
                ns = ts - k
                if ns < start or (ns > start and text[ns - 1] not in _CLAUSE_OPEN):
                    continue
                name = text[ns:ts]
                if (k == 4 and name[:2] not in self.lex.surnames_cn) or name in self.lex.surnames_cn:
                    continue  # (欧阳玉靖: four characters only after a two-character surname; 欧阳大使 alone: no name)
                if any(sp.start < ts and ns < sp.end for sp in taken) or \
                        name[0] not in self.lex.surnames_cn and name[0] not in self.lex.surnames_vn and name[:2] not in self.lex.surnames_cn or \
                        not self._plausible(name) or not self._name_like(name) or self._is_stop_at(name, 1, True):
                    continue
                out.append(PersonMention(name, Span(ns, ts), [(t, Span(ts, te))], self.country_of_titles([t], name), None))
                taken.append(Span(ns, te))
                if len(name) >= 3:
                    self.page_names.setdefault(name[0], set()).add(name)
                break
        return out

    def _name_before(self, text: str, ts: int, name_ends: set[int],
                     matches: Sequence[tuple[str, int, int]] = ()) -> bool:
        """A person's name ends right where the title starts (or where the chain of titles it
        closes starts: NAME总书记、国家主席): one read before, one the page has introduced, or an
        office holder the lexicon knows."""
        if ts in name_ends:
            return True
        for k in (2, 3, 4):
            cand = text[max(0, ts - k):ts]
            if len(cand) == k and (cand in self.page_names.get(cand[0], ()) or self.lex.offices_for(cand)):
                return True
        if text[ts - 1:ts] in "、兼" and ts > 1:
            prev = next((s_ for _t, s_, e_ in matches if e_ == ts - 1), None)
            if prev is not None:
                return self._name_before(text, prev, name_ends, matches)
        return False

    def _elected(self, text: str, start: int, end: int, found: list[PersonMention]) -> list[PersonMention]:
        """祝贺NAME当选/就任TITLE: a name introduced by the office it takes, written after it."""
        out: list[PersonMention] = []
        taken = [pm.span for pm in found]
        for m in _ELECTED.finditer(text, start, end):
            name = m.group("name").replace("•", "·")
            for n in self.title_lens:  # 祝贺NAME总书记当选…: a title written after the name
                if len(name) > n + 1 and name[-n:] in self.titles:
                    name = name[:-n]
                    break
            ce = min([j for j in (text.find(ch, m.end(), end) for ch in "，,。；;") if j >= 0] + [end])
            hits = [(t, a, b) for t, a, b in self.lex.find("titles", text[m.end():ce]) if self.lex.titles.get(t) != "block"]
            if not hits or any(sp.start < m.end("name") and m.start("name") < sp.end for sp in taken):
                continue
            last = max(hits, key=lambda h: h[2])
            title = text[m.end():m.end() + last[2]]
            if not self._plausible(name) or name in self.lex.entities or self.lex.find("gazetteer", name):
                continue
            span = Span(m.start("name"), m.start("name") + len(name))
            out.append(PersonMention(name, span, [(title, Span(m.end(), m.end() + len(title)))],
                                     self.country_of_titles([title], name), None))
            if len(name) >= 3:
                self.page_names.setdefault(name[0], set()).add(name)
        return out

    def _chain(self, text: str, matches: list[tuple[str, int, int]], idx: int, start: int,
               name_ends: set[int]) -> list[tuple[str, Span]]:
        """The title chain before the title ``matches[idx]``, walked leftwards: segments
        separated by 、 or 兼, each ending in a title word."""
        _t, ts, te = matches[idx]
        seg_end, seg_title_start = te, ts
        titles: list[tuple[str, Span]] = []
        k = idx
        while True:
            s0 = self._chain_start(text, seg_title_start, start, name_ends)
            if not (s0 > start and text[s0 - 1] == "、"):
                s0 = self._trim_left(text, s0, seg_title_start)
            seg = text[s0:seg_end]
            # a segment with 兼 holds two titles: 副总理兼外长
            off = s0
            pieces = []
            for p in seg.split("兼"):
                pieces.append((p, Span(off, off + len(p))))
                off += len(p) + 1
            titles[:0] = [(p, sp) for p, sp in pieces if p]
            if s0 <= start or text[s0 - 1] != "、":
                break
            # previous segment must end with a title word right before the 、
            prev = None
            while k - 1 >= 0:
                k -= 1
                if matches[k][2] == s0 - 1 and self.lex.titles.get(matches[k][0]) != "block":
                    prev = matches[k]
                    break
                if matches[k][2] < s0 - 1:
                    break
            if prev is None:
                # X国会外交、国际合作…委员会主席: an enumeration inside a committee's
                # name, not a chain of titles; the part before 、 belongs to the first title
                s1 = self._trim_left(text, self._chain_start(text, s0 - 1, start, name_ends), s0 - 1)
                part = text[s1:s0 - 1]
                if titles and 2 <= len(part) <= 20 and _COMMITTEE.search(titles[0][0]) and \
                        not any(s1 <= a < s0 - 1 for _t, a, _b in matches) and not any(c in part for c in "，。；"):
                    t0, sp0 = titles[0]
                    titles[0] = (text[s1:s0] + t0, Span(s1, sp0.end))
                break
            seg_end, seg_title_start = s0 - 1, prev[1]
        return titles

    def country_of_titles(self, titles: list[str], name: str) -> str | None:
        """ISO3 from the first place or organisation in the title chain."""
        vn_name = "·" not in name and (name[1:2] == "氏" or name[:1] in self.lex.surnames_vn and name[:1] not in self.lex.surnames_cn)
        # (中国驻越南大使NAME: the post is in Vietnam, the envoy is not Vietnamese)
        if vn_name and any("越南" in t.replace("驻越南", "") or t.startswith("越共") for t in titles):
            return self.home  # 老挝越南企业协会…委员 NAME: a Vietnamese in Laos
        # the lexicon knows the holder of the office the title names (印尼媒体关注越共中央总书记NAME:
        # a headline's chain can start at another country)
        fit = {o.iso3 for o in self.lex.offices_for(name) if o.iso3 and any(title_fits(t, o.forms, 2) for t in titles)}
        if len(fit) == 1:
            return fit.pop()
        for t in titles:
            for ent_name, a, _ in self.lex.find("gazetteer", t):
                if t[a - 1:a] == "驻":
                    continue  # 驻柬埔寨大使: where the envoy is posted, not whose envoy he is
                ent = self.lex.entities[ent_name]
                if ent.kind == "org" and ent.sub == "intl":
                    return None
                iso = self.lex.country_of(ent_name)
                if iso:
                    return iso
        held = self.lex.offices_for(name)
        for o in held:
            if o.iso3:
                return o.iso3
        if held:
            return None  # only an organisation's office (联合国秘书长): no country, whatever the surname
        if name[:1] in self.lex.surnames_vn and "·" not in name and \
                not any(w in t for t in titles for w in _FOREIGN_ONLY_TITLES):
            if name[:1] in self.lex.surnames_cn and titles and all(t.endswith(_BUSINESS_TITLES) for t in titles):
                return None  # 天能集团董事长NAME: a company's head, of no country his surname tells
            return self.home  # VNA leaves Vietnam implicit for domestic offices (外交部副部长NAME)
        return None

    def _phrase_country(self, text: str, chain: int, start: int) -> str | None:
        """The one foreign country named in the noun phrase before a title chain (会见了中国…领域的
        X集团董事长NAME): a surname Vietnam and China share says nothing, the phrase does."""
        lo = max(start, chain - 40, *(text.rfind(c, 0, chain) + 1 for c in "，,。；;：:\n"))
        # (the phrase begins after the verb that takes it: 越南总理NAME会见了中国…的)
        lo += max((b for t, _a, b in self.lex.find("triggers", text[lo:chain])
                   if self.lex.triggers[t].type != "block"), default=0)
        isos = {iso for n, a, _b in self.lex.find("gazetteer", text[lo:chain])
                if (iso := self.lex.country_of(n)) and text[lo + a - 1:lo + a] != "驻"}
        return isos.pop() if len(isos) == 1 and self.home not in isos else None

    def holder_at(self, form: str, when: date, country: str | None = None) -> str | None:
        """Name of the holder of the office named ``form`` at ``when`` (offices lexicon)."""
        held = {o.holder for o in self.lex.offices
                if o.iso3 == (country or self.home) and form in o.forms and o.start and o.start <= when
                and (o.end is None or when <= o.end)}
        # (a post held by several at once, 副总理 or 国务委员, names nobody by its title alone)
        return held.pop() if len(held) == 1 else None


_VERB_FIRST = re.compile(r"觐见|会见|拜会|拜见|接见|会晤|致电|出席|前往|与|及|和(?!田)")  # (国王和NAME王后: a conjunction)
_BEFORE_NAME = ("值此", "祝贺", "向", "与", "同", "和", "对", "在", "由", "是", "为", "让", "及", "了", "如", "领导人", "作者",
                "诗人", "专家", "学者", "人士", "总司令")
