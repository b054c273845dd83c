"""Settings shared by every environment. Machine-specific values come from environment.py."""

from django.utils.translation import gettext_lazy as _

from portal.settings import environment as env

BASE_DIR = env.BASE_DIR

INSTALLED_APPS = [
    "modeltranslation",
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "portal",
    "images",
    "news",
    "zones",
    "enterprises",
    "indicators",
    "documents",
    "exemplars",
    "reports",
    "newsroom",
    "search",
    "discovery",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_navigation",
            ],
        },
    },
]

DATABASES = {"default": env.database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtailadmin"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_LANGUAGES = ("vi", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("vi",), "vi": ()}
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
MODELTRANSLATION_CUSTOM_FIELDS = ("StreamField", "RichTextField")

STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env.CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env.CACHE_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
            "KEY_PREFIX": "iza",
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

WAGTAIL_SITE_NAME = "Ban Quản lý các KCN Bắc Ninh"
WAGTAILADMIN_BASE_URL = env.SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_USER_EDIT_FORM = None
WAGTAILIMAGES_IMAGE_MODEL = "images.PortalImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp", "bmp": "png"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt"]
# newsroom: documents must also look like what their extension says.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "newsroom.media_forms.SafeDocumentForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
DEMO_FACTS_DIR = env.DEMO_FACTS_DIR
ELASTICSEARCH_URL = env.ELASTICSEARCH_URL
ELASTICSEARCH_INDEX_PREFIX = env.ELASTICSEARCH_INDEX_PREFIX
# The archive search (search/): "elasticsearch" when a cluster is configured, else the
# embedded database backend. The database entries are kept either way as the fallback.
SEARCH_BACKEND = "elasticsearch" if env.ELASTICSEARCH_URL else "database"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "wagtailadmin_login"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
