"""The page foundation's blueprint, which assets, layout and views add their routes and hooks to."""
from flask import Blueprint

bp = Blueprint("pages", __name__)
