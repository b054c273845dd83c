"""Settings shared by every environment. Machine-specific values come from environment.py."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from csp.constants import NONE, SELF, UNSAFE_INLINE

from portal.settings import environment as env

BASE_DIR = env.BASE_DIR

INSTALLED_APPS = [
    "modeltranslation",
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "portal",
    "accounts",
    "operations",
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
    "recyclebin",
    "discovery",
    "demo",
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
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

# Order matters: the headers middleware sit outside the page cache so cached answers get
# them too; ConditionalGet sits outside the page cache so cached pages answer 304s.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.ControlCharactersMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.middleware.PageCacheMiddleware",
    "portal.middleware.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "OPTIONS": {
            # Django's default loaders (cached, filesystem, app directories), with the app
            # directories loader translating a few strings in Wagtail's admin templates.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "portal.template_loaders.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_navigation",
                "portal.context_processors.content_version_key",
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

CACHES = env.cache_config(env.CACHE_URL)
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
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
ELASTICSEARCH_URL = env.ELASTICSEARCH_URL
ELASTICSEARCH_INDEX_PREFIX = env.ELASTICSEARCH_INDEX_PREFIX
# The archive search (search/): "elasticsearch" when a cluster is configured, else the
# embedded database backend. The database entries are kept either way as the fallback.
SEARCH_BACKEND = "elasticsearch" if env.ELASTICSEARCH_URL else "database"
# Items (pages, enterprises, documents, ...) per sitemap file (discovery.sitemaps). Each item is
# listed once per language it is published in, so a file holds at most twice as many <url>.
# At 1,000 a file takes about 0.25 s to build on the benchmark database (README, discovery).
SITEMAP_PAGE_SIZE = 1000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "wagtailadmin_login"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views allow same-origin framing themselves; everything else refuses.
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Hardening, caching and fault handling (issue 8; README "Hardening, speed and recovery") ---

# Content Security Policy (django-csp 4). No inline scripts on the public site; the Wagtail
# admin gets them through ADMIN_CONTENT_SECURITY_POLICY_UPDATE below. The admin needs inline
# styles (style="" attributes in its widgets) and data:/blob: images
# for upload previews. Media on a CDN domain is added in production.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "worker-src": [SELF, "blob:"],
    },
}
# Wagtail's admin widgets start with inline scripts (see portal.middleware).
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {"script-src": [UNSAFE_INLINE]}
# Browser features the portal never uses are switched off (portal.middleware).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "fullscreen": ["self"],
}
# The admin must not reach other hosts: no avatar service, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Login throttling (django-axes): five failures from one address and user name lock that pair
# out for fifteen minutes. With Redis the counts live in the cache, shared by every worker;
# without it (development, tests) in the database, since local memory is per process.
AUTHENTICATION_BACKENDS = [
    "accounts.login_throttling.ThrottledLoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if env.CACHE_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_DISABLE_ACCESS_LOG = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.login_throttling.lockout_response"
AXES_VERBOSE = False

# Two-factor sign-in (django-otp, TOTP) is required for members of these groups.
PORTAL_TWO_FACTOR_GROUPS = ["Administrators", "Moderators"]
OTP_TOTP_ISSUER = "IZA Bac Ninh"

# Anonymous page cache (portal.middleware.PageCacheMiddleware) and what invalidates it.
PAGE_CACHE_SECONDS = env.PAGE_CACHE_SECONDS
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/documents/", "/django-admin/", "/api/", "/search/"]
PAGE_CACHE_EXCLUDED_PATTERNS = [r"^/(vi|en)/search/"]
# Models (besides pages, snippets, images, documents, redirects, sites and site settings)
# whose saves change what public pages show: "app_label.ModelName". Bulk writes send no
# signals: code that writes these in bulk calls portal.cache.bump_content_version itself.
PAGE_CACHE_INVALIDATING_MODELS = ["enterprises.Enterprise", "indicators.IndicatorValue"]

# Rate limits for the search and directory APIs: requests per address per window.
PORTAL_RATE_LIMITS_ENABLED = env.RATE_LIMITS_ENABLED
PORTAL_RATE_LIMITS = {
    "search": (60, 60),
    "suggest": (240, 60),
    "directory": (60, 60),
    "directory-export": (10, 60),
}

RECYCLEBIN_RETENTION_DAYS = env.RECYCLEBIN_RETENTION_DAYS
BACKUP_DIR = env.BACKUP_DIR
# Commands `manage.py restore` runs afterwards to rebuild derived data (search indexes).
BACKUP_REBUILD_COMMANDS = [["update_index"], ["search_index", "--rebuild"]]
