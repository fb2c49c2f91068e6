"""Channel: how words reached us (the website, a text or a phone call), shared by every layer.

The class keeps its name: the database stores it through enum_type(), whose CHECK constraint is named after it.
"""
import enum


class Channel(str, enum.Enum):
    WEB = "web"
    SMS = "sms"
    VOICE = "voice"
