"""A disclosure split over several texts ("he said if i tell", then "anyone he will hurt me") read joined.

Each text is screened on its own as it is stored; when it raises nothing, it is read again after the texts
sent just before it, and an alert found that way is raised on the newest text with an `earlier_part` event
pointing at each earlier one, so the duty team reads the words whole and in order (alerts.source_text).
"""
from voiceapp.database import utcnow
from voiceapp.safeguarding import alerts
from voiceapp.safeguarding.models import AlertEvent, EventKind, Trigger
from voiceapp.safeguarding.screening import screen


def screen_parts(*, young_person_id, source_type, parts, language, channel):
    """Read the newest text after as few earlier ones as it takes to show a sign of risk (or, when the newest
    raised an alert alone, a kind of harm it did not show alone), going no further back than a text that
    already raised an alert. The one alert is the newest text's; returns it, or None.

    parts: (source_id, text, alerted) triples, oldest first, the newest last; alerted says whether an alert
    already holds that part (alerts.holds_source, read in the query that fetched the parts), so screening a
    text asks nothing more of the database unless there is an alert to add to."""
    *earlier, (newest_id, _, newest_alerted) = parts
    fresh = [*_since_last_alert(earlier), parts[-1]]
    alone = alerts.alert_for_source(source_type, newest_id) if newest_alerted else None
    known = set(alone.categories) if alone else set()
    for start in range(len(fresh) - 2, -1, -1):
        screening = screen(" ".join(text for _, text, _ in fresh[start:]), language)
        if screening.is_risk and not set(screening.categories) <= known:
            alert = alone or alerts.raise_alert(
                young_person_id=young_person_id, source_type=source_type, source_id=newest_id, channel=channel,
                trigger=Trigger.SCREENING, categories=screening.categories, language=language)
            _add_earlier(alert, source_type, fresh[start:-1], screening.categories)
            return alert
    return alone


def _since_last_alert(earlier):
    for index in range(len(earlier) - 1, -1, -1):
        if earlier[index][2]:
            return list(earlier[index + 1:])
    return list(earlier)


def _add_earlier(alert, source_type, earlier, categories):
    alert.categories = sorted(set(alert.categories) | set(categories))
    now = utcnow()
    for source_id, _, _ in earlier:
        alert.events.append(AlertEvent(kind=EventKind.EARLIER_PART, source_type=source_type, source_id=source_id,
                                       created_at=now))
