"""The Chinese of the importer's and the command line's messages (导入与命令行): English template →
Chinese template, the same `{fields}`; part of the one catalogue (model/catalogue.py).

Pure data: every layer may import it.
"""

from __future__ import annotations

# The kinds of things an unknown reference names, as a roster calls them (单位, not 部门).
_KINDS: dict[str, str] = {
    "county": "县", "township": "乡镇", "village": "村", "department": "单位", "skill": "技能",
    "person": "人员", "post": "岗位", "need": "需求", "team": "队伍", "task": "任务",
    "selection": "选岗",
}  # fmt: skip


def _unknown() -> dict[str, str]:
    found: dict[str, str] = {"unknown {kind} '{ref}'": "{kind}“{ref}”不存在"}
    for kind, chinese in _KINDS.items():
        found[f"unknown {kind} '{{ref}}'"] = f"{chinese}“{{ref}}”不存在"
        found[f"unknown {kind} '{{ref}}'; did you mean '{{guess}}'?"] = (
            f"{chinese}“{{ref}}”不存在，是否指“{{guess}}”？"
        )
        found[f"unknown {kind} '{{ref}}'; did you mean '{{guess}}' (id {{ident}})?"] = (
            f"{chinese}“{{ref}}”不存在，是否指“{{guess}}”（编号 {{ident}}）？"
        )
    return found


# Checks of single values (importing/fields.py) and of rows (importing/document.py).
_VALUES: dict[str, str] = {
    "a list": "列表",
    "none": "无",
    "an object": "对象",
    "expected a string, got {value}": "应为文本，实际是 {value}",
    "must not be empty": "不能为空",
    "must be at most {most} characters, got {length}": "最多 {most} 个字符，实际有 {length} 个",
    "unknown value {value}; expected one of {expected}":
        "值 {value} 无效，应为以下之一：{expected}",
    "must be a year from {low} to {high}, got {value}":
        "应为 {low} 到 {high} 之间的年份，实际是 {value}",
    "must be a whole number of at least 0, got {value}": "应为不小于 0 的整数，实际是 {value}",
    "must be a positive number, got {value}": "应为正数，实际是 {value}",
    "must be a number from {low} to {high}, got {value}":
        "应为 {low} 到 {high} 之间的数，实际是 {value}",
    "not a date 'YYYY-MM-DD': {value}": "不是日期（应如 2024-03-01）：{value}",
    "not a date-time such as '2025-07-01T08:00:00Z' or a date 'YYYY-MM-DD': {value}":
        "不是时间（如 2025-07-01T08:00:00Z）或日期（如 2024-03-01）：{value}",
    "{value} has no time zone; add 'Z' (UTC) or an offset such as '+08:00'":
        "{value} 没有时区；请加上 Z（UTC）或时差，如 +08:00",
    "not a quarter 'YYYYQn' (n from 1 to 4), such as '2025Q3': {value}":
        "不是季度（YYYYQn，n 为 1 到 4，如 2025Q3）：{value}",
    "must be an integer from 0 to 100, got {value}": "应为 0 到 100 之间的整数，实际是 {value}",
    "expected an object, got {value}": "应为对象，实际是 {value}",
    "unknown field; expected one of {fields}": "未知字段，应为以下之一：{fields}",
    "required, got null": "必填，不能为 null",
    "missing required field": "缺少必填项",
    "expected a list, got {value}": "应为列表，实际是 {value}",
    "must list at least one {what}": "至少要有一个{what}",
    "until {until} is before since {since}": "结束日期 {until} 早于开始日期 {since}",
    "malformed JSON at line {line}, column {column}: {reason}":
        "JSON 格式错误，位于第 {line} 行第 {column} 列：{reason}",
    "JSON nested too deep": "JSON 嵌套层数过多",
    "must be a count (a whole number) or a share from 0 to 1, got {value}":
        "应为人数（整数）或 0 到 1 之间的比例，实际是 {value}",
    "must be a half year like 2026H1 or 2026H2, got {value}":
        "应为半年度，如 2026H1 或 2026H2，实际是 {value}",
    "{joined} is less than {years} years after birthYear {birth}":
        "参加工作年份 {joined} 距出生年份 {birth} 不足 {years} 年",
    "is given without a department": "填写了到单位日期，但没有填写单位",
    "{law} is more than the quota {quota}": "{law} 超过了编制数 {quota}",
    "a person cannot mentor themselves": "师傅和徒弟不能是同一个人",
    "a {level} department belongs to no county; got {given}":
        "{level} 层级的单位不属于任何县，却填写了 {given}",
    "needs exactly one of county, township, village; got {got}":
        "县、乡镇、村须且只能填写一项，实际填写了 {got}",
    "a {level} department cannot be in a {parent}": "{level} 层级的单位不能属于 {parent}",
    "duplicate skill '{skill}' (first at {first})": "技能“{skill}”重复（首次出现在 {first}）",
    "expected a JSON object with sections, got {value}":
        "应为包含各部分的 JSON 对象，实际是 {value}",
    "unknown section; expected one of {sections}": "未知的部分，应为以下之一：{sections}",
    "duplicate id '{ident}' (first at {first})": "编号“{ident}”重复（首次出现在 {first}）",
    "duplicate of {first} (same {same})": "与 {first} 重复（{same} 相同）",
    "no first-secretary or work-team term of person '{person}' in village '{village}' "
    "starting {since}":
        "人员“{person}”在村“{village}”没有从 {since} 开始的第一书记或工作队任期",
    "cycle {cycle}": "上级技能形成循环：{cycle}",
    "leads into an existing cycle {cycle}": "上级技能连到已有的循环：{cycle}",
    "too large to write in one go ({rows} rows): the database ran out of transaction memory and"
    " wrote nothing; import it in parts (for example one county per document), or have the"
    " administrator give Neo4j more heap (TOWNGRAPH_NEO4J_HEAP). Server said: {reason}":
        "数据太多，无法一次写入（{rows} 行）：数据库的事务内存不足，什么都没有写入；请分批导入"
        "（例如每个文件一个县），或请管理员给 Neo4j 更多内存（TOWNGRAPH_NEO4J_HEAP）。"
        "服务器的回答：{reason}",
    "the first load into the empty database stopped at batch {batch} of {batches} ({reason});"
    " the database has been emptied again, so nothing of the document remains. Fix the cause"
    " and import the document again.":
        "向空数据库的首次导入在第 {batch} 批（共 {batches} 批）中断（{reason}）；数据库已重新清空，"
        "文件中的数据都没有留下。请排除原因后重新导入。",
    "the first load into the empty database stopped at batch {batch} of {batches} ({reason}),"
    " and emptying the database again failed too ({why}): it holds part of the document. The"
    " next import empties it before it starts.":
        "向空数据库的首次导入在第 {batch} 批（共 {batches} 批）中断（{reason}），重新清空数据库也"
        "失败了（{why}）：数据库中留有部分数据。下一次导入开始前会先将其清空。",
}  # fmt: skip

# Files that cannot be read (importing/files.py, importing/workbook.py): one sentence each.
_FILES: dict[str, str] = {
    "{file}: no such file.": "{file}：文件不存在。",
    "{file}: is a directory, not a file.": "{file}：这是一个文件夹，不是文件。",
    "{file}: permission denied.": "{file}：没有读取权限。",
    "{file}: cannot read ({reason}).": "{file}：无法读取（{reason}）。",
    "{file}: starts with a {mark} byte-order mark but has invalid bytes at offset {offset}; "
    "save it as UTF-8.":
        "{file}：文件以 {mark} 字节顺序标记开头，但第 {offset} 字节起内容无效；请另存为 UTF-8。",
    "{file}: the file seems to be {encoding}-encoded without a byte-order mark; save it as UTF-8.":
        "{file}：文件似乎是没有字节顺序标记的 {encoding} 编码；请另存为 UTF-8。",
    "{file}: contains NUL bytes: not a text file.": "{file}：文件含有 NUL 字节，不是文本文件。",
    "{file}: the file seems to be GBK/GB18030-encoded; save it as UTF-8.":
        "{file}：文件似乎是 GBK/GB18030 编码；请另存为 UTF-8。",
    "{file}: invalid UTF-8 at line {line}, byte offset {offset}; save it as UTF-8.":
        "{file}：第 {line} 行（第 {offset} 字节）不是有效的 UTF-8；请另存为 UTF-8。",
    "{file}: the file is empty.": "{file}：文件是空的。",
    "{file}: the workbook is password-protected; remove the password and save it as .xlsx.":
        "{file}：工作簿设有打开密码，无法读取；请取消密码后另存为 .xlsx。",
    "{file}: an Excel 97-2003 .xls file; save it as .xlsx.":
        "{file}：这是旧版 Excel 97-2003 .xls 格式；请另存为 .xlsx。",
    "{file}: this is {what}, not an .xlsx workbook; open it in Excel and save it as .xlsx.":
        "{file}：这是{what}，不是 Excel .xlsx 工作簿；请用 Excel 打开后另存为 .xlsx。",
    "{file}: this is {what}, not a roster; import a .xlsx, .csv or .json file.":
        "{file}：这是{what}，不是花名册；请导入 .xlsx、.csv 或 .json 文件。",
    "{file}: not an .xlsx workbook.": "{file}：不是 Excel .xlsx 工作簿。",
    "{file}: the workbook is damaged and cannot be read ({reason}).":
        "{file}：工作簿已损坏，无法读取（{reason}）。",
    "{file}: the encoding is neither UTF-8 nor GBK; save it as UTF-8.":
        "{file}：编码既不是 UTF-8 也不是 GBK，无法识别；请另存为 UTF-8。",
    "{file}: which section is it? Name the file people.csv or 人员.csv, or add a first line "
    "#section: people.":
        "{file}：不知道是花名册的哪一部分；文件名请用 people.csv 或 人员.csv，"
        "或在第一行写 #section: people。",
    "a PNG image": "PNG 图片", "a JPEG image": "JPEG 图片", "a GIF image": "GIF 图片",
    "a PDF document": "PDF 文档", "a RAR archive": "RAR 压缩包", "a 7z archive": "7z 压缩包",
    "a Word document": "Word 文档", "a PowerPoint presentation": "PowerPoint 演示文稿",
    "a zip archive": "zip 压缩包",
    "unknown column '{title}' (未知列); expected headers as in the template":
        "未知列“{title}”；列标题应与模板一致",
    "not a sheet of the roster; name it as in the template, e.g. '人员 people'":
        "不是花名册的工作表；请按模板命名，如“人员 people”",
}  # fmt: skip

# The command line (server/cli.py).
_COMMANDS: dict[str, str] = {
    "{count} problem(s); nothing was written.": "共 {count} 个问题；没有写入任何数据。",
    "nothing was written.": "没有写入任何数据。",
    "would import: {counts} in {seconds} s": "将导入：{counts}，用时 {seconds} 秒",
    "imported: {counts} in {seconds} s": "已导入：{counts}，用时 {seconds} 秒",
    "nodes created {nodes}, relationships created {relationships}, properties set {properties}":
        "新建节点 {nodes} 个，新建关系 {relationships} 条，设置属性 {properties} 个",
    "Neo4j at {address} cannot be reached ({reason}); check NEO4J_URI and that the server is "
    "running.":
        "无法连接 {address} 的 Neo4j 数据库（{reason}）；请检查 NEO4J_URI，并确认数据库已启动。",
    "Neo4j at {address} refused user '{user}' ({reason}); check NEO4J_PASSWORD or "
    "NEO4J_PASSWORD_FILE.":
        "{address} 的 Neo4j 数据库拒绝了用户“{user}”（{reason}）；"
        "请检查 NEO4J_PASSWORD 或 NEO4J_PASSWORD_FILE。",
    "{file}: the file name must end in .xlsx.": "{file}：文件名须以 .xlsx 结尾。",
    "{file}: no such directory.": "{file}：文件夹不存在。",
    "{file}: cannot write ({reason}).": "{file}：无法写入（{reason}）。",
    "wrote {file}": "已写入 {file}",
    "no county '{county}'.": "县“{county}”不存在。",
}  # fmt: skip

IMPORT_MESSAGES: dict[str, str] = {**_unknown(), **_VALUES, **_FILES, **_COMMANDS}
