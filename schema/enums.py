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


@strawberry.enum(description="职级: a cadre's rank, lowest first; 科级 covers 副科级 and 正科级.")
class Rank(Enum):
    BELOW_SECTION = strawberry.enum_value("BELOW_SECTION", description="科级以下")
    DEPUTY_SECTION = strawberry.enum_value("DEPUTY_SECTION", description="副科级")
    SECTION = strawberry.enum_value("SECTION", description="正科级")
    DEPUTY_DIVISION = strawberry.enum_value("DEPUTY_DIVISION", description="副处级")
    DIVISION_AND_ABOVE = strawberry.enum_value("DIVISION_AND_ABOVE", description="正处级及以上")


@strawberry.enum(description="The level of a sending unit (派出单位) of work-team cadres.")
class SendingLevel(Enum):
    PROVINCE = strawberry.enum_value("PROVINCE", description="省级: belongs to no county")
    CITY = strawberry.enum_value("CITY", description="市级: belongs to no county")
    COUNTY = strawberry.enum_value("COUNTY", description="县级: a department in a county")
    TOWNSHIP = strawberry.enum_value("TOWNSHIP", description="乡镇级: a unit in a township")
