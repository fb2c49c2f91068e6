"""Who may do what, by role: the role sets the API and the staff pages both read, so a page opens to exactly
whom its API opens."""
from voiceapp.auth.models import Role

# Safeguarding alerts: taken on, acted on and closed by senior leaders and the voice and influence team.
DUTY = (Role.SENIOR_LEADER, Role.VOICE_OFFICER)
# Tell Us, We Care casework: those two, and priority leads for messages of their theme or given to them.
CASEWORK = (Role.SENIOR_LEADER, Role.VOICE_OFFICER, Role.PRIORITY_LEAD)
# Who sees every message (a priority lead sees their theme's and their own).
EVERY_MESSAGE = (Role.SENIOR_LEADER, Role.VOICE_OFFICER)
