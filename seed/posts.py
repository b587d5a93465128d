"""The demo posts' responsibility statements (岗位权责说明书) and their workload and difficulty.

Each post draws from a generator of its own, seeded by the post's id, so the statements never
move a draw of the county's other generators (people, histories, workflows stay as they were).
"""

from __future__ import annotations

import random
from typing import Any

# Integrity risks (廉政风险点) by the kind of unit that owns the post.
_RISKS: dict[str, tuple[str, ...]] = {
    "COUNTY_DEPARTMENT": ("行政执法自由裁量", "项目资金审批", "检查中收受好处", "信息泄露"),
    "TOWNSHIP_OFFICE": ("惠民资金发放", "公章使用管理", "工程项目验收", "优亲厚友"),
    "TOWNSHIP_INSTITUTION": ("补贴申报审核", "物资采购", "技术服务收费", "台账不实"),
    "VILLAGE_COMMITTEE": ("集体资产处置", "低保评定", "宅基地审批", "村务不公开"),
}
_KPIS = ("事项办结率不低于95%", "群众满意度不低于90%", "台账按月更新", "任务按期完成率不低于90%",
         "投诉按时回复率100%")  # fmt: skip
_SERVICES = ("受理群众咨询", "上门服务", "政策宣传", "台账登记", "协同任务承办")


def statement(
    pid: str, title: str, unit: str, kind: str, lead: bool, levels: int
) -> dict[str, Any]:
    """The statement fields of one post: `unit` its department's name, `levels` the sum of its
    required levels (harder posts require more)."""
    rng = random.Random(f"posts/{pid}")
    role = "负责人岗位，统筹本单位工作" if lead else "业务岗位，承办具体事项"
    return {
        "basics": f"{unit}{title}：{role}。",
        "serviceItems": [f"{title}日常事务", *rng.sample(_SERVICES, 2)],
        "integrityRisks": rng.sample(_RISKS[kind], 2),
        "kpis": rng.sample(_KPIS, 2),
        "workload": min(5, rng.randint(2, 4) + (1 if lead else 0)),
        "difficulty": max(1, min(5, round(levels / 3) + rng.randint(0, 1))),
    }
