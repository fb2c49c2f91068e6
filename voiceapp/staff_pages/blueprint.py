"""The staff pages' blueprint, which views.py adds its routes to."""
from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")
