"""The report API's blueprint, which each module of reports/api adds its routes to."""
from flask_smorest import Blueprint

blp = Blueprint("reports", __name__, url_prefix="/api/v1", description="The Voice and Influence report")
