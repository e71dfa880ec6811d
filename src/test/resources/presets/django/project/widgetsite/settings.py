# Test fixture: the connection comes only from DATABASE_URL
# (postgres://user:password@host:port/dbname?libpq_option=value, or postgresql://).
import os
from urllib.parse import parse_qsl, unquote, urlsplit

_url = urlsplit(os.environ["DATABASE_URL"])
if _url.scheme not in ("postgres", "postgresql"):
    raise ValueError("DATABASE_URL must start with postgres:// or postgresql://")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(_url.path.lstrip("/")),
        "USER": unquote(_url.username or ""),
        "PASSWORD": unquote(_url.password or ""),
        "HOST": _url.hostname or "",
        "PORT": str(_url.port or ""),
        "OPTIONS": dict(parse_qsl(_url.query)),
    }
}

SECRET_KEY = "fixture-only-not-secret"
INSTALLED_APPS = ["widgets"]
USE_TZ = True
