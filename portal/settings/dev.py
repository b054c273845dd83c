"""Local development: the embedded default (SQLite, local-memory cache, database search)."""

from portal.settings import environment as env
from portal.settings.base import *  # noqa: F403

DEBUG = env.env_bool("DEBUG", True)
SECRET_KEY = env.SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
