"""Production: refuses to start without a secret key and allowed hosts."""

from django.core.exceptions import ImproperlyConfigured

from portal.settings import environment as env
from portal.settings.base import *  # noqa: F403

if not env.SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
if not env.ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment (comma-separated).")

DEBUG = False
SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

if env.AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.AWS_S3_ENDPOINT_URL or None,
            "custom_domain": env.AWS_S3_CUSTOM_DOMAIN or None,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    if env.AWS_S3_CUSTOM_DOMAIN:
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(  # noqa: F405
            f"https://{env.AWS_S3_CUSTOM_DOMAIN}"
        )

if env.EMAIL_URL_HOST:
    EMAIL_HOST = env.EMAIL_URL_HOST
    EMAIL_PORT = env.EMAIL_PORT
    EMAIL_HOST_USER = env.EMAIL_HOST_USER
    EMAIL_HOST_PASSWORD = env.EMAIL_HOST_PASSWORD
    EMAIL_USE_TLS = True
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
