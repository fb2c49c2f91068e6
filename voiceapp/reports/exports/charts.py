"""Server-side SVG charts from published figures: greyscale with hatching, each with a text alternative."""
import io
import re

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen before pyplot loads)
from matplotlib.ticker import MaxNLocator  # noqa: E402

STYLE = {"svg.fonttype": "none", "svg.hashsalt": "voiceapp-report", "font.family": "DejaVu Sans",
         "font.size": 9, "axes.edgecolor": "#333333", "hatch.color": "#000000"}
NOW = {"color": "#555555", "hatch": "/", "edgecolor": "black"}
BEFORE = {"color": "#e0e0e0", "edgecolor": "black"}


_ID = re.compile(r'\bid="([^"]+)"')


def _own_ids(svg, prefix):
    """Give every id in one chart the chart's own prefix: matplotlib numbers ids (patch_1, text_2, a hatch's
    hash) the same way in every chart, and one document holding several charts must not define an id twice."""
    for name in set(_ID.findall(svg)):
        svg = re.sub(rf'(id="|#){re.escape(name)}(?=[")])', rf"\g<1>{prefix}-{name}", svg)
    return svg


_STYLE = re.compile(r'\sstyle="([^"]*)"')


def _as_attributes(match):
    pairs = (part.split(":", 1) for part in match.group(1).split(";") if ":" in part)
    return "".join(f' {name.strip()}="{value.strip()}"' for name, value in pairs)


def _presentation_attributes(svg):
    """matplotlib styles SVG with style="fill: ...; stroke: ..."; inline in HTML, WeasyPrint reads those
    as HTML CSS and warns about every one (about 300 a report). As presentation attributes (fill="...")
    they mean the same to every SVG reader and nothing is ignored."""
    return _STYLE.sub(_as_attributes, svg)


def _svg(figure, title, description, prefix):
    out = io.StringIO()
    with plt.rc_context(STYLE):  # text stays text (searchable, and small) only if saved under the same style
        figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None, "Title": title})
    plt.close(figure)
    svg = re.sub(r"<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*|<metadata>.*?</metadata>\s*", "", out.getvalue(), flags=re.S)
    svg = _presentation_attributes(_own_ids(svg, prefix))
    # role="img" with <title>/<desc> lets screen readers announce the chart; the table beside it has the data.
    return svg.replace("<svg ", '<svg role="img" aria-label="' + _attr(title) + '" ', 1).replace(
        ">", f"><title>{_text(title)}</title><desc>{_text(description)}</desc>", 1)


def _attr(text):
    return _text(text).replace('"', "&quot;")


def _text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(text, width=48):
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _top(*series, floor=1):
    """The axis end: a little past the largest figure shown, and never less than `floor`, so an axis of
    nothing but zeros and withheld figures still runs from 0 to a whole number instead of -0.04 to 0.04."""
    shown = [v for values in series if values for v in values if v is not None]
    return max([floor, *shown]) * 1.12


def _bars(labels, now, before, *, title, xlabel, legend, value_format="{:g}", top=None, integer=True):
    """Horizontal paired bars from zero; a withheld figure is drawn as no bar with a "c" beside it."""
    top = top or _top(now, before)
    with plt.rc_context(STYLE):
        height = max(1.8, 0.55 * len(labels) + 1.0)
        figure, axes = plt.subplots(figsize=(7.2, height))
        positions = range(len(labels))
        for offset, values, style, name in ((-0.2, now, NOW, legend[0]), (0.2, before, BEFORE, legend[1])):
            if values is None:
                continue
            ys = [p + offset for p in positions]
            axes.barh(ys, [v or 0 for v in values], height=0.38, label=name, **style)
            for y, v in zip(ys, values):
                axes.text((v or 0) + top * 0.01, y, "c" if v is None else value_format.format(v), va="center",
                          fontsize=8)
        axes.set_xlim(0, top)
        if integer:
            axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_yticks(list(positions), [_short(label) for label in labels])
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        axes.set_title(title, loc="left", fontsize=10)
        axes.legend(loc="lower right", fontsize=8, frameon=False)
        axes.spines[["top", "right"]].set_visible(False)
        return figure


def promise_chart(promises):
    """Kept share by promise, this period against the last."""
    rated = [p for p in promises if p["n"]["value"] != 0]
    if not rated:
        return None
    labels = [p["text"] for p in rated]
    now = [p["shares"]["kept"]["value"] for p in rated]
    before = [p["previous"]["kept_share"]["value"] for p in rated]
    figure = _bars(labels, now, before, title="Promise kept, by promise (%)", xlabel="% of young people",
                   legend=("This period", "Last period"), value_format="{:.0f}%", top=110, integer=False)
    return _svg(figure, "Promise kept, by promise", "Share of young people who said each promise was kept, "
                "this period and last; c means the figure is withheld to protect identities. "
                "The table below gives every figure.", "promises")


def themes_chart(themes):
    labels = [t["short_title"] for t in themes]
    figure = _bars(labels, [t["mentions"]["value"] for t in themes], [t["previous_mentions"]["value"] for t in themes],
                   title="Themes raised by young people", xlabel="Times raised", legend=("This period", "Last period"))
    return _svg(figure, "Themes raised by young people", "How often each of the six priorities was raised, "
                "this period and last, ranked; c means the figure is withheld to protect identities. "
                "The table below gives every figure.", "themes")


def response_chart(tellus):
    parts = (("on_time", "On time", NOW), ("late", "Late", BEFORE), ("not_yet_due", "Not yet due",
                                                                         {"color": "white", "hatch": "xx",
                                                                          "edgecolor": "black"}))
    rows = (("acknowledged", "Acknowledged"), ("answered", "Answered"))
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.2, 1.9))
        widest = 0
        for y, (key, _) in enumerate(rows):
            left = 0
            for part, name, style in parts:
                value = tellus[key]["cells"][part]["value"] or 0
                axes.barh(y, value, left=left, height=0.5, label=name if y == 0 else None, **style)
                left += value
            widest = max(widest, left)
        axes.set_xlim(0, max(widest, 1) * 1.05)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_yticks(range(len(rows)), [name for _, name in rows])
        axes.invert_yaxis()
        axes.set_xlabel("Messages (withheld counts are left out)")
        axes.set_title("Tell Us, We Care: answered in time", loc="left", fontsize=10)
        axes.legend(loc="lower right", fontsize=8, frameon=False, ncols=3)
        axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, "Tell Us, We Care: answered in time", "Messages acknowledged and answered on time, late or "
                "not yet due; the table below gives every figure, including median and 90th percentile times.",
                "responses")


def all_charts(report):
    return {"promises": promise_chart(report["promises"]), "themes": themes_chart(report["themes"]),
            "responses": response_chart(report["tellus"])}
