"""The Chinese of the reasons sent with candidates (推荐理由): why a mentor (`mentorCandidates`,
`mentorAssignment`), a person for a need (`needMatches`) or a team member (`teamProposal`);
English template → Chinese template, the same `{fields}`; part of the one catalogue
(model/catalogue.py).

Pure data: every layer may import it.
"""

from __future__ import annotations

REASON_MESSAGES: dict[str, str] = {
    # --- a mentor (resolvers/matching.py, resolvers/assignment.py)
    "covers {skill} at level {level} (mentee: {mentee_level})": (
        "{skill}达到{level}级（徒弟：{mentee_level}）"
    ),
    "none": "无",
    "works in the mentee's township": "与徒弟在同一乡镇工作",
    "has no mentee yet": "目前没有带教徒弟",
    "has {active} of {max_mentees} mentee places taken": (
        "带教名额{max_mentees}个，已占用{active}个"
    ),
    "{years} years of public service": "工作年限{years}年",
    "a village cadre paired with township or county staff": "村干部与乡镇或县直人员结对",
    "township professional skill paired with a village cadre": "乡镇专业技术人员与村干部结对",
    "knows village governance first-hand (村两委)": "熟悉村级治理（村两委）",
    "served in 1 village (village experience)": "曾在1个村服务（有农村工作经验）",
    "served in {n} villages (village experience)": "曾在{n}个村服务（有农村工作经验）",
    "covers {count} of {targets} target skills": "覆盖{targets}项目标技能中的{count}项",
    "{level}-level mentor": "{level}级导师",
    " at {level} level": "{level}级",
    "no target skills: no skillIds, no posts requiring skills, no skills of their own": (
        "没有目标技能：未指定技能（skillIds），所在岗位无技能要求，本人也没有技能"
    ),
    "every eligible mentor{at} has their places taken by others of this intake": (
        "所有符合条件的{at}导师，其带教名额都已被本批其他徒弟占用"
    ),
    "no eligible mentor{at} you may see (level ≥ 3 and above the mentee in a target skill, "
    "enough years of service, a mentee place left)": (
        "您可查看的范围内没有符合条件的{at}导师（某项目标技能达到3级及以上且高于徒弟、"
        "工作年限足够、尚有带教名额）"
    ),
    # --- a person for a need, a member of a team (resolvers/need_match.py, assignment.py)
    "covers {count} of the {asked} required skills": "具备所需{asked}项技能中的{count}项",
    "covers {count} of the {asked} missing skills": "具备所缺{asked}项技能中的{count}项",
    "{skill} at level {level} (needed: {required})": "{skill}达到{level}级（需要：{required}级）",
    "covers {skill} at level {level} (required: {required})": (
        "{skill}达到{level}级（要求：{required}级）"
    ),
    "works elsewhere in the county, outside this township": "在本县其他乡镇工作，不在本乡镇",
    "free of residential village duty on {day}": "{day}没有驻村任务",
    "on residential village duty (驻村) on {day}": "{day}正在驻村",
    "has served {village} before": "曾在{village}服务",
}
