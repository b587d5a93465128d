"""People's services to villages: the roles a person serves a village in, and which of them are
residential (驻村), keeping the person in the village and so off other duties on those days."""

from __future__ import annotations

# The role in which a person served a village (SERVED_IN.role).
SERVICE_ROLES = ("STATIONED", "LIAISON", "FIRST_SECRETARY", "TECHNICAL_SUPPORT", "WORK_TEAM")

# 驻村: 驻村蹲点, 第一书记, 驻村工作队员. A person holds at most one of these at a time, and is
# not free for the talent pool, a need or an emergency while holding one.
RESIDENTIAL_ROLES = ("STATIONED", "FIRST_SECRETARY", "WORK_TEAM")
