"""The Chinese names of the roster's sheets and columns (花名册), and the columns of each sheet.

Every name is defined once here; the columns themselves are derived from the import document's
FIELDS (importing/document.py), so a new field needs one line below: its Chinese name. A sheet
is named "<中文> <section>", a column "<中文> <field>" ("性别 gender"), so a clerk reads the
Chinese and the file still says exactly which field each column is. A nested object (a location)
spreads over one column per part ("纬度 lat", "经度 lon").

Pure vocabulary: no file format here (importing/workbook.py writes and reads the files).
"""

from __future__ import annotations

from dataclasses import dataclass

from importing.document import FIELDS
from importing.fields import Shape, shape_of

SHEET_NAMES: dict[str, str] = {
    "counties": "县", "townships": "乡镇", "villages": "村", "departments": "单位",
    "skills": "技能", "people": "人员", "posts": "岗位", "postHolders": "任职",
    "services": "驻村服务", "dispatches": "选派", "mentorships": "师徒结对", "quotas": "编制",
    "needs": "需求", "teams": "队伍", "teamMembers": "队伍成员", "trainings": "到岗实训",
    "tasks": "任务", "workTeamReviews": "履职评估", "evaluations": "考核",
    "formerEmployers": "原工作单位", "trainingPlans": "培训计划", "postSelections": "双向选岗",
}  # fmt: skip

# field → Chinese name, the same in every section unless _SECTION_FIELD_NAMES says otherwise.
FIELD_NAMES: dict[str, str] = {
    "id": "编号", "name": "名称", "county": "县", "township": "乡镇", "village": "村",
    "kind": "类型", "category": "类别", "population": "人口", "areaKm2": "面积(平方公里)",
    "lat": "纬度", "lon": "经度", "level": "层级", "broader": "上级技能", "aliases": "别名",
    "gender": "性别", "birthYear": "出生年份", "joinedYear": "参加工作年份",
    "department": "单位", "departmentSince": "到单位日期", "politicalStatus": "政治面貌",
    "education": "学历", "phone": "电话", "skills": "技能", "rank": "职级", "title": "名称",
    "requires": "所需技能", "basics": "基本情况", "serviceItems": "服务事项",
    "integrityRisks": "廉政风险点", "kpis": "考核指标", "workload": "工作量",
    "difficulty": "难度", "person": "人员", "post": "岗位", "since": "开始日期",
    "until": "结束日期", "role": "角色", "startOverride": "开始例外理由",
    "endOverride": "结束例外理由", "mentor": "师傅", "mentee": "徒弟", "year": "年度",
    "quota": "编制数", "lawEnforcement": "执法岗位", "quarter": "季度", "urgency": "紧急程度",
    "status": "状态", "createdAt": "创建时间", "createdBy": "创建人", "domain": "领域",
    "team": "队伍", "severity": "事件等级", "initiatedBy": "发起层级", "plan": "方案",
    "progress": "进度(%)", "outcome": "结果", "rating": "评价", "lessons": "经验教训",
    "cancelReason": "取消理由", "staffingDeadline": "调配期限", "staffedAt": "调配时间",
    "addresses": "对应需求", "assignments": "人员安排", "events": "过程记录",
    "termSince": "任期开始日期", "period": "半年度", "organisationDept": "组织部门评分",
    "townshipCommittee": "乡镇党委评分", "villagersReps": "村民代表评分",
    "thirdParty": "第三方评分", "comment": "评语", "side": "评价方", "score": "分数",
    "partyEducationHours": "党性教育学时", "professionalHours": "专业学时",
    "partyEducationDone": "党性教育已完成", "professionalDone": "专业已完成",
    "courses": "课程", "deadline": "报名截止日期", "announcedOn": "公告日期",
    "maxApplications": "每人最多报名岗位数", "posts": "岗位及名额", "applications": "报名",
    "rankings": "乡镇排序", "decision": "集体决定", "decidedOn": "决定日期",
    "publishedOn": "公示日期", "days": "公示天数", "objections": "异议",
}  # fmt: skip
_SECTION_FIELD_NAMES: dict[tuple[str, str], str] = {
    ("people", "name"): "姓名",
    ("people", "department"): "工作单位",
    ("departments", "level"): "派出层级",
    ("tasks", "title"): "任务名称",
    ("needs", "title"): "需求名称",
    ("teams", "kind"): "队伍类型",
    ("teamMembers", "role"): "职务",
}


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the field it fills (and the part, for a nested object)."""

    field: str
    part: str | None
    shape: Shape
    required: bool

    @property
    def code(self) -> str:
        """The code the header shows: the part of a nested object, else the field."""
        return self.part or self.field

    def header(self, section: str) -> str:
        name = _SECTION_FIELD_NAMES.get((section, self.code)) or FIELD_NAMES[self.code]
        return f"{'*' if self.required else ''}{name} {self.code}"

    def name(self, section: str) -> str:
        """The Chinese name alone, as problems name the column."""
        return self.header(section).lstrip("*").rsplit(" ", 1)[0]


def sheet_name(section: str) -> str:
    """The sheet's name, "人员 people": at most 31 characters, as Excel allows."""
    return f"{SHEET_NAMES[section]} {section}"


def columns(section: str) -> list[Column]:
    """The section's columns in the order of its FIELDS."""
    found: list[Column] = []
    for field, (check, required) in FIELDS[section].items():
        shape = shape_of(check)
        if shape.kind == "nested" and shape.fields:
            found += [
                Column(field, part, shape_of(sub), required and sub_required)
                for part, (sub, sub_required) in shape.fields.items()
            ]
        else:
            found.append(Column(field, None, shape, required))
    return found


def section_of(name: str) -> str | None:
    """The section a sheet or file is named for: "人员 people", "people" or "人员"."""
    for word in (name.strip(), *name.split()):
        if word in FIELDS:
            return word
        for section, chinese in SHEET_NAMES.items():
            if word == chinese:
                return section
    return None
