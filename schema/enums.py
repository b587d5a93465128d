"""Enumerations of the graph model, with the Chinese term beside each value where it helps."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="乡 / 镇 / 街道: the kind of a township-level division.")
class TownshipKind(Enum):
    TOWN = "TOWN"
    TOWNSHIP = "TOWNSHIP"
    SUBDISTRICT = "SUBDISTRICT"


@strawberry.enum(
    description="特大 / 较大 / 一般: a township's class by area, population and economy."
)
class TownshipCategory(Enum):
    EXTRA_LARGE = "EXTRA_LARGE"
    LARGE = "LARGE"
    ORDINARY = "ORDINARY"


@strawberry.enum(description="What kind of unit a department is.")
class DepartmentKind(Enum):
    COUNTY_DEPARTMENT = strawberry.enum_value("COUNTY_DEPARTMENT", description="县直部门")
    TOWNSHIP_OFFICE = strawberry.enum_value("TOWNSHIP_OFFICE", description="乡镇内设机构")
    TOWNSHIP_INSTITUTION = strawberry.enum_value(
        "TOWNSHIP_INSTITUTION", description="乡镇事业单位 (农业服务中心, 水利站 …)"
    )
    VILLAGE_COMMITTEE = strawberry.enum_value("VILLAGE_COMMITTEE", description="村两委")


@strawberry.enum
class Gender(Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"


@strawberry.enum(description="政治面貌")
class PoliticalStatus(Enum):
    CPC_MEMBER = strawberry.enum_value("CPC_MEMBER", description="中共党员")
    CPC_PROBATIONARY = strawberry.enum_value("CPC_PROBATIONARY", description="中共预备党员")
    CYL_MEMBER = strawberry.enum_value("CYL_MEMBER", description="共青团员")
    OTHER_PARTY = strawberry.enum_value("OTHER_PARTY", description="民主党派")
    MASSES = strawberry.enum_value("MASSES", description="群众")


@strawberry.enum(description="The role in which a person served a village.")
class ServiceRole(Enum):
    STATIONED = strawberry.enum_value("STATIONED", description="驻村蹲点")
    LIAISON = strawberry.enum_value("LIAISON", description="包村联系")
    FIRST_SECRETARY = strawberry.enum_value("FIRST_SECRETARY", description="第一书记")
    TECHNICAL_SUPPORT = strawberry.enum_value("TECHNICAL_SUPPORT", description="技术支援")
    WORK_TEAM = strawberry.enum_value("WORK_TEAM", description="驻村工作队员")


@strawberry.enum(description="Whether a person must hold ANY or ALL of the requested skills.")
class SkillMatch(Enum):
    ANY = "ANY"
    ALL = "ALL"
