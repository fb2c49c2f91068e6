"""The council area's blueprint, which each module of council_pages adds its routes to."""
from flask import Blueprint

bp = Blueprint("council", __name__, url_prefix="/council")
