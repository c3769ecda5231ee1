"""The word patterns the event readers share: delegations, host phrases, speech frames, clause ends."""

from __future__ import annotations

import re

DELEGATION = re.compile(r"[\u4e00-\u9fff·—\-]{0,14}?代表团")
# Where a delegation's name starts: after the last of these words that is not inside a known
# name (共和国, 宣教与民运部): 率领|越南高级代表团, 与|老挝国会代表团.
DELEG_CUT = re.compile(r"率领|带领|是|派遣|派出|组成|率|派|的|由|及|与|和|同|了|已|将|还|在|于|向|对|加强|推动|促进|保持|增进|开展|继续|维持|"
                        r"认为|表示|强调|指出|希望|欢迎|感谢|会见|接见|"
                        r"[，,、；;：:]")
# 第56届东盟外长会议在万象举行: a gathering named as the subject of its own holding
HELD_TOPIC = re.compile(r"\s*(?:为期[^，。；,;的]{1,6}的)?(?P<np>[^，。；,;\s]{2,40}?)(?:(?:即将|将)?于[^，。；,;]{1,20}?|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚)?)?"
                        r"(?:[，,]\s*在[^，。；,;]{1,40}?|在[^，。；,;]{1,24}?)?(?:以[^，。；,;]{1,12}?(?:方式|形式))?(?:隆重|正式)?"
                        r"(?:举行|召开|开幕|拉开帷幕|拉开序幕|揭幕)")  # (…会晤活动以视频连线方式举行)
# X举行招待会 (a clause that says a gathering was held, its object up to the clause end)
HELD_OBJECT = re.compile(r"(?:举行|举办|召开)(?:了)?(?P<np>[^，。；,;]{2,40})$")
# 为来访的NAME举行欢迎仪式: whom a ceremony is held for is not its host
BENEFICIARY = re.compile(r"(?<![成作认视称])为[^，。；,;]{1,40}?(?<!成功)(?<!圆满)(?=(?:隆重)?(?:举行|举办|设宴|主持))")
# 以东盟轮值主席国身份, 以个人名义: the capacity an actor acts in, neither an actor nor an act
# 在第76届联合国大会上, 在峰会期间: a gathering named as the venue of an act, never its subject
VENUE = re.compile(r"在(?:第[\d一二三四五六七八九十百]+[届次])?[^，。；,;在与同和]{2,30}?(?:大会|会议|峰会|论坛|会|典礼|仪式)(?:上|期间|框架内)")
CAPACITY = re.compile(r"以[^，。；,;]{1,40}?(?:身份|身分|名义)")  # (身分: the Taiwan and Hong Kong form)
# (应A邀请, 应A的邀请, 应A之邀)
INVITE = re.compile(r"应[^，。；,;]{1,110}?(?:(?:的)?邀请|之邀)")
LED_BY = re.compile(r"由([^，。；]{1,80}?)率领的")
SPEECH = re.compile(r"在(?P<np>[^，。；在]{2,60}?)(?:上(?:所)?(?:发表|致辞|讲话|表示|强调|指出|介绍|宣布|作了|作)|(?<![上的])(?:致辞|致开幕词|讲话)"
                    r"|(?<=[议会坛])中(?:说|表示|指出|强调))")
# (在开幕式致辞时说: the speech without 上, on a gathering's noun only — the reader checks the name's head; 在…会议中说)
# An organ written right after its country or place: 越南|计划投资部, 河内市|旅游局, 广东省|文化与旅游厅.
ORGAN = re.compile(r"(?!许多|各|有关|相关|一些|多个|其他|主要|等)[\u4e00-\u9fff]{0,8}?(?:部(?!门)|厅|局|委员会|委|协会|联合会|大学|学院|银行|总公司|公司|集团|"
                    r"办公室|通讯社|外交学院|研究院|商会|中心|工会|议会|国会|人民议会|人民委员会|政府|大使馆|总领事馆|领事馆|代表处)(?![\u4e00-\u9fff]{0,2}(?:长|主任|书记|主席))")
FROM = re.compile(r"来自[^，。；]{1,60}?的")
DEST_BEFORE = ("赴", "对", "到", "在", "于", "向", "抵达", "前往", "访问", "首都", "驻")
PARTNER_END = re.compile(r"之间|就|昨晚|昨天|昨日|今天|今日|今晚|当天|当日|日前|近日|本周|上周|举行|进行|开展|展开|分别|先后|(?<!正)在|共同|签署|签订|于|通电话|\d|以(?:在线|视频|线上|网络|视讯)?(?:会议)?(?:形式|方式)")
PUNCT_END = "，,。；;：:！？!?\n"
RELATIVE_TAIL = ("期间", "前夕", "之际", "时", "后", "中", "之后", "以来", "结束")
# a meeting word referring back to a meeting (会谈中, 会见时, 会晤后, 会谈期间), not one whose object
# begins with the same character (会见中国…, 会见上海市…, 会见时任…, 会见上将…)
# 在会见中兴…董事长NAME时: the 中 after a meeting word starts its object's name when the clause runs on to 时
OBJECT_THEN_WHEN = re.compile(r"中[^，,。；;：:]{1,40}?(?:时|期间)")
SKIP_AFTER_MEET = re.compile(r"中(?![国共方央华联欧非亚东南北西])|时(?!任)|后(?![江])|上(?![将海])|期间|结束|会上|结果")
FOREIGN_WORDS = ("国际", "全球", "世界", "区域", "地区", "外交", "对外", "外事", "友好", "大使", "驻", "外国", "两国", "双边", "多边", "东盟",
                  "联合国", "峰会", "访问", "海外", "侨")
# people at large as a clause's subject (各界人士, 民众): no actor of diplomacy
GENERIC_HUMANS = re.compile(r"各[界届方]人士|各界|人士|民众|群众|广大|老百姓|游客")
# the verbs of taking office (宣誓就任, 出任, 当选): a date before them is the term's start
TOOK_OFFICE_VERB = r"(?:宣誓)?(?:出任|就任|上任|当选|履新|就职)"
# a verb of taking office right after a date (于2022年11月24日出任首相后): the day a term began, no day of the story
# (not 2021年7月26日就A当选…致贺电, where 当选 is what a message is about)
TERM_BEGUN_RIGHT_AFTER = re.compile(r"\s*(?:正式)?" + TOOK_OFFICE_VERB)
SPEAKS = re.compile(r"(?:也|还|则|再次|分别)?(?:高度评价|表示|强调|指出|赞赏|称赞|肯定|回顾|介绍|说|认为|透露)")
NOT_A_VISIT = ("旅游", "旅行", "观光", "留学", "学习", "务工", "工作和生活", "定居", "经商", "就业", "投资", "兴业")
# a meeting word whose object is travellers counted (接待…游客…人次): tourism, not a counterpart
TOURISTS = re.compile(r"游客|旅客|人次")
# a meeting held online (以在线形式举行, 通过视频连线): a video call, typed phone_call
ONLINE = re.compile(r"以(?:在线|视频|线上|网络|视讯)(?:会议)?(?:形式|方式)|通过视频(?:连线|会议)?|视频连线")
# the nouns of a talk: held (举行高层会晤) they name a meeting, not a gathering hosted
TALK_NOUNS = ("会谈", "会晤", "会见", "会面", "通话")
# A reporter's byline is not an actor: 越通社特派记者报道, 据越通社驻中国记者报道
REPORT = re.compile(r"(?:据)?[\u4e00-\u9fff]{2,14}?记者(?:[\u4e00-\u9fff]{1,6})?(?:报道|报导)")
# Both sides named together, without names: 两位部长举行会谈, 两国总理通电话, 双方举行会谈.
# (a ministry may stand between: 两国能源部长, 两国国防部长, 两国外交部长)
PAIR = re.compile(r"两位|两国(?:[\u4e00-\u9fff]{0,4}?(?:部长|防长|外长|总理|领导人|主席|元首|总书记|议长|首脑))|双方|两人")
# A signing hoped for or planned, not done: 推动协定早日签署, 双方将签署, 同意签署.
# 互相对彼此进行正式访问, 两次互相通电话: exchanges summed up, not one event
# (a count of times: 三次通电话和直接会见, 两次会晤 — an ordinal, 第二次会晤, is one event)
MUTUAL = re.compile(r"互相|相互|彼此|多次|频繁|屡次|(?<!第)(?:[两三四五六七八九十]|\d{1,2})次(?!会议|峰会|大会|全会)")
ON_ELECTION = re.compile(r"就[^，。；]{1,30}?(?:当选|再次当选|连任|就任|荣任|获任|出任|被任命|被选为)")
PRESS = ("记者", "媒体", "新闻界", "报界")  # 会见记者: a press meeting, not a diplomatic one
SIGNING_CEREMONY = re.compile(r"(?:签字|签署|签约|交换|互换)[\u4e00-\u9fff]{0,4}仪式$")
CHAIRED_BY = re.compile(r"由[^，。；]{2,40}?(?:主持召开|主持举行|主持|主办|举办|举行|召开)的")
NOT_YET = ("早日", "尽早", "尽快", "将", "即将", "计划", "拟", "有望", "希望", "期待", "争取", "推动", "准备", "预计",
            "力争", "同意", "商定", "愿意", "愿", "考虑", "研究", "探讨", "加快")
# An aid sentence about a standing or past state of things: 日本是向越南提供援助的最大来源国,
# 1992年以来累计提供援助.
AID_STATE = re.compile(r"是[^，。；]{0,12}$|以来|累计|历来|长期以来|一直")
# 这是B就任以来首次访问越南, 此访是…: the act said again, not another one
RESTATED = re.compile(r"(?:这|此|此次|这次|本次)(?:访问|访|次访问)?(?:也)?(?:是|系)")
# the words that carry a congratulation as a message of its own (a call, a cable, a letter)
MESSAGE = re.compile(r"贺电|贺信|贺函|致电|致函|致信|电话|来电|发来|致以")
MESSAGE_TRIGGERS = ("致电", "致函", "致信", "致贺电", "致贺信", "发来贺电", "发来贺信", "发来贺函", "贺信", "贺电",
                     "贺函", "致贺", "通电话")
# a gathering named by a quantifier (东盟的各项活动, 各级会议) is a kind of thing, not one event
GENERIC = re.compile(r"^(?:[^，。；]{0,6}的|[^，。；的]{1,6}?(?=各项|各类|各种))?(?:各项|各级|各种|各类|许多|一些|多项|多个|系列|一系列|相关|有关|一场|一次|一轮"
                     r"|其他|其它|\d+多?(?:个|场|项))")  # (参加了70多个活动, 参加其他活动: acts counted, none named)
GROUP_NOUNS = ("代表团", "一行", "客人", "嘉宾", "团组", "领导", "领导人", "官员", "高官", "代表", "议员", "大使", "使节",
                "企业家", "专家", "学者", "友人", "朋友", "工作组", "考察团", "访问团", "侨胞", "侨民")
# a meeting word followed by what belongs to a meeting's name or its course: a noun here
MEETING_AS_NOUN = ("开幕式", "闭幕式", "准备工作", "筹备", "框架", "机制", "成果", "圆满", "取得", "期间", "的", "纪要")
# a coordinator of predicates right before a trigger: what follows shares the first predicate's subject
PRED_COORD = re.compile(r"(?:以及|并且|并|随后|然后|接着|之后又|又|(?<![会谈晤见])和)\s*$")  # (分别会见A和会见了B)
# a clause opening with a coordinator and a preposition (…，并对X进行访问 / 随后同X会谈): the actors
# before its verb are the preposition's objects; its subject is the first predicate's
CLAUSE_COORD = re.compile(r"\s*(?:并且|并|随后|然后|接着|还|也|又)\s*(?:将|将会|还将|也将|已|还|也|再)?\s*(?:对|赴|到|前往|同|与|和|向|给)")
# the same inside a clause (出席X并对美国进行访问): what follows 并 shares the subject before it
INNER_COORD = re.compile(r"(?:并且|并|随后|然后|接着)\s*(?:将|将会|还将|也将|已|还|也|再)?\s*(?:对|赴|到|前往|同|与|和|向|给)")
EACH = re.compile(r"每个|每一|各个|每")
AGREEMENT = ("文件", "协议", "协定", "备忘录", "合同", "声明", "公报", "计划", "项目", "条约", "议定书", "意向书")
# the close of a 对… phrase of congratulation: the act inside it is background (thanks are not:
# 对越南捐赠…表示感谢 reports the aid)
PRAISE_CLOSE = re.compile(r"表示(?:热烈|衷心)?祝贺|致以(?:热烈|衷心)?(?:的)?祝贺|给予(?:高度)?评价")
# converse verbs of aid: the subject receives or thanks for what the provider gives (…提供的物资)
RECEIPT = re.compile(r"感谢|感激|接收|接受|收到|领取")

# the act an anniversary counts from (到X从事…活动N周年纪念日, 条约签署N周年之际): the
# trigger's clause runs on to N周年 and stops there (出席建交50周年纪念活动, 致电…庆祝成立75周年 are acts)
ANNIVERSARY_BASE = re.compile(r"(?:(?!庆祝|祝贺|纪念|迎接|喜迎|慶祝|紀念)[^，。；,;：:]){0,24}?"
                              r"[\d一二三四五六七八九十百]+\s*(?:周年|週年)(?=纪念日|紀念日|之际|之際|前夕|的日子|[，。；,;、]|$)")

# the head words of a body's name the gazetteer may not know (柬埔寨人民党中央民运部, 上海市人民政府外事办公室)
BODY_HEAD = re.compile(r"(?:部|委员会|委|厅|局|署|办公室|政府|国会|议会|公司|集团|银行|协会|联合会|商会|"
                       r"大学|学院|研究院|中心|组织|机构|大使馆|领事馆|代表处|省|市|州|县|军区|司令部|基金会|基金|红十字会)$")
# 引述…报道, 宣布: a report of acts told elsewhere (its day is the report's, not the acts')
REPORTED_BY = re.compile(r"引述|援引|报道|报导|宣布|透露|发布消息")


def according_to(text: str, pos: int) -> bool:
    """据日本媒体5月30日报道，日本政府当天…: a report the story goes by, whose day is the story's."""
    cs = max(text.rfind(c, 0, pos) for c in "，,。；;\n") + 1
    return text[cs:pos].lstrip().startswith(("据", "根据"))


def reports_after(text: str, start: int, end: int, stop: int) -> bool:
    """A date at ``text[start:end]`` followed, before ``stop``, by a verb of reporting (…10月29日引述…报道): the
    report's day; not when the story goes by the report (据…5月30日报道，…当天)."""
    return end < stop and REPORTED_BY.search(text, end, stop) is not None and not according_to(text, start)
