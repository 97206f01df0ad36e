"""How to cite a release: as text, BibTeX and CSL-JSON, from its version, its instant and its address."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.conf import settings


def citation_text(version: str, instant: datetime.datetime, address: str) -> str:
    about = settings.RELEASE_PACKAGE
    day = instant.astimezone(datetime.UTC)
    return (
        f"{about['author']} ({day.year}). {about['title']}, release {version} (the records as of {utc(day)}) "
        f"[Data set]. {address}"
    )


def citation_bibtex(version: str, instant: datetime.datetime, address: str) -> str:
    about = settings.RELEASE_PACKAGE
    day = instant.astimezone(datetime.UTC)
    entries = {
        "title": f"{{{about['title']}, release {version}}}",
        "author": f"{{{{{about['author']}}}}}",
        "year": f"{{{day.year}}}",
        "month": f"{{{day.month}}}",
        "version": f"{{{version}}}",
        "note": f"{{The records as of {utc(day)}; a Frictionless Data Package}}",
        "url": f"{{{address}}}",
    }
    body = ",\n".join(f"  {name} = {value}" for name, value in entries.items())
    return f"@misc{{{bibtex_key(version)},\n{body}\n}}\n"


def citation_csl(version: str, instant: datetime.datetime, address: str) -> list[dict[str, Any]]:
    about = settings.RELEASE_PACKAGE
    day = instant.astimezone(datetime.UTC)
    return [
        {
            "id": bibtex_key(version),
            "type": "dataset",
            "title": f"{about['title']}, release {version}",
            "author": [{"literal": about["author"]}],
            "issued": {"date-parts": [[day.year, day.month, day.day]]},
            "version": version,
            "medium": "Frictionless Data Package",
            "note": f"The records as of {utc(day)}",
            "URL": address,
        }
    ]


def citation_csl_json(version: str, instant: datetime.datetime, address: str) -> str:
    return json.dumps(citation_csl(version, instant, address), ensure_ascii=False, indent=2) + "\n"


def bibtex_key(version: str) -> str:
    return f"{settings.RELEASE_PACKAGE['name']}-{version}"


def utc(instant: datetime.datetime) -> str:
    return instant.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
