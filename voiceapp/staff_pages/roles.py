"""Who each set of staff pages is for: the same role sets as the API routes doing the same jobs."""
from voiceapp.auth.models import Role
from voiceapp.auth.roles import CASEWORK, DUTY  # noqa: F401  (alerts and Tell Us messages, as the API)

EVERY_ROLE = tuple(Role)
ASSIGNERS = (Role.SENIOR_LEADER, Role.VOICE_OFFICER)
ADMINS = (Role.VOICE_OFFICER,)                                        # the service's administrators
QUOTE_EDITORS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER)
ACTION_WRITERS = (Role.VOICE_OFFICER, Role.PRIORITY_LEAD)
ACTION_READERS = (*ACTION_WRITERS, Role.SENIOR_LEADER, Role.BOARD_MEMBER)
REPORT_READERS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER, Role.BOARD_MEMBER)
SURVEY_READERS = CASEWORK
COUNCIL_LINKERS = (Role.VOICE_OFFICER, Role.PRIORITY_LEAD)            # link actions to council priorities
COUNCIL_READERS = (*COUNCIL_LINKERS, Role.SENIOR_LEADER, Role.BOARD_MEMBER)
MEETING_WRITERS = (Role.VOICE_OFFICER, Role.SENIOR_LEADER)
MEETING_READERS = (*MEETING_WRITERS, Role.PRIORITY_LEAD, Role.BOARD_MEMBER)
