"""Settings for a developer's machine: debug on unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: F403

# Static files come straight from the apps (WhiteNoise's finders) until `collectstatic` runs in production.
STATIC_ROOT = None
