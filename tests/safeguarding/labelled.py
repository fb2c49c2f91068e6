"""The labelled messages the screener is measured on: the project's corpus, and the held-out set that no
lexicon rule was written from."""
import pathlib

import yaml

HERE = pathlib.Path(__file__).parent
FOLDERS = ("corpus", "heldout")


def path(folder, language):
    return HERE / folder / f"{language}.yaml"


def load(folder, language):
    """(risk [(category, text)], ordinary [text]) of one labelled file; empty when it does not exist."""
    if not path(folder, language).exists():
        return [], []
    data = yaml.safe_load(path(folder, language).read_text(encoding="utf-8"))
    risk = [(category, str(text)) for category, texts in data["risk"].items() for text in texts]
    return risk, [str(text) for text in data["ordinary"]]
