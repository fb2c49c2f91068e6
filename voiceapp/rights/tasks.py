"""The daily retention sweep: young people (rights/retention.py), then single records (rights/records.py)."""
import logging

from voiceapp.jobs import periodic
from voiceapp.rights import records, retention

log = logging.getLogger(__name__)


@periodic(24 * 60 * 60)
def delete_after_retention():
    """Safe to run late or twice: what has gone is not found again, and a hold is asked at each deletion."""
    run = retention.apply_retention()
    log.info("retention: %d young people deleted, %d held", len(run.deleted), len(run.held))
    for table in records.apply_record_retention().tables:
        log.info("retention: %s: %d rows deleted, %d held", table.table, table.deleted, table.held)
