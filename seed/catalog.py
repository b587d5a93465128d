"""Reference catalogue for the demo generator: the skill hierarchy, department templates
(county departments, township offices and institutions, village committees) and their posts.

The catalogue is pure data. Skill ids are shared by every county, so it is emitted once per
document; department and post templates are instantiated once per county / township / village.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Placeholder in post requirements for "the township's main crop" (水稻 / 茶叶 / 蔬菜 / 果树),
# so that a 农业服务中心 in a tea town employs tea technicians, not rice ones.
LOCAL_CROP = "@CROP"
CROPS: tuple[tuple[str, int], ...] = (
    ("SK-RICE", 45),
    ("SK-TEA", 25),
    ("SK-VEG", 15),
    ("SK-FRUIT", 15),
)


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    broader: str | None = None
    aliases: tuple[str, ...] = ()


# Roots first, children after their parent: the `broader` links form a forest (no cycles).
SKILLS: tuple[Skill, ...] = (
    Skill("SK-AGRI", "农业技术", "农业", None, ("农技",)),
    Skill("SK-CROP", "作物栽培", "农业", "SK-AGRI"),
    Skill("SK-RICE", "水稻栽培", "农业", "SK-CROP", ("水稻种植", "稻作")),
    Skill("SK-TEA", "茶叶种植", "农业", "SK-CROP", ("茶园管理",)),
    Skill("SK-VEG", "蔬菜种植", "农业", "SK-CROP", ("设施蔬菜",)),
    Skill("SK-FRUIT", "果树栽培", "农业", "SK-CROP"),
    Skill("SK-PEST", "病虫害防治", "农业", "SK-AGRI", ("植保",)),
    Skill("SK-SOIL", "土壤肥料", "农业", "SK-AGRI", ("测土配方施肥",)),
    Skill("SK-AGMACH", "农业机械", "农业", "SK-AGRI", ("农机",)),
    Skill("SK-VET", "畜牧兽医", "农业"),
    Skill("SK-LIVESTOCK", "畜禽养殖", "农业", "SK-VET"),
    Skill("SK-EPIDEMIC", "动物防疫", "农业", "SK-VET"),
    Skill("SK-WATER", "水利", "水利"),
    Skill("SK-DYKE", "堤坝巡查", "水利", "SK-WATER", ("巡堤查险",)),
    Skill("SK-FLOOD", "防汛抢险", "水利", "SK-WATER", ("防汛", "抗洪抢险")),
    Skill("SK-IRRIG", "农田水利", "水利", "SK-WATER", ("灌溉管理",)),
    Skill("SK-SOCSEC", "社会保障", "社会保障", None, ("社保",)),
    Skill("SK-DIBAO", "低保政策核算", "社会保障", "SK-SOCSEC", ("低保核算", "最低生活保障")),
    Skill("SK-PENSION", "养老保险经办", "社会保障", "SK-SOCSEC"),
    Skill("SK-EMPLOY", "就业服务", "社会保障", "SK-SOCSEC"),
    Skill("SK-ELDER", "养老服务", "社会保障", "SK-SOCSEC"),
    Skill("SK-ECOM", "电子商务", "电子商务", None, ("电商",)),
    Skill("SK-ECOMOPS", "电商运营", "电子商务", "SK-ECOM", ("网店运营",)),
    Skill("SK-LIVE", "直播带货", "电子商务", "SK-ECOMOPS", ("直播电商",)),
    Skill("SK-LOGIS", "农村物流", "电子商务", "SK-ECOMOPS", ("物流",)),
    Skill("SK-LAW", "法律", "法律"),
    Skill("SK-MEDIATE", "人民调解", "法律", "SK-LAW", ("矛盾调解", "纠纷调解")),
    Skill("SK-LEGALAID", "法律援助", "法律", "SK-LAW"),
    Skill("SK-LAWPUB", "普法宣传", "法律", "SK-LAW", ("普法",)),
    Skill("SK-PARTY", "党建", "党建"),
    Skill("SK-PARTYB", "基层党建", "党建", "SK-PARTY", ("党建引领",)),
    Skill("SK-PARTYEDU", "党员教育", "党建", "SK-PARTY"),
    Skill("SK-GOV", "基层治理", "基层治理"),
    Skill("SK-GRID", "网格化管理", "基层治理", "SK-GOV", ("网格员工作",)),
    Skill("SK-PETITION", "信访接待", "基层治理", "SK-GOV", ("信访",)),
    Skill("SK-MOBILIZE", "群众动员", "基层治理", "SK-GOV"),
    Skill("SK-FOREST", "林业", "林业"),
    Skill("SK-FIREPREV", "森林防火", "林业", "SK-FOREST"),
    Skill("SK-AFFOREST", "造林育苗", "林业", "SK-FOREST", ("苗木栽种",)),
    Skill("SK-ECO", "生态环境", "生态环境", None, ("环保",)),
    Skill("SK-POLLUTION", "污染防治", "生态环境", "SK-ECO"),
    Skill("SK-ENVMON", "环境监测", "生态环境", "SK-ECO"),
    Skill("SK-MARKET", "市场监管", "市场监管"),
    Skill("SK-FOODSAFE", "食品安全", "市场监管", "SK-MARKET"),
    Skill("SK-QUALITY", "产品质量监管", "市场监管", "SK-MARKET"),
    Skill("SK-ENFORCE", "综合执法", "行政执法", None, ("综合行政执法",)),
    Skill("SK-CITYMGMT", "城乡管理执法", "行政执法", "SK-ENFORCE", ("城管执法",)),
    Skill("SK-ENFPROC", "执法程序", "行政执法", "SK-ENFORCE"),
    Skill("SK-FIN", "财务", "财务"),
    Skill("SK-ACCT", "会计核算", "财务", "SK-FIN"),
    Skill("SK-AGECON", "农经管理", "财务", "SK-FIN", ("农经",)),
    Skill("SK-LANDRIGHT", "土地确权", "财务", "SK-AGECON"),
    Skill("SK-COLLECT", "集体资产管理", "财务", "SK-AGECON", ("三资管理",)),
    Skill("SK-VILLFIN", "村级财务", "财务", "SK-FIN", ("村账", "村级账务")),
    Skill("SK-PROJECT", "项目管理", "项目管理"),
    Skill("SK-PROJ", "项目申报", "项目管理", "SK-PROJECT"),
    Skill("SK-PROJEXEC", "项目实施监管", "项目管理", "SK-PROJECT"),
    Skill("SK-EMERG", "应急管理", "应急管理"),
    Skill("SK-RESCUE", "应急救援", "应急管理", "SK-EMERG"),
    Skill("SK-SAFETY", "安全生产", "应急管理", "SK-EMERG", ("隐患排查",)),
    Skill("SK-PLAN", "规划建设", "规划建设"),
    Skill("SK-RURALPLAN", "村庄规划", "规划建设", "SK-PLAN"),
    Skill("SK-HOMESTEAD", "宅基地管理", "规划建设", "SK-PLAN", ("宅基地整理",)),
    Skill("SK-HEALTH", "医疗卫生", "医疗卫生"),
    Skill("SK-PUBHEALTH", "公共卫生", "医疗卫生", "SK-HEALTH"),
    Skill("SK-IT", "信息化", "信息化"),
    Skill("SK-OFFICE", "电子报表填报", "信息化", "SK-IT", ("办公软件",)),
    Skill("SK-DATA", "数据统计", "信息化", "SK-IT"),
)


def skill_records() -> list[dict[str, Any]]:
    """The `skills` section of an import document (optional keys omitted when empty)."""
    out: list[dict[str, Any]] = []
    for s in SKILLS:
        rec: dict[str, Any] = {"id": s.id, "name": s.name, "category": s.category}
        if s.broader:
            rec["broader"] = s.broader
        if s.aliases:
            rec["aliases"] = list(s.aliases)
        out.append(rec)
    return out


# Village cadres are strong here (local knowledge, mobilisation) and weak elsewhere.
GOVERNANCE = frozenset(
    {"SK-MEDIATE", "SK-PARTYB", "SK-PARTYEDU", "SK-GRID", "SK-PETITION", "SK-MOBILIZE"}
)

Req = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PostTemplate:
    title: str
    requires: Req
    lead: bool = False


@dataclass(frozen=True)
class DeptTemplate:
    code: str
    name: str
    kind: str
    staff: tuple[int, int]
    posts: tuple[PostTemplate, ...]
    # Optional side skills and how likely a member has each: the "breadth" of the unit.
    extras: tuple[tuple[str, float], ...] = ()
    # Share of staff placed in townships under 县属乡用 (0 for departments that do not dispatch).
    dispatch: float = 0.0
    # Months (first, last) in which the unit's technicians go to villages (技术支援).
    seasons: tuple[tuple[int, int], ...] = ()


def _p(title: str, *req: tuple[str, int], lead: bool = False) -> PostTemplate:
    return PostTemplate(title, tuple(req), lead)


# The tables below are laid out by hand, one post per line, so a reviewer can read a
# department at a glance; the formatter would explode each into a dozen lines.
# fmt: off
_CD = "COUNTY_DEPARTMENT"
COUNTY_DEPARTMENTS: tuple[DeptTemplate, ...] = (
    DeptTemplate("ZZB", "组织部", _CD, (12, 18), (
        _p("部长", ("SK-PARTYB", 4), lead=True),
        _p("组织科干部", ("SK-PARTYB", 3), ("SK-PARTYEDU", 3)),
        _p("干部科干部", ("SK-PARTYEDU", 2), ("SK-DATA", 2)),
        _p("党员教育中心专干", ("SK-PARTYEDU", 3)),
    ), (("SK-OFFICE", 0.3), ("SK-GRID", 0.2))),
    DeptTemplate("SFJ", "司法局", _CD, (18, 28), (
        _p("局长", ("SK-MEDIATE", 4), ("SK-LEGALAID", 3), lead=True),
        _p("司法所所长", ("SK-MEDIATE", 4), ("SK-LAWPUB", 3)),
        _p("人民调解员", ("SK-MEDIATE", 3)),
        _p("法律援助专员", ("SK-LEGALAID", 3)),
        _p("普法宣传干事", ("SK-LAWPUB", 3)),
    ), (("SK-PETITION", 0.3),), dispatch=0.55, seasons=((1, 12),)),
    DeptTemplate("RSJ", "人社局", _CD, (18, 28), (
        _p("局长", ("SK-EMPLOY", 4), lead=True),
        _p("就业服务专员", ("SK-EMPLOY", 3)),
        _p("社保经办员", ("SK-PENSION", 3)),
        _p("劳动保障监察员", ("SK-EMPLOY", 2), ("SK-ENFPROC", 2)),
    ), (("SK-DIBAO", 0.2), ("SK-DATA", 0.3)), dispatch=0.4),
    DeptTemplate("SCJGJ", "市场监管局", _CD, (25, 40), (
        _p("局长", ("SK-FOODSAFE", 4), lead=True),
        _p("市场监管所所长", ("SK-FOODSAFE", 3), ("SK-ENFPROC", 3)),
        _p("食品安全监管员", ("SK-FOODSAFE", 3)),
        _p("产品质量监管员", ("SK-QUALITY", 3)),
        _p("市场监管执法队员", ("SK-ENFPROC", 3)),
    ), (("SK-LAWPUB", 0.2),), dispatch=0.6),
    DeptTemplate("ZHZFJ", "综合执法局", _CD, (40, 60), (
        _p("局长", ("SK-CITYMGMT", 4), ("SK-ENFPROC", 4), lead=True),
        _p("执法中队长", ("SK-ENFPROC", 4)),
        _p("综合执法队员", ("SK-CITYMGMT", 3), ("SK-ENFPROC", 2)),
        _p("法制审核员", ("SK-ENFPROC", 4), ("SK-LEGALAID", 2)),
    ), (("SK-MEDIATE", 0.25), ("SK-SAFETY", 0.15)), dispatch=0.75),
    DeptTemplate("STHJ", "生态环境分局", _CD, (14, 22), (
        _p("局长", ("SK-POLLUTION", 4), lead=True),
        _p("环境执法员", ("SK-POLLUTION", 3), ("SK-ENFPROC", 2)),
        _p("环境监测员", ("SK-ENVMON", 3)),
    ), (("SK-LAWPUB", 0.15),), dispatch=0.5),
    DeptTemplate("NYNCJ", "农业农村局", _CD, (25, 40), (
        _p("局长", ("SK-PROJ", 3), ("SK-AGRI", 4), lead=True),
        _p("农技推广研究员", ("SK-RICE", 4), ("SK-SOIL", 3)),
        _p("茶叶技术推广员", ("SK-TEA", 3)),
        _p("植保站技术员", ("SK-PEST", 3), ("SK-RICE", 2)),
        _p("畜牧兽医站兽医", ("SK-EPIDEMIC", 3), ("SK-LIVESTOCK", 3)),
        _p("农村经营管理专员", ("SK-AGECON", 3)),
        _p("蔬菜果树技术员", ("SK-VEG", 3), ("SK-FRUIT", 3)),
    ), (("SK-ECOMOPS", 0.15), ("SK-PROJ", 0.2), ("SK-AGMACH", 0.15)),
        dispatch=0.4, seasons=((3, 5), (7, 9))),
    DeptTemplate("SLJ", "水利局", _CD, (15, 25), (
        _p("局长", ("SK-FLOOD", 4), lead=True),
        _p("防汛抗旱专员", ("SK-FLOOD", 4), ("SK-DYKE", 3)),
        _p("水利工程技术员", ("SK-IRRIG", 3), ("SK-PROJEXEC", 2)),
        _p("河湖管理员", ("SK-DYKE", 3)),
    ), (("SK-RESCUE", 0.3),), seasons=((6, 9),)),
    DeptTemplate("YJGLJ", "应急管理局", _CD, (12, 20), (
        _p("局长", ("SK-RESCUE", 4), lead=True),
        _p("应急救援专员", ("SK-RESCUE", 3), ("SK-FLOOD", 3)),
        _p("安全生产监管员", ("SK-SAFETY", 3)),
        _p("防灾减灾专员", ("SK-FLOOD", 3)),
    ), (("SK-FIREPREV", 0.3),), seasons=((6, 9),)),
    DeptTemplate("MZJ", "民政局", _CD, (12, 20), (
        _p("局长", ("SK-DIBAO", 4), lead=True),
        _p("社会救助专员", ("SK-DIBAO", 3)),
        _p("养老服务专员", ("SK-ELDER", 3)),
        _p("基层政权建设专员", ("SK-GRID", 3)),
    ), (("SK-DATA", 0.2),)),
    DeptTemplate("ZRZYJ", "自然资源和规划局", _CD, (15, 25), (
        _p("局长", ("SK-RURALPLAN", 4), lead=True),
        _p("村庄规划专员", ("SK-RURALPLAN", 3)),
        _p("耕地保护专员", ("SK-LANDRIGHT", 3)),
        _p("林业技术员", ("SK-AFFOREST", 3), ("SK-FIREPREV", 3)),
    ), (("SK-HOMESTEAD", 0.3),)),
    DeptTemplate("WJJ", "卫生健康局", _CD, (12, 20), (
        _p("局长", ("SK-PUBHEALTH", 4), lead=True),
        _p("疾控专员", ("SK-PUBHEALTH", 3)),
        _p("基层卫生指导员", ("SK-PUBHEALTH", 2), ("SK-ELDER", 2)),
    ), (("SK-RESCUE", 0.15),)),
    DeptTemplate("SWJ", "商务局", _CD, (8, 14), (
        _p("局长", ("SK-ECOMOPS", 4), lead=True),
        _p("电商发展专员", ("SK-ECOMOPS", 3), ("SK-LIVE", 2)),
        _p("农村物流专员", ("SK-LOGIS", 3)),
    ), (("SK-PROJ", 0.3),)),
    DeptTemplate("CZJ", "财政局", _CD, (12, 20), (
        _p("局长", ("SK-ACCT", 4), lead=True),
        _p("预算管理员", ("SK-ACCT", 3)),
        _p("农业农村财务专员", ("SK-VILLFIN", 3), ("SK-PROJ", 2)),
    ), (("SK-DATA", 0.3),)),
)

_TO = "TOWNSHIP_OFFICE"
_TI = "TOWNSHIP_INSTITUTION"
TOWNSHIP_UNITS: tuple[DeptTemplate, ...] = (
    DeptTemplate("DZB", "党政办", _TO, (3, 6), (
        _p("党政办主任", ("SK-OFFICE", 3), ("SK-PARTYB", 3), lead=True),
        _p("文秘", ("SK-OFFICE", 3)),
        _p("信息统计员", ("SK-DATA", 3), ("SK-OFFICE", 2)),
    ), (("SK-PETITION", 0.2),)),
    DeptTemplate("DJB", "党建办", _TO, (2, 4), (
        _p("党建办主任", ("SK-PARTYB", 4), lead=True),
        _p("组织委员助理", ("SK-PARTYB", 3), ("SK-PARTYEDU", 2)),
        _p("党员教育专干", ("SK-PARTYEDU", 3)),
    ), (("SK-MOBILIZE", 0.2),)),
    DeptTemplate("ZONGZHI", "综治办", _TO, (3, 6), (
        _p("综治办主任", ("SK-MEDIATE", 4), ("SK-GRID", 3), lead=True),
        _p("矛盾调解员", ("SK-MEDIATE", 3)),
        _p("网格管理员", ("SK-GRID", 3)),
        _p("信访接待员", ("SK-PETITION", 3)),
    ), (("SK-LAWPUB", 0.25),)),
    DeptTemplate("JJB", "经济发展办", _TO, (3, 5), (
        _p("经济发展办主任", ("SK-PROJ", 4), lead=True),
        _p("项目申报专员", ("SK-PROJ", 3)),
        _p("电商与招商专员", ("SK-ECOMOPS", 3)),
    ), (("SK-LIVE", 0.2), ("SK-PROJEXEC", 0.2))),
    DeptTemplate("YJB", "应急管理办", _TO, (2, 4), (
        _p("应急管理办主任", ("SK-RESCUE", 3), ("SK-FLOOD", 3), lead=True),
        _p("应急值守员", ("SK-RESCUE", 2)),
        _p("安全生产检查员", ("SK-SAFETY", 3)),
    ), (("SK-FIREPREV", 0.3), ("SK-DYKE", 0.2)), seasons=((6, 9),)),
    DeptTemplate("CJB", "村镇建设办", _TO, (2, 5), (
        _p("村镇建设办主任", ("SK-RURALPLAN", 4), lead=True),
        _p("规划建设员", ("SK-RURALPLAN", 3)),
        _p("宅基地管理员", ("SK-HOMESTEAD", 3)),
    ), (("SK-PROJEXEC", 0.25),)),
    DeptTemplate("NYFW", "农业服务中心", _TI, (4, 8), (
        _p("农业服务中心主任", (LOCAL_CROP, 4), ("SK-PROJ", 2), lead=True),
        _p("农技员", (LOCAL_CROP, 3), ("SK-SOIL", 2)),
        _p("作物栽培技术员", (LOCAL_CROP, 3)),
        _p("植保员", ("SK-PEST", 3)),
        _p("畜牧兽医员", ("SK-EPIDEMIC", 3), ("SK-LIVESTOCK", 2)),
        _p("农机员", ("SK-AGMACH", 3)),
    ), (("SK-RICE", 0.3), ("SK-ECOMOPS", 0.15)), seasons=((3, 5), (7, 8))),
    DeptTemplate("SHSW", "社会事务服务中心", _TI, (4, 7), (
        _p("社会事务服务中心主任", ("SK-DIBAO", 4), lead=True),
        _p("社会救助专员", ("SK-DIBAO", 3)),
        _p("社保经办员", ("SK-PENSION", 3)),
        _p("就业服务员", ("SK-EMPLOY", 3)),
        _p("养老服务员", ("SK-ELDER", 3)),
    ), (("SK-PUBHEALTH", 0.15), ("SK-OFFICE", 0.3)), seasons=((1, 12),)),
    DeptTemplate("SLZ", "水利站", _TI, (2, 5), (
        _p("水利站站长", ("SK-FLOOD", 4), ("SK-DYKE", 3), lead=True),
        _p("水利技术员", ("SK-IRRIG", 3), ("SK-FLOOD", 2)),
        _p("防汛巡查员", ("SK-DYKE", 3), ("SK-FLOOD", 3)),
    ), (("SK-RESCUE", 0.3),), seasons=((6, 9),)),
    DeptTemplate("LYZ", "林业站", _TI, (2, 4), (
        _p("林业站站长", ("SK-FIREPREV", 4), lead=True),
        _p("护林防火员", ("SK-FIREPREV", 3)),
        _p("造林技术员", ("SK-AFFOREST", 3)),
    ), (("SK-ECO", 0.2),), seasons=((3, 4), (10, 12))),
    DeptTemplate("NJZ", "农经站", _TI, (2, 4), (
        _p("农经站站长", ("SK-AGECON", 4), lead=True),
        _p("农经员", ("SK-AGECON", 3), ("SK-LANDRIGHT", 2)),
        _p("集体资产管理员", ("SK-COLLECT", 3), ("SK-VILLFIN", 2)),
    ), (("SK-ACCT", 0.3),), seasons=((1, 12),)),
    DeptTemplate("CZS", "财政所", _TI, (3, 5), (
        _p("财政所所长", ("SK-ACCT", 4), lead=True),
        _p("会计", ("SK-ACCT", 3)),
        _p("村级财务指导员", ("SK-VILLFIN", 3)),
    ), (("SK-DATA", 0.3),), seasons=((1, 12),)),
)

# Every village has one committee (村两委). Its posts are filled in this order, so the
# secretary, mediator, bookkeeper and women's chair always exist; the rest are group leaders.
VILLAGE_COMMITTEE = DeptTemplate("CWH", "两委", "VILLAGE_COMMITTEE", (5, 7), (
    _p("村党组织书记、村委会主任", ("SK-PARTYB", 3), ("SK-MEDIATE", 3), lead=True),
    _p("村委委员（治保调解）", ("SK-MEDIATE", 3), ("SK-GRID", 2)),
    _p("村报账员", ("SK-VILLFIN", 2), ("SK-OFFICE", 1)),
    _p("村妇联主席", ("SK-MOBILIZE", 2), ("SK-ELDER", 2)),
    _p("村党组织副书记", ("SK-PARTYB", 2), ("SK-MOBILIZE", 3)),
    _p("村应急队长", ("SK-FLOOD", 2), ("SK-DYKE", 2)),
    _p("村民小组长", ("SK-MOBILIZE", 3)),
), (
    (LOCAL_CROP, 0.5), ("SK-FLOOD", 0.35), ("SK-MEDIATE", 0.3), ("SK-MOBILIZE", 0.3),
    ("SK-LIVESTOCK", 0.15), ("SK-OFFICE", 0.2), ("SK-PETITION", 0.15),
))

# Side skills any township or county employee may have picked up (flood duty is all-hands).
STAFF_EXTRAS: tuple[tuple[str, float], ...] = (
    ("SK-FLOOD", 0.15), ("SK-PARTYB", 0.15), ("SK-OFFICE", 0.15), ("SK-PROJ", 0.08),
    ("SK-RESCUE", 0.08), ("SK-MEDIATE", 0.06),
)
# fmt: on
