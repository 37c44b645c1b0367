"""One Settings object, read once at the edge (CLI or web app) and passed in.

Every field can be overridden by an environment variable MARSAD_<FIELD> (upper case),
then by command-line flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from marsad.store.db import DEFAULT_DB


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    # A page whose extraction runs longer than this is rejected (pathological HTML).
    max_page_seconds: float = 20.0
    # A page whose article text has fewer Arabic-script letters than this share is not Arabic.
    min_arabic_ratio: float = 0.3
    # Articles shorter than this many characters are fragments, not articles.
    min_article_chars: int = 80

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Settings:
        environ = dict(os.environ if environ is None else environ)
        values = {}
        for spec in fields(cls):
            raw = environ.get(f"MARSAD_{spec.name.upper()}")
            if raw is not None:
                values[spec.name] = type(getattr(cls, spec.name))(raw)
        settings = cls(**values)
        given = {key: value for key, value in overrides.items() if value is not None}
        return replace(settings, **given)
