"""flowReport: the two-way flow of people between a township and its villages (双向流动), the number
that shows whether it goes both ways."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers import flow
from resolvers.flow import TownshipFlowRow
from schema.common import Info
from schema.place import Township


@strawberry.type(
    description="Township → village (驻村蹲点 and other services): services (SERVED_IN) started "
    "in the year in the township's villages by people whose department is a township office, "
    "township institution or county department."
)
class TownshipToVillage:
    people: int = strawberry.field(description="Distinct people.")
    services: int = strawberry.field(description="Services started.")


@strawberry.type(
    description="Village → township (到岗实训): trainings (TRAINED_AT) started in the year at the "
    "township's departments by people of its villages' committees (村两委)."
)
class VillageToTownship:
    people: int = strawberry.field(description="Distinct people.")
    trainings: int = strawberry.field(description="Trainings started.")


@strawberry.type(description="One township's flow of people in one year, both ways.")
class TownshipFlow:
    township: Township
    year: int
    township_to_village: TownshipToVillage
    village_to_township: VillageToTownship
    ratio: float | None = strawberry.field(
        description="villageToTownship.people ÷ townshipToVillage.people (4 decimals); null when "
        "nobody went township → village. Far below 1: the flow is one-way."
    )

    @classmethod
    def of(cls, row: TownshipFlowRow) -> TownshipFlow:
        return cls(
            township=Township.from_row(row.township),
            year=row.year,
            township_to_village=TownshipToVillage(
                people=row.down_people, services=row.down_services
            ),
            village_to_township=VillageToTownship(people=row.up_people, trainings=row.up_trainings),
            ratio=row.ratio,
        )


@strawberry.type
class FlowQuery:
    @strawberry.field(
        description="The two-way flow of people in a year (relationships whose `since` falls in "
        "it), per township by id: every township, or only townshipId."
    )
    async def flow_report(
        self,
        info: Info,
        year: Annotated[
            int,
            strawberry.argument(
                description="统计年份，按关系的开始日期计 (year, by the since of each relationship)"
            ),
        ],
        township_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="只看这个乡镇；不填则全部乡镇 (only this township; all when omitted)"
            ),
        ] = None,
    ) -> list[TownshipFlow]:
        rows = await flow.flow_report(
            info.context, year=year, township_id=str(township_id) if township_id else None
        )
        return [TownshipFlow.of(r) for r in rows]


QUERIES: tuple[type, ...] = (FlowQuery,)
MUTATIONS: tuple[type, ...] = ()
