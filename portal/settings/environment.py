"""Every setting that differs between machines is read here, and only here."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = env_str(name)
    return int(value) if value else default


SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
CACHE_URL = env_str("CACHE_URL")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "bacninh-iza")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
EMAIL_URL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
RATE_LIMITS_ENABLED = env_bool("RATE_LIMITS_ENABLED", True)
BACKUP_DIR = env_str("BACKUP_DIR", str(BASE_DIR / "backups"))
RECYCLEBIN_RETENTION_DAYS = env_int("RECYCLEBIN_RETENTION_DAYS", 30)


def database_config():
    config = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Writers take the lock when their transaction starts and wait up to 20 s for it,
        # instead of failing at once with "database is locked" under concurrent requests.
        config.setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    return config


def cache_config(cache_url):
    """Local memory by default; Redis when CACHE_URL is set, degrading to no cache if it fails.

    `IGNORE_EXCEPTIONS` makes every cache call a miss while Redis is down, and the short
    socket timeouts keep a dead Redis from holding up requests.
    """
    if not cache_url:
        return {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "renditions": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "renditions",
            },
        }
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": cache_url,
            "OPTIONS": options,
            "KEY_PREFIX": "iza",
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": cache_url,
            "OPTIONS": options,
            "KEY_PREFIX": "iza-renditions",
            "TIMEOUT": 7 * 24 * 3600,
        },
    }
