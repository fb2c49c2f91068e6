"""GET /assets/<file>: the built GOV.UK Frontend styles, scripts, fonts and images, gzipped when asked.

`make install` builds them into voiceapp/static/build (npm's govuk-frontend and our Sass settings), so a
cheap phone downloads about 30 KB the first time and nothing after (the file names carry a version).
"""
from pathlib import Path

from flask import abort, request, send_from_directory

from voiceapp.pages import bp

BUILD = Path(__file__).resolve().parent.parent / "static" / "build"
COMPRESSIBLE = (".css", ".js", ".mjs", ".svg", ".json")
YEAR = 365 * 24 * 3600


def version():
    """Changes whenever the built stylesheet does, so browsers may keep assets for a year."""
    built = BUILD / "young.css"
    return str(int(built.stat().st_mtime)) if built.exists() else "0"


@bp.route("/assets/<path:filename>")
def asset(filename):
    gzipped = BUILD / (filename + ".gz")
    if (filename.endswith(COMPRESSIBLE) and "gzip" in request.headers.get("Accept-Encoding", "")
            and gzipped.is_file() and gzipped.resolve().is_relative_to(BUILD)):
        response = send_from_directory(BUILD, filename + ".gz", mimetype=_mimetype(filename))
        response.headers["Content-Encoding"] = "gzip"
    else:
        if not (BUILD / filename).is_file():
            abort(404)
        response = send_from_directory(BUILD, filename)
    response.headers["Vary"] = "Accept-Encoding"
    response.cache_control.public, response.cache_control.max_age = True, YEAR
    return response


def _mimetype(filename):
    return {".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript", ".svg": "image/svg+xml",
            ".json": "application/json"}[Path(filename).suffix]


asset.audience = ("anyone",)
