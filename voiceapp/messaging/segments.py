"""SMS length arithmetic: GSM-7 or UCS-2 encoding, and how many segments Twilio will bill and send."""
from dataclasses import dataclass

# GSM 03.38 default alphabet, in code order 0x00-0x7F, without 0x1B (ESC, which introduces the extension table).
# 0x24 is the currency sign ¤, not $ ($ is 0x02), and 0x09 is the capital Ç of the standard.
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each is sent as ESC plus one septet, so it costs 2.
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")
_GSM_ALL = GSM_BASIC | GSM_EXTENSION

GSM7 = "GSM-7"
UCS2 = "UCS-2"

# (units in one lone segment, units per segment once concatenated): the rest of each part is the UDH header.
_LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}
_PIECE_SLACK = 3  # units a network-split piece may fall short of a full part


@dataclass(frozen=True)
class Measure:
    encoding: str   # "GSM-7" or "UCS-2"
    units: int      # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int


def encoding(text: str) -> str:
    """GSM-7 when every character is in the GSM basic or extension table, otherwise UCS-2 for the whole message."""
    return GSM7 if all(ch in _GSM_ALL for ch in text) else UCS2


def _costs(text: str, enc: str) -> list[int]:
    # Each character's size in units; a unit of 2 is indivisible (ESC pair, or a UTF-16 surrogate pair).
    if enc == GSM7:
        return [2 if ch in GSM_EXTENSION else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def _pack(costs: list[int], per_part: int) -> list[int]:
    # Parts are filled greedily; a 2-unit character that would straddle a boundary moves to the next part whole.
    parts = [0]
    for cost in costs:
        if parts[-1] + cost > per_part:
            parts.append(0)
        parts[-1] += cost
    return parts


def _count_segments(costs: list[int], single: int, per_part: int) -> int:
    total = sum(costs)
    if total <= single:
        return 1 if total else 0
    return len(_pack(costs, per_part))


def measure(text: str) -> Measure:
    """Encoding, size in units and segment count (GSM-7 160/153, UCS-2 70/67; empty text is 0 segments)."""
    enc = encoding(text)
    costs = _costs(text, enc)
    return Measure(enc, sum(costs), _count_segments(costs, *_LIMITS[enc]))


def segments(text: str) -> int:
    """The number of SMS segments the text is sent as, never splitting an escape or surrogate pair."""
    return measure(text).segments


def fits_one_segment(text: str) -> bool:
    """True when the text goes as a single segment (at most 160 GSM-7 septets or 70 UCS-2 units)."""
    return measure(text).segments <= 1


def filled_a_part(text: str) -> bool:
    """True when the text is about one concatenated part long or more (153 GSM-7 / 67 UCS-2, less 3): a piece."""
    # A long text the network failed to join arrives as separate full-length pieces seconds apart. Pieces do not
    # always end on the exact boundary (a pair moved to the next part, a GSM-only piece of a UCS-2 text), so
    # length with a little slack is the test, in the piece's own encoding.
    result = measure(text)
    return result.units >= _LIMITS[result.encoding][1] - _PIECE_SLACK
