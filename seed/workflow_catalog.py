"""Word lists of the demo workflows: the needs villages raise (村级需求清单), the tasks townships
start by themselves, the emergencies of a flood or fire season, the special groups
(专项协同小组) by domain, and the texts clerks write at each step of a task (plans, progress
notes, feedback reports, reasons for cancelling).

Pure data, like `seed.catalog`; "@CROP" in a skill list stands for the township's main crop, and
"{crop}" in a title for its name.
"""

from __future__ import annotations

from dataclasses import dataclass

CROP_NAMES = {"SK-RICE": "水稻", "SK-TEA": "茶叶", "SK-VEG": "蔬菜", "SK-FRUIT": "果树"}
ALL_QUARTERS = (1, 2, 3, 4)


@dataclass(frozen=True)
class NeedTemplate:
    title: str
    domain: str
    skills: tuple[tuple[str, int], ...]  # (skill, level); the first is the need's core skill
    quarters: tuple[int, ...] = ALL_QUARTERS  # quarters of the year in which it is raised


# fmt: off
NEEDS: tuple[NeedTemplate, ...] = (
    NeedTemplate("{crop}病虫害防治技术指导", "农技", (("SK-PEST", 3), ("@CROP", 3)), (2, 3)),
    NeedTemplate("测土配方施肥推广", "农技", (("SK-SOIL", 3),), (1, 2, 4)),
    NeedTemplate("{crop}品种改良与栽培技术培训", "农技", (("@CROP", 4),), (1, 4)),
    NeedTemplate("农机作业调度与维修指导", "农技", (("SK-AGMACH", 3),), (2, 3, 4)),
    NeedTemplate("汛期堤坝巡查力量不足", "防汛", (("SK-DYKE", 3), ("SK-FLOOD", 3)), (2, 3)),
    NeedTemplate("山塘水库防汛预案修订", "防汛", (("SK-FLOOD", 4),), (1, 2)),
    NeedTemplate("农田灌溉渠道维修", "水利", (("SK-IRRIG", 3), ("SK-PROJEXEC", 2)), (1, 4)),
    NeedTemplate("电商直播带货培训", "电商", (("SK-LIVE", 3), ("SK-ECOMOPS", 3))),
    NeedTemplate("农产品网店运营指导", "电商", (("SK-ECOMOPS", 3),)),
    NeedTemplate("村级快递物流站点建设", "电商", (("SK-LOGIS", 3), ("SK-PROJ", 2))),
    NeedTemplate("低保政策核算", "社会救助", (("SK-DIBAO", 3),)),
    NeedTemplate("困难群众救助政策入户宣讲", "社会救助", (("SK-DIBAO", 2), ("SK-MOBILIZE", 2))),
    NeedTemplate("养老保险参保缴费指导", "社会保障", (("SK-PENSION", 3),), (1, 4)),
    NeedTemplate("居家养老服务站运营指导", "养老服务", (("SK-ELDER", 3),)),
    NeedTemplate("返乡人员就业技能培训对接", "就业服务", (("SK-EMPLOY", 3),), (1, 3)),
    NeedTemplate("土地承包经营权纠纷调解", "矛盾调解", (("SK-MEDIATE", 3), ("SK-LANDRIGHT", 3))),
    NeedTemplate("邻里宅基地纠纷化解", "矛盾调解", (("SK-MEDIATE", 3), ("SK-HOMESTEAD", 2))),
    NeedTemplate("法律援助进村服务", "法律服务", (("SK-LEGALAID", 3),)),
    NeedTemplate("村级财务规范化整理", "财务", (("SK-VILLFIN", 3), ("SK-ACCT", 3)), (1, 4)),
    NeedTemplate("集体资产清查登记", "财务", (("SK-COLLECT", 3),), (4,)),
    NeedTemplate("村庄规划编制指导", "规划建设", (("SK-RURALPLAN", 4),)),
    NeedTemplate("生活污水治理设施运维", "环境整治", (("SK-POLLUTION", 3),), (2, 3)),
    NeedTemplate("森林防火隐患排查", "森林防火", (("SK-FIREPREV", 3),), (1, 4)),
    NeedTemplate("生猪养殖动物防疫", "畜牧防疫", (("SK-EPIDEMIC", 3), ("SK-LIVESTOCK", 2))),
    NeedTemplate("项目申报材料编写", "项目建设", (("SK-PROJ", 3),), (1, 4)),
    NeedTemplate("农家乐食品安全指导", "食品安全", (("SK-FOODSAFE", 3),), (2, 3)),
    NeedTemplate("电子报表填报培训", "信息化", (("SK-OFFICE", 3), ("SK-DATA", 2))),
)

# Tasks a township starts on its own (initiatedBy TOWNSHIP, at the township, no need behind).
TOWNSHIP_TASKS: tuple[NeedTemplate, ...] = (
    NeedTemplate("汛前水利设施隐患排查", "防汛", (("SK-DYKE", 3), ("SK-FLOOD", 3))),
    NeedTemplate("低保对象年度复核", "社会救助", (("SK-DIBAO", 3),)),
    NeedTemplate("村级财务交叉检查", "财务", (("SK-VILLFIN", 3), ("SK-ACCT", 3))),
    NeedTemplate("森林防火专项检查", "森林防火", (("SK-FIREPREV", 3),)),
    NeedTemplate("矛盾纠纷集中排查化解", "矛盾调解", (("SK-MEDIATE", 3), ("SK-GRID", 2))),
    NeedTemplate("高标准农田建设项目申报", "项目建设", (("SK-PROJ", 3), ("SK-IRRIG", 2))),
    NeedTemplate("农村电商培训进村", "电商", (("SK-ECOMOPS", 3),)),
)

# Emergencies ("{village}" is the village's name), with the months in which they happen.
EMERGENCIES: tuple[tuple[str, str, tuple[tuple[str, int], ...], tuple[int, ...]], ...] = (
    ("{village}暴雨致堤坝管涌险情处置", "防汛", (("SK-FLOOD", 3), ("SK-DYKE", 3)), (6, 7, 8)),
    ("{village}山洪灾害群众转移安置", "防汛", (("SK-RESCUE", 3), ("SK-MOBILIZE", 3)), (6, 7, 8, 9)),
    ("{village}台风过境内涝排水抢险", "防汛", (("SK-FLOOD", 3), ("SK-RESCUE", 2)), (8, 9)),
    ("{village}山林火情扑救", "森林防火", (("SK-FIREPREV", 3), ("SK-RESCUE", 2)), (3, 4, 11)),
)
# Severity I is the gravest; how often each occurs among the demo emergencies.
SEVERITIES = (("I", 15), ("II", 45), ("III", 40))

# 专项协同小组: (code, domain, skills that qualify a member).
SPECIAL_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("FLOOD", "防汛", ("SK-FLOOD", "SK-DYKE")),
    ("AGRI", "农技", ("@CROP", "SK-PEST", "SK-SOIL")),
    ("ECOM", "电商", ("SK-ECOMOPS", "SK-LIVE", "SK-LOGIS")),
    ("MEDIATE", "矛盾调解", ("SK-MEDIATE", "SK-LEGALAID")),
    ("RELIEF", "社会救助", ("SK-DIBAO", "SK-PENSION", "SK-ELDER")),
)

PLANS = (
    "镇村联合会商：{domain}专项小组牵头，先入户摸底、再集中指导，分两阶段实施，预计{weeks}周完成",
    "会商确定由镇级专业人员与村两委结对推进，村里负责组织发动，镇里负责技术把关，{weeks}周内完成",
    "方案会商：明确任务清单和责任人，每周督导一次，{weeks}周后提交结果反馈报告",
)
PROGRESS_NOTES = (
    "完成入户摸底，建立问题台账", "组织集中培训一次，村民参与踊跃", "专业人员驻点现场指导",
    "问题整改过半，剩余事项已列出时间表", "阶段性检查通过，群众反映良好",
)
OUTCOMES = (
    "完成{title}，服务农户{n}户，村民满意度较高",
    "{title}按期完成，解决问题{m}项，形成长效工作机制",
    "{title}基本完成，覆盖{n}户，个别事项转入下季度需求清单",
)
LESSONS = (
    "村干部熟悉农户底数，先摸底再指导效率更高",
    "专业技术人员与村两委结对，问题解决更快，应常态化开展",
    "季节性需求应提前一个季度列入清单，避免集中扎堆",
    "镇级专业力量不足时，及时申请县直部门下沉支援",
    "过程督导每周一次、问题清单销号管理，效果明显",
)
CANCEL_REASONS = (
    "与县级专项行动合并实施，本任务撤销",
    "项目资金未落实，暂缓实施",
    "需求已由村两委自行解决，任务撤销",
    "上级政策调整，任务取消",
)
EMERGENCY_PLAN = "启动{severity}级响应：水利站技术人员与村应急队伍联合巡查处置，镇领导现场指挥"
EMERGENCY_NOTES = ("险情得到初步控制", "受威胁群众已全部转移", "现场处置完成，转入值守观察")
EMERGENCY_OUTCOMES = (
    "险情处置完毕，转移群众{n}人，无人员伤亡",
    "险情得到有效控制，抢修受损设施{m}处，无人员伤亡",
)
EMERGENCY_LESSONS = (
    "村应急队伍熟悉地形，先期处置为镇级力量到达赢得时间",
    "应急名册联系方式需每季度核对，个别队员电话已变更",
    "夜间险情人员集结偏慢，应落实分片值守",
)
# fmt: on
