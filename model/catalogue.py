"""The Chinese of every message template (消息目录): English template → Chinese template, the
same `{fields}`; the importer's and the command line's are in model/catalogue_import.py, the
appointments', rules', assessments' and post selections' in model/catalogue_workflows.py, the
candidates' reasons in model/catalogue_reasons.py.
model/messages.py renders them; tests/test_message_catalogue.py checks that every
template the code uses is here. Sections follow the layers that raise them.

Pure data: every layer may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from model.catalogue_import import IMPORT_MESSAGES
from model.catalogue_reasons import REASON_MESSAGES
from model.catalogue_workflows import WORKFLOW_MESSAGES

# The kinds of things a NotFound names ("no {what} with id …").
NOUNS: Mapping[str, str] = MappingProxyType({
    "county": "县", "township": "乡镇", "village": "村", "department": "部门", "person": "人员",
    "skill": "技能", "post": "岗位", "post selection": "选岗", "task": "任务", "need": "需求",
    "team": "团队", "task event": "任务记录", "selection event": "选岗记录",
    "acknowledgement": "到岗确认", "evaluation": "考核评价", "nomination": "提名",
    "excellence pick": "评优推荐", "training plan": "培训计划",
    "work team review": "驻村工作队考评",
})  # fmt: skip

_FRAMES: dict[str, str] = {
    "{field}: {reason}": "{field}：{reason}",
    "{field}: no {what} with id '{ident}'": "{field}：编号为“{ident}”的{what}不存在",
}

# What the API says (resolvers/, schema/): the reasons of BadInput, Forbidden and the others.
_API: dict[str, str] = {
    # --- Who may change what (resolvers/access.py, schema/access.py)
    "your unit '{unit}'": "本单位（“{unit}”）",
    "your county": "本县",
    "{field}: '{ident}' is outside {where}; you may not change it": (
        "{field}：“{ident}”不在{where}范围内，无权修改"
    ),
    "{name}: an unauthenticated caller may not call {name}": "{name}：未认证的调用者不能调用{name}",
    "{name}: role {role} may not call {name}": "{name}：{role}无权调用{name}",
    # --- Limits, variables and failures of a request (schema/)
    "'{operation}' exceeds maximum operation depth of {limit}": (
        "操作“{operation}”的嵌套深度超过上限{limit}层"
    ),
    "{count} aliases found. Allowed: {limit}": "使用了{count}个别名，上限为{limit}个",
    "Syntax Error: Document contains more than {limit} tokens. Parsing aborted.": (
        "语法错误：查询文档超过{limit}个词法单元，已停止解析。"
    ),
    "cost {cost} exceeds the limit {max_cost}; ask for fewer items or less nesting": (
        "查询开销{cost}超过上限{max_cost}，请减少条目数或嵌套层数"
    ),
    "Variable '${name}' has invalid value at '{name}{where}': {why}": (
        "变量“${name}”在“{name}{where}”处的值无效：{why}"
    ),
    "The graph database is unavailable right now; please try again shortly.": (
        "图数据库暂时无法访问，请稍后重试。"
    ),
    "Internal server error": "服务器内部错误",
    "{what} is nested too deeply": "{what} 嵌套过深",
    "{what} is nested more than {limit} levels deep": "{what} 嵌套超过{limit}层",
    "{what} is not valid JSON: {why}": "{what} 不是有效的 JSON：{why}",
    "the {name} parameter must be {kind}": "参数 {name} 应为{kind}",
    "a string": "字符串",
    "an object": "对象",
    'the body must be a JSON object such as {{"query": "…"}}': (
        '请求体应为 JSON 对象，如 {{"query": "…"}}'
    ),
    "no GraphQL query in the request": "请求中缺少 query 参数（GraphQL 查询）",
    "the body is not valid UTF-8 at byte {at}": "请求体第{at}字节处不是有效的 UTF-8",
    # --- Common checks of arguments (resolvers/checks.py, paging, lists)
    "must not be empty": "不能为空",
    "must be at most {limit} characters, got {count}": "最多{limit}个字符，实际为{count}个",
    "at most {MAX_TEXT} characters, got {count}": "最多{MAX_TEXT}个字符，实际为{count}个",
    "must not contain an empty item": "不能包含空项",
    "must be a level from {low} to {high}, got {value}": "等级应为{low}至{high}，实际为{value}",
    "must be an integer from {low} to {high}, got {value}": (
        "应为{low}至{high}的整数，实际为{value}"
    ),
    "must be a quarter like 2025Q3, got '{value}'": "应为季度，格式如 2025Q3，实际为“{value}”",
    "must be a quarter like 2026Q1, got '{value}'": "应为季度，格式如 2026Q1，实际为“{value}”",
    "must be a half year like 2026H1 or 2026H2, got {period!r}": (
        "应为半年度，格式如 2026H1 或 2026H2，实际为“{period}”"
    ),
    "must be a year from {MIN_YEAR} to {MAX_YEAR}, got {year}": (
        "应为{MIN_YEAR}至{MAX_YEAR}年之间的年份，实际为{year}"
    ),
    "must be an age from 0 to 120, got {value}": "年龄应在0至120之间，实际为{value}",
    "{min_age} is above maxAge {max_age}": "{min_age}大于最大年龄 maxAge（{max_age}）",
    "unknown skill {listed}": "技能{listed}不存在",
    "unknown skills {listed}": "技能{listed}不存在",
    "not a cursor this API issued": "不是本接口生成的游标",
    "{start} is after to {end}": "开始日期 {start} 晚于结束日期 to（{end}）",
    "{low} is after {other} {high}": "{low}晚于 {other}（{high}）",
    "must be a year from {low} to {high}, got {year}": (
        "应为{low}至{high}年之间的年份，实际为{year}"
    ),
    "give first or last, not both": "first 与 last 只能给出其一",
    "a cursor of another list ({got_kind}), not of {kind}": (
        "是其他列表（{got_kind}）的游标，不是{kind}的游标"
    ),
    "must be between 0 and {cap}, got {first}": "应在0至{cap}之间，实际为{first}",
    "must be between 0 and {MAX_FIRST}, got {value}": "应在0至{MAX_FIRST}之间，实际为{value}",
    "must be between 1 and {MAX_FIRST}, got {value}": "应在1至{MAX_FIRST}之间，实际为{value}",
    "must be between 1 and {MAX_RESULTS}, got {first}": "应在1至{MAX_RESULTS}之间，实际为{first}",
    "must be between 1 and {MAX_SKILLS}, got {first}": "应在1至{MAX_SKILLS}之间，实际为{first}",
    "must be between 1 and {MAX_FIT}, got {first}": "应在1至{MAX_FIT}之间，实际为{first}",
    "must be between 1 and {MAX_MENTOR_LIMIT}, got {limit}": (
        "应在1至{MAX_MENTOR_LIMIT}之间，实际为{limit}"
    ),
    "must be between 1 and {MAX_CANDIDATES}, got {value}": (
        "应在1至{MAX_CANDIDATES}之间，实际为{value}"
    ),
    "must be from 1 to {MAX_LINES}, got {first}": "应为1至{MAX_LINES}，实际为{first}",
    "must be from {MIN_RATING} to {MAX_RATING}, got {value}": (
        "应为{MIN_RATING}至{MAX_RATING}，实际为{value}"
    ),
    "must be from {MIN_RATING} to {MAX_RATING}, got {rating}": (
        "应为{MIN_RATING}至{MAX_RATING}，实际为{rating}"
    ),
    "must be at least 0, got {quota}": "不能小于0，实际为{quota}",
    "must be at least 1, got {shortfall}": "不能小于1，实际为{shortfall}",
    "must be at least 1, got {length}": "不能小于1，实际为{length}",
    "must not be before from ({since})": "不得早于起始日期 from（{since}）",
    "must not be before fromQuarter ({from_quarter})": (
        "不得早于起始季度 fromQuarter（{from_quarter}）"
    ),
    "must not be after to ({first} > {last})": "不得晚于结束日期 to（{first} > {last}）",
    "must not be before today ({today})": "不得早于今天（{today}）",
    "must be one of {kinds}, got {kind!r}": "应为{kinds}之一，实际为“{kind}”",
    "must be one of {sides}, got {side!r}": "应为{sides}之一，实际为“{side}”",
    "must be one of {ranks}, got {rank!r}": "应为{ranks}之一，实际为“{rank}”",
    "must be one of {orders}, got {order!r}": "应为{orders}之一，实际为“{order}”",
    "must be one of {severities}, got {severity!r}": "应为{severities}之一，实际为“{severity}”",
    "give exactly one of {given}": "{given} 中须且只须给出一项",
    "give exactly one of {first} and {second}": "{first} 与 {second} 须且只须给出一项",
    "give exactly one of departmentId and townshipId": (
        "departmentId 与 townshipId 须且只须给出一项"
    ),
    "give exactly one of townshipId and countyId": "townshipId 与 countyId 须且只须给出一项",
    "give exactly one of countyId and townshipId": "countyId 与 townshipId 须且只须给出一项",
    "'{i}' is listed twice": "“{i}”重复列出",
    "'{node_id}' is the id of a {kinds}; give kind": "“{node_id}”同时是{kinds}的编号，请给出 kind",
    "a {noun} with id '{node_id}' already exists": "编号为“{node_id}”的{noun}已存在",
    # --- Tasks (resolvers/task.py, acknowledgement.py, task_kpis.py)
    "the next step is {step}": "下一步为{step}",
    "the next steps are {steps} or {last}": "下一步可为{steps}或{last}",
    "task {task_id} is {status}; {steps} (or {cancel})": (
        "任务{task_id}处于“{status}”状态；{steps}（或{cancel}）"
    ),
    "task {task_id} is {status}; no further step is allowed": (
        "任务{task_id}处于“{status}”状态，不能再进行后续步骤"
    ),
    "give either villageId or townshipId (where the task is)": (
        "villageId 与 townshipId 须且只须给出一项（任务所在地）"
    ),
    "only an EMERGENCY task has a severity": "只有突发事件任务才有事件等级",
    "skill '{skill_id}' is listed twice": "技能“{skill_id}”重复列出",
    "a task with id '{id}' already exists": "编号为“{id}”的任务已存在",
    "name at least one person to assign": "请至少指定一名要调配的人员",
    "{person} is already assigned to task {task_id} as {role}": (
        "{person}已作为{role}调配到任务{task_id}"
    ),
    "{person} cannot be both {role} and {other} of task {task_id} (the supervisor oversees the "
    "lead's work)": "{person}不能同时担任任务{task_id}的{role}和{other}（督导人监督负责人的工作）",
    "'{person_id}' is listed twice as {role}": "“{person_id}”作为{role}重复列出",
    "task {task_id} has no SUPERVISOR; name the person responsible for supervision": (
        "任务{task_id}没有督导人，请指定负责督导的人员"
    ),
    "must be from 0 to 100, got {percent}": "应为0至100，实际为{percent}",
    "{percent} is below the task's progress {before}; progress does not go back unless it is a "
    "correction (give correctionReason)": (
        "{percent}低于任务当前进度{before}；进度不能回退，确属更正的请给出更正理由（"
        "correctionReason）"
    ),
    "must be from 0 to {MAX_ETA_MINUTES} minutes, got {eta_minutes}": (
        "应为0至{MAX_ETA_MINUTES}分钟，实际为{eta_minutes}"
    ),
    "task {task_id} is not an EMERGENCY; nothing to acknowledge": (
        "任务{task_id}不是突发事件任务，无需确认"
    ),
    "task {task_id} is {status}; it is over": "任务{task_id}处于“{status}”状态，已经结束",
    "person {person_id} is not on task {task_id}; assign them first (assignPeople)": (
        "人员{person_id}不在任务{task_id}中，请先调配（assignPeople）"
    ),
    "person {person_id} acknowledged task {task_id} already, at {at}": (
        "人员{person_id}已于{at}确认过任务{task_id}"
    ),
    # --- Needs, teams and matching (resolvers/need.py, team.py, matching.py, emergency.py, ...)
    "name at least one skill": "请至少指定一项技能",
    "name at least one skill the village needs": "请至少指定一项村里需要的技能",
    "name at least one skill, or leave skillIds out": "请至少指定一项技能，或不填 skillIds",
    "name at least one skill (or a specialistType)": (
        "请至少指定一项技能（或专业人才类型 specialistType）"
    ),
    "a need with id '{id}' already exists": "编号为“{id}”的需求已存在",
    "skill '{skill_id}' is already listed at skills[{index}]": (
        "技能“{skill_id}”已在 skills[{index}] 中列出"
    ),
    "need '{need_id}' is {status}; only an OPEN need can become a task": (
        "需求“{need_id}”处于“{status}”状态；只有待匹配的需求才能转为任务"
    ),
    "NEAREST orders by distance to a township: give townshipId": (
        "NEAREST 按到乡镇的距离排序，请给出 townshipId"
    ),
    "must be more than 0 and at most {MAX_RADIUS_KM:g} km, got {value:g}": (
        "应大于0且不超过{MAX_RADIUS_KM:g}公里，实际为{value:g}"
    ),
    "must be more than 0 and at most {MAX_BAND_KM:g} km, got {value:g}": (
        "应大于0且不超过{MAX_BAND_KM:g}公里，实际为{value:g}"
    ),
    "village '{village_id}' has no location, so distances to it cannot be measured; record its "
    "location first": "村“{village_id}”没有位置信息，无法计算距离，请先录入其位置",
    "give either townshipId or countyId (the team's unit)": (
        "townshipId 与 countyId 须且只须给出一项（团队所属单位）"
    ),
    "a team with id '{id}' already exists": "编号为“{id}”的团队已存在",
    "{person} is already a member of {team} ({role} since {since}{until})": (
        "{person}已是{team}的成员（{role}，自{since}起{until}）"
    ),
    " until {until}": "，至{until}",
    "{person} has no active membership of {team}": "{person}目前不是{team}的成员",
    "{end} is before the membership's start {since}": "{end}早于入队日期{since}",
    "name at least one mentee": "请至少指定一名徒弟",
    "at most {MAX_INTAKE} mentees at once, got {count}": (
        "一次最多{MAX_INTAKE}名徒弟，实际为{count}名"
    ),
    "name at least one pair": "请至少指定一对师徒",
    "at most {n} pairs at once": "一次最多{n}对师徒",
    "give either needId or taskId": "needId 与 taskId 须且只须给出一项",
    "give countyId or townshipIds": "请给出县（countyId）或乡镇（townshipIds）",
    "give countyId or townshipIds, not both": "县（countyId）与乡镇（townshipIds）只能给出一项",
    "name at least one township": "请至少指定一个乡镇",
    "at most {MAX_TOWNSHIPS} townships, got {count}": "最多{MAX_TOWNSHIPS}个乡镇，实际为{count}个",
    "name at least one kind of tie, or leave kinds out for all": (
        "请至少指定一种关系类型，或不填 kinds 以包括全部类型"
    ),
}

CATALOGUE: Mapping[str, str] = MappingProxyType(
    {**NOUNS, **_FRAMES, **_API, **WORKFLOW_MESSAGES, **REASON_MESSAGES, **IMPORT_MESSAGES}
)
