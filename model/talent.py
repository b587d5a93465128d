"""The talent pool's vocabulary (驻村干部专业人才库): the specialist types of seed 003 as named
skill sets, and the orders a pool can be ranked in.

A specialist type stands for the catalogue's root skills of its field (seed/catalog.py); with
narrower skills included (the default) a holder of any skill below them counts as well, so each
set names roots that do not contain one another.
"""

from __future__ import annotations

# 按需求类型分类施策: 农业产业型, 电商物流型, 边境治理型, 生态保护型.
SPECIALIST_TYPES: dict[str, tuple[str, ...]] = {
    # 农业技术 (crops, pests, soil, machinery), 畜牧兽医, 农经管理 (collective economy, land rights)
    "AGRICULTURAL_INDUSTRY": ("SK-AGRI", "SK-VET", "SK-AGECON"),
    # 电子商务 (online shops, live selling, rural logistics), 市场监管 (food safety, quality)
    "ECOMMERCE_LOGISTICS": ("SK-ECOM", "SK-MARKET"),
    # 基层治理 (grids, petitions, mobilising), 法律 (mediation, legal aid), 基层党建
    "BORDER_GOVERNANCE": ("SK-GOV", "SK-LAW", "SK-PARTYB"),
    # 生态环境 (pollution, monitoring), 林业 (fire prevention, afforestation)
    "ECOLOGICAL_PROTECTION": ("SK-ECO", "SK-FOREST"),
}
SPECIALIST_TYPE_NAMES: dict[str, str] = {
    "AGRICULTURAL_INDUSTRY": "农业产业型",
    "ECOMMERCE_LOGISTICS": "电商物流型",
    "BORDER_GOVERNANCE": "边境治理型",
    "ECOLOGICAL_PROTECTION": "生态保护型",
}

# Orders of the pool. MATCH is the documented one (matched skills desc, level sum desc, person
# id); the others break its ties by a real criterion before the id: NEAREST by the distance from
# the person's unit to the township (dispatched there: 0), LEAST_BUSY by the person's workload
# (open task assignments plus services active on the day).
TALENT_ORDERS = ("MATCH", "NEAREST", "LEAST_BUSY")
# The tie key of a person whose distance is not known (no located unit): after everyone else.
UNKNOWN_DISTANCE = 2**31 - 1
