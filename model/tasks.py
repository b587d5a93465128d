"""The task lifecycle (协同任务清单): statuses, the steps events record, which step may follow
which, who initiates, the roles on a task and the feedback rating.

INITIATED (任务发起) → CONSULTED (方案会商: recordPlan) → STAFFED (人力调配: assignPeople with
a LEAD) → SUPERVISING (过程督导: startSupervision with a SUPERVISOR; reportProgress) → CLOSED
(结果反馈: closeTask). cancelTask from any open status.

A severity-I emergency (一级/特别重大) is staffed at once: assignPeople is allowed while it is
INITIATED, and its plan may be recorded afterwards (while STAFFED or SUPERVISING, the status
unchanged, the CONSULTED event marked as recorded after staffing).
"""

from __future__ import annotations

TASK_KINDS = ("ROUTINE", "EMERGENCY")
# The main flow, in order; CANCELLED may end it from any open status.
MAIN_FLOW = ("INITIATED", "CONSULTED", "STAFFED", "SUPERVISING", "CLOSED")
CANCELLED = "CANCELLED"
TASK_STATUSES = (*MAIN_FLOW, CANCELLED)
OPEN_STATUSES = MAIN_FLOW[:-1]
# What a TaskEvent records: a lifecycle step, or a progress report between them.
PROGRESS = "PROGRESS"
TASK_STEPS = (*MAIN_FLOW[:-1], PROGRESS, MAIN_FLOW[-1], CANCELLED)

# Which side initiates a task (任务发起).
INITIATORS = ("VILLAGE", "TOWNSHIP")

TASK_ROLES = ("LEAD", "MEMBER", "SUPERVISOR")
# 专业人做专业事 concerns the people doing the work; a supervisor (督导) oversees it.
SKILLED_ROLES = ("LEAD", "MEMBER")
# Roles one person may not hold together on a task: the supervisor oversees the lead's work.
EXCLUSIVE_ROLES: dict[str, tuple[str, ...]] = {"LEAD": ("SUPERVISOR",), "SUPERVISOR": ("LEAD",)}

# The mutations that move a task on, per open status; CANCEL is allowed from each of them too.
FORWARD: dict[str, tuple[str, ...]] = {
    "INITIATED": ("recordPlan",),
    "CONSULTED": ("assignPeople",),
    "STAFFED": ("startSupervision", "assignPeople"),
    "SUPERVISING": ("reportProgress", "closeTask", "assignPeople"),
}
CANCEL = "cancelTask"

# The emergencies staffed before their plan (一级响应: people first, the plan recorded later).
STAFF_FIRST_SEVERITIES = ("I",)
# While a staff-first task is INITIATED, staffing comes first; the plan may follow later.
STAFF_FIRST_INITIATED = ("assignPeople", "recordPlan")
# The statuses in which a staff-first task that has no plan yet may still record it.
LATE_PLAN_STATUSES = ("STAFFED", "SUPERVISING")


def staff_first(kind: str, severity: str | None) -> bool:
    """Whether a task may be staffed before its plan is recorded (a severity-I emergency)."""
    return kind == "EMERGENCY" and severity in STAFF_FIRST_SEVERITIES


def next_steps(status: str, *, staffing_first: bool = False, planned: bool = True) -> list[str]:
    """The mutations allowed on a task in `status`, the main flow first. `staffing_first` (see
    `staff_first`) lets an INITIATED task be staffed and, while it has no plan (`planned`
    false), a STAFFED or SUPERVISING one record its plan."""
    forward = FORWARD.get(status)
    if forward is None:
        return []
    if staffing_first and status == "INITIATED":
        forward = STAFF_FIRST_INITIATED
    elif staffing_first and not planned and status in LATE_PLAN_STATUSES:
        forward = (*forward, "recordPlan")
    return [*forward, CANCEL]


def reached(status: str, step: str) -> bool:
    """Whether a task in `status` has been through `step` of the main flow (a CANCELLED task's
    history is not known from its status alone, so never)."""
    if status not in MAIN_FLOW or step not in MAIN_FLOW:
        return False
    return MAIN_FLOW.index(status) >= MAIN_FLOW.index(step)


# 结果反馈: the rating of a closed task.
MIN_RATING = 1
MAX_RATING = 5


# A task of the quarterly task list (协同任务清单) is due by the last day of its quarter
# (model.periods.quarter_end): closed by then it is on time; still open after it, overdue.
