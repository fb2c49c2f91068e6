"""The young people's website's blueprint, which each module of young_people adds its routes to."""
from flask import Blueprint

bp = Blueprint("young", __name__)
