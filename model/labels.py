"""The Chinese labels of every enumeration a clerk fills in (花名册): for each code the label a
report shows first, then the other words clerks write for it (驻村 for 驻村蹲点, 党员 for 中共党员).
The importer accepts any of them where the code is expected (importing/fields.enum) and keeps the
code; nothing else reads labels as values.

Labels are per vocabulary: the same code means different things in different fields (TOWNSHIP is
乡 as a township's kind, 乡镇 as an assessing side, 乡镇级 as a sending level).

Pure vocabulary: every layer may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

Labels = Mapping[str, tuple[str, ...]]  # code → (display label, other accepted words …)


def _labels(**codes: tuple[str, ...]) -> Labels:
    return MappingProxyType(codes)


GENDER = _labels(MALE=("男", "男性"), FEMALE=("女", "女性"))
POLITICAL_STATUS = _labels(
    CPC_MEMBER=("中共党员", "党员", "中国共产党党员"),
    CPC_PROBATIONARY=("中共预备党员", "预备党员"),
    CYL_MEMBER=("共青团员", "团员"),
    OTHER_PARTY=("民主党派", "民主党派成员"),
    MASSES=("群众",),
)
SERVICE_ROLE = _labels(
    STATIONED=("驻村蹲点", "驻村", "蹲点"),
    LIAISON=("包村联系", "包村", "联系村"),
    FIRST_SECRETARY=("第一书记", "驻村第一书记"),
    TECHNICAL_SUPPORT=("技术支援", "技术指导"),
    WORK_TEAM=("驻村工作队员", "工作队员", "驻村工作队"),
)
TOWNSHIP_KIND = _labels(TOWN=("镇",), TOWNSHIP=("乡",), SUBDISTRICT=("街道", "街道办事处"))
TOWNSHIP_CATEGORY = _labels(EXTRA_LARGE=("特大", "特大镇"), LARGE=("较大",), ORDINARY=("一般",))
DEPARTMENT_KIND = _labels(
    COUNTY_DEPARTMENT=("县直部门", "县级部门"),
    TOWNSHIP_OFFICE=("乡镇内设机构", "内设机构"),
    TOWNSHIP_INSTITUTION=("乡镇事业单位", "事业单位", "站所"),
    VILLAGE_COMMITTEE=("村两委", "村委会", "村委"),
)
SENDING_LEVEL = _labels(
    PROVINCE=("省级", "省"), CITY=("市级", "市"), COUNTY=("县级", "县"), TOWNSHIP=("乡镇级",)
)
RANK = _labels(
    BELOW_SECTION=("科级以下",),
    DEPUTY_SECTION=("副科级", "副科"),
    SECTION=("正科级", "正科"),
    DEPUTY_DIVISION=("副处级", "副处"),
    DIVISION_AND_ABOVE=("正处级及以上", "正处级", "正处"),
)
EVALUATION_KIND = _labels(
    POLITICAL=("政治忠诚度", "政治忠诚"),
    DILIGENCE=("勤勉敬业度", "勤勉敬业"),
    COMPETENCE=("岗位胜任度", "岗位胜任"),
    INITIATIVE=("担当争先度", "担当争先"),
    INTEGRITY=("廉洁自律度", "廉洁自律"),
    DEMOCRATIC=("年终民主测评", "民主测评"),
)
SIDE = _labels(TOWNSHIP=("乡镇", "乡镇（街道）"), DEPARTMENT=("派出部门", "部门"))
TASK_ROLE = _labels(
    LEAD=("负责人", "牵头人"), MEMBER=("成员", "参与人"), SUPERVISOR=("督导", "督导人")
)
TASK_STEP = _labels(
    INITIATED=("任务发起", "发起"),
    CONSULTED=("方案会商", "会商"),
    STAFFED=("人力调配", "调配"),
    SUPERVISING=("过程督导", "督导"),
    PROGRESS=("进度报告", "进度"),
    CLOSED=("结果反馈", "办结"),
    CANCELLED=("已取消", "取消"),
)
TASK_STATUS = _labels(
    INITIATED=("任务发起", "已发起"),
    CONSULTED=("方案会商", "已会商"),
    STAFFED=("人力调配", "已调配"),
    SUPERVISING=("过程督导", "督导中"),
    CLOSED=("已办结", "办结"),
    CANCELLED=("已取消", "取消"),
)
TASK_KIND = _labels(ROUTINE=("常规", "日常"), EMERGENCY=("突发事件", "应急", "突发"))
SEVERITY = _labels(
    I=("特别重大", "一级", "Ⅰ级"), II=("重大", "二级", "Ⅱ级"), III=("较大", "三级", "Ⅲ级")
)
INITIATOR = _labels(VILLAGE=("村级", "村"), TOWNSHIP=("乡镇", "乡镇级"))
URGENCY = _labels(LOW=("一般", "低"), MEDIUM=("较急", "中"), HIGH=("紧急", "高"))
NEED_STATUS = _labels(OPEN=("待匹配", "未匹配"), MATCHED=("已匹配",), CLOSED=("已关闭", "已办结"))
TEAM_KIND = _labels(
    LEADING_GROUP=("领导小组",),
    WORKING_TEAM=("工作专班", "专班"),
    SPECIAL_GROUP=("专项工作组", "工作组"),
    EMERGENCY_TEAM=("应急队伍", "应急队"),
    VILLAGE_WORK_TEAM=("驻村工作队",),
)
# The role of an API caller (the token's `role` claim, model/access.py), for messages.
CALLER_ROLE = _labels(
    ADMIN=("系统管理员",),
    COUNTY=("县级用户",),
    TOWNSHIP=("乡镇用户",),
    VILLAGE=("村级用户",),
    VIEWER=("只读用户",),
)
SELECTION_STATUS = _labels(
    ANNOUNCED=("公告", "已公告"),
    APPLYING=("自主报名", "报名中"),
    RANKING=("双向选择", "排序中"),
    DECIDED=("集体研究决定", "已决定"),
    PUBLISHED=("公示", "公示中"),
    APPOINTED=("任职", "已任职"),
)


def label(labels: Labels, code: str) -> str:
    """The label a report shows for `code` (the code itself when it has none)."""
    found = labels.get(code)
    return found[0] if found else code


def accepted(labels: Labels) -> dict[str, str]:
    """Every word accepted for a code → the code (the codes themselves are accepted anyway)."""
    return {word: code for code, words in labels.items() for word in words}
