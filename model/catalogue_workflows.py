"""The Chinese of the messages of the county's workflows (工作流程): appointments (services,
dispatches, trainings, mentorships), the county's rules, assessments and work teams, and post
selections; English template → Chinese template, the same `{fields}`; part of the one catalogue
(model/catalogue.py).

Pure data: every layer may import it.
"""

from __future__ import annotations

WORKFLOW_MESSAGES: dict[str, str] = {
    # --- Appointments: services, dispatches, trainings, mentorships (resolvers/appointment.py)
    "from {since}, ongoing": "自{since}起，至今",
    "from {since} to {until}": "{since}至{until}",
    "has no department": "未隶属任何部门",
    "works in {departments}": "任职于{departments}",
    "{name} ({kind})": "{name}（{kind}）",
    "until {until} is before since {since}": "结束日期{until}早于开始日期{since}",
    "there is no {what} starting {since}": "没有自{since}开始的{what}",
    " (ended by {ended_by})": "（由{ended_by}结束）",
    "the {what} starting {since} already ended on {until}{by}": (
        "自{since}开始的{what}已于{until}结束{by}"
    ),
    "service of {who} in {where}": "{who}在{where}的驻村服务",
    "dispatch of {who} to {where}": "{who}到{where}的派驻",
    "training of {who} at {where}": "{who}在{where}的到岗实训",
    "{who} already has a service in {where} starting {since} ({role}, {same})": (
        "{who}在{where}已有自{since}开始的服务（{role}，{same}）"
    ),
    "{who} is already on residential duty ({role} in {village}, {other}), which overlaps a "
    "{new_role} service from {since}; one residential service (STATIONED, FIRST_SECRETARY, "
    "WORK_TEAM) at a time: end that one first": (
        "{who}已在{village}驻村（{role}，{other}），与自{since}起的{new_role}服务时间重叠；同一时间"
        "只能承担一项驻村服务（驻村蹲点、第一书记、驻村工作队员），请先结束原服务"
    ),
    "{who} {departments}; only staff of a county department (COUNTY_DEPARTMENT) are dispatched to "
    "townships (县属乡用)": "{who}{departments}；只有县直部门人员才能派驻乡镇（县属乡用）",
    "{who} already has a dispatch to {where} starting {since}": (
        "{who}已有自{since}起派驻{where}的记录"
    ),
    "{who} is already dispatched to {township} ({other}), which overlaps a dispatch from {since}; "
    "one dispatch at a time: end that one first": (
        "{who}已派驻{township}（{other}），与自{since}起的派驻时间重叠；同一时间只能派驻一处，请先"
        "结束原派驻"
    ),
    "{who} {departments}; training at a township post (到岗实训) is for village cadres "
    "(VILLAGE_COMMITTEE)": "{who}{departments}；乡镇岗位到岗实训只面向村干部（村两委）",
    "department of unknown kind": "类型不明的部门",
    "{where} is a {kind}; 到岗实训 is at a township office or institution ({kinds})": (
        "{where}是{kind}；到岗实训须在乡镇内设机构或事业单位（{kinds}）进行"
    ),
    "{who} already has a training at {where} starting {since}": (
        "{who}在{where}已有自{since}开始的到岗实训"
    ),
    "{who} is already training at {where} ({other}), which overlaps a training from {since}; end "
    "that one first": (
        "{who}已在{where}实训（{other}），与自{since}起的实训时间重叠，请先结束原实训"
    ),
    "{mentor} has no known joinedYear, so their years of service cannot be checked (a mentor "
    "needs at least {min_years})": (
        "{mentor}没有参加工作年份（joinedYear），无法核对工作年限（导师须工作满{min_years}年）"
    ),
    "{mentor} has {years} years of service in {year} (a mentor needs at least {min_years})": (
        "{mentor}截至{year}年工作{years}年（导师须工作满{min_years}年）"
    ),
    "required by their posts": "其岗位要求的技能",
    "their own skills": "其本人的技能",
    "{mentor} holds none of {mentee}'s target skills ({source}: {names}) at level "
    "{MIN_MENTOR_LEVEL} or above and above {mentee}'s level": (
        "{mentor}在{mentee}的目标技能（{source}：{names}）中，没有一项达到{MIN_MENTOR_LEVEL}级及以"
        "上且高于{mentee}的水平"
    ),
    "a person cannot mentor themselves": "导师与徒弟不能是同一人",
    "{mentor} already mentors {mentee} ({span}), which overlaps a mentorship from {since}": (
        "{mentor}已在带教{mentee}（{span}），与自{since}起的师徒结对时间重叠"
    ),
    "{mentor} already mentors 1 person (the limit is {limit})": (
        "{mentor}已带教1名徒弟（上限为{limit}名）"
    ),
    "{mentor} already mentors {active} people (the limit is {limit})": (
        "{mentor}已带教{active}名徒弟（上限为{limit}名）"
    ),
    "{mentor} has no ongoing mentorship of {mentee}": "{mentor}与{mentee}之间没有进行中的师徒结对",
    # --- Rules of the county (resolvers/rules.py, compliance.py)
    "{rule} rule, {rule_text}: {what}; allowed from {allowed}, or give override: {{reason}} to "
    "record an exception": (
        "不符合{rule}规定（{rule_text}）：{what}；自{allowed}起方可办理，或给出 override: "
        "{{reason}} 记录例外情况"
    ),
    "{who}'s department already adjusted its staff in {township} on {first} in {year}, so a "
    "change on {day} would be a second adjustment date": (
        "{who}所在部门{year}年已于{first}调整过派驻{township}的人员，{day}再作调整将是当年第二个调"
        "整日期"
    ),
    "the dispatch of {who} to {township} from {since} would end on {until}": (
        "{who}自{since}起派驻{township}，将于{until}结束"
    ),
    "ongoing": "至今",
    "until {until}": "至{until}",
    "{rule} rule, {rule_text}: {where} already has {person} as liaison (from {since}, {span}); "
    "end or replace that service first": (
        "不符合{rule}规定（{rule_text}）：{where}已有包村联系干部{person}（自{since}起，{span}），"
        "请先结束或更换该服务"
    ),
    "an override needs a reason": "例外情况须说明理由",
    "an override's reason has at most {limit} characters": "例外情况的理由最多{limit}个字符",
    "give either lawEnforcementCount or the share": (
        "执法人员数（lawEnforcementCount）与比例须且只须给出一项"
    ),
    "must be from 0 to the quota {quota}": "应在0至定额{quota}之间",
    "must be a share from 0 to 1": "比例应在0至1之间",
    "{name} is not a county department (COUNTY_DEPARTMENT); quotas are of county departments' "
    "dispatched staff (县属乡用)": "{name}不是县直部门；定额针对县直部门派驻乡镇的人员（县属乡用）",
    "a reminder batch names at least one department": "一批提醒至少要指定一个部门",
    # --- Assessments, nominations, excellence, work teams (resolvers/assessment.py, ...)
    "must be a score from {MIN_SCORE:g} to {MAX_SCORE:g}, got {score:g}": (
        "分数应在{MIN_SCORE:g}至{MAX_SCORE:g}之间，实际为{score:g}"
    ),
    "{name} already has a {side} {kind} evaluation for {year} ('{duplicate}')": (
        "{name}{year}年已有{side}的{kind}评价（“{duplicate}”）"
    ),
    "{name} is already nominated by the {side} for {year}": "{name}{year}年已由{side}提名",
    "{name} is not in county {county_id}": "{name}不属于县{county_id}",
    "the {side} picks of {year} are already recorded": "{year}年{side}的推荐人选已录入",
    "out of order: the department picks from the shortlist first": (
        "顺序有误：须先由派出部门从入围名单中推荐"
    ),
    "over quota: the {side} may pick {quota}, got {count}": (
        "超出名额：{side}最多推荐{quota}人，实际为{count}人"
    ),
    "{person} is not on the shortlist (top 40 %)": "{person}不在入围名单（前40%）中",
    "{person} is already picked by the department": "{person}已由派出部门推荐",
    "give each person picked once, at least one": "推荐人选至少一人，且每人只能列出一次",
    "{who} has no first-secretary or work-team term in {where} starting {since}": (
        "{who}在{where}没有自{since}开始的第一书记或驻村工作队任期"
    ),
    "{since} – {until}": "{since}至{until}",
    "{period} lies outside {who}'s term in {where} ({span})": (
        "{period}不在{who}在{where}的任期内（{span}）"
    ),
    "{who}'s term in {where} already has a review for {period} ('{duplicate}')": (
        "{who}在{where}的任期已有{period}的考评（“{duplicate}”）"
    ),
    "must be from {MIN_TERM_YEARS} to {MAX_TERM_YEARS}, got {term}": (
        "应为{MIN_TERM_YEARS}至{MAX_TERM_YEARS}年，实际为{term}"
    ),
    "must be from 0 to {MAX_HOURS} hours, got {value}": "应为0至{MAX_HOURS}小时，实际为{value}",
    "must be at most {MAX_COURSES} courses, got {count}": (
        "最多{MAX_COURSES}门课程，实际为{count}门"
    ),
    # --- Post selections: 选岗 (resolvers/selection.py)
    "post selection {selection_id} is {status}; no further step is allowed": (
        "选岗{selection_id}处于“{status}”阶段，不能再进行后续步骤"
    ),
    "post selection {selection_id} is {status}; the next step is {step}": (
        "选岗{selection_id}处于“{status}”阶段；下一步为{step}"
    ),
    "post selection {selection_id} is {status}; the next steps are {steps} or {last}": (
        "选岗{selection_id}处于“{status}”阶段；下一步可为{steps}或{last}"
    ),
    "offer at least one post": "请至少提供一个岗位",
    "post '{post_id}' is offered twice": "岗位“{post_id}”重复提供",
    "must be from 1 to {MAX_CAPACITY}, got {capacity}": "应为1至{MAX_CAPACITY}，实际为{capacity}",
    "a post selection with id '{id}' already exists": "编号为“{id}”的选岗已存在",
    "post '{post_id}' is not a post of the township or its county": (
        "岗位“{post_id}”不是该乡镇或其所在县的岗位"
    ),
    "name at least one post, first preference first": "请至少填报一个岗位，按志愿先后排列",
    "a post is listed twice": "有岗位重复填报",
    "applications closed on {deadline}": "报名已于{deadline}截止",
    "one person may apply for at most {limit} posts": "每人最多报名{limit}个岗位",
    "post '{post}' is not on offer in {selection_id}": (
        "岗位“{post}”不在选岗{selection_id}提供的岗位中"
    ),
    "a person is listed twice": "有人员重复列出",
    "post '{post_id}' is not on offer in {selection_id}": (
        "岗位“{post_id}”不在选岗{selection_id}提供的岗位中"
    ),
    "'{pid}' has not applied for post '{post_id}'": "“{pid}”未报名岗位“{post_id}”",
    "post '{post_id}' is not on offer": "岗位“{post_id}”不在本次选岗提供的岗位中",
    "'{person_id}' has not applied for '{post_id}'": "“{person_id}”未报名“{post_id}”",
    "'{person_id}' is appointed twice": "“{person_id}”被重复任用",
    "post '{post_id}' has {places} place(s)": "岗位“{post_id}”只有{places}个名额",
    "the notice period is from {since} to {until}": "公示期为{since}至{until}",
    "the notice period runs until {until}; wait for it": "公示期至{until}结束，请待公示期满",
}
