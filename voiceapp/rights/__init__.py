"""A young person's data rights: download everything we hold, and erase it (UK GDPR Arts 15 and 17)."""
