"""Sphinx configuration: MyST pages, furo, and the API from the docstrings."""

import diplotext

project = "diplotext"
author = "The diplotext authors"
copyright = "2026, The diplotext authors"
release = diplotext.__version__
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"diplotext {release}"

autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpick_ignore_regex = [
    # Standard-library and attrs types in signatures: no pages here to link to.
    (r"py:.*", r"(datetime|dt|collections\.abc|typing|threading|attrs|enum)\..*"),
    (r"py:.*", r"(Any|Callable|Iterable|Iterator|Mapping|NoneType)"),
    # The type variable of Gazetteer.cached.
    (r"py:class", r"(diplotext\.\w+\.)?T"),
    # Named in the Gazetteer docstring, not yet written: remove once it is.
    (r"py:meth", r"country"),
]


def setup(app: object) -> None:
    """Document (and link) the public names where users import them from.

    They live in private modules: ``diplotext.Meeting``, not
    ``diplotext._model.Meeting``. Done here rather than on import, so that
    pytest's import of this file (for doctests) changes nothing.
    """
    for name in diplotext.__all__:
        obj = getattr(diplotext, name)
        if getattr(obj, "__module__", "").startswith("diplotext."):
            obj.__module__ = "diplotext"
