"""The newsroom's roles and what each may do, applied by a data migration and after migrate.

Kept as data so the migration, the post-migrate top-up (for apps whose models arrive in
later migrations, such as the directory) and the tests all read one definition.
See https://docs.wagtail.org/en/stable/topics/permissions.html
"""

EDITORS = "Editors"
TRANSLATORS = "Translators"
MODERATORS = "Moderators"
DIRECTORY_MANAGERS = "Directory managers"
ADMINISTRATORS = "Administrators"

ALL_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
MEDIA_EDITING = ["add", "change", "choose"]

DIRECTORY_APPS = ("zones", "enterprises", "indicators")
DIRECTORY_PAGE_PERMISSIONS = ["add", "change", "publish", "lock"]

# Page permissions, granted on the tree's root so they cover every site. Directory
# managers get theirs on the directory's own pages instead (see grant_directory_pages).
PAGE_PERMISSIONS = {
    EDITORS: ["add", "change", "lock"],
    TRANSLATORS: ["change"],
    MODERATORS: ["add", "change", "publish", "lock", "unlock"],
    DIRECTORY_MANAGERS: [],
    ADMINISTRATORS: ALL_PAGE_PERMISSIONS,
}

# Image and document permissions on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: MEDIA_EDITING,
    TRANSLATORS: ["choose"],
    MODERATORS: [*MEDIA_EDITING, "delete"],
    DIRECTORY_MANAGERS: MEDIA_EDITING,
    ADMINISTRATORS: [*MEDIA_EDITING, "delete"],
}

SNIPPET_EDITING = ["add", "change", "view"]

# Model permissions: (app label, model name or "*" for every model of the app, actions).
MODEL_PERMISSIONS = {
    EDITORS: [("news", "topic", SNIPPET_EDITING), ("news", "eventthread", SNIPPET_EDITING)],
    TRANSLATORS: [
        ("news", "topic", ["change", "view"]),
        ("news", "eventthread", ["change", "view"]),
    ],
    MODERATORS: [
        ("news", "topic", [*SNIPPET_EDITING, "delete"]),
        ("news", "eventthread", [*SNIPPET_EDITING, "delete"]),
        ("newsroom", "pageflag", ["change", "delete", "view"]),
    ],
    DIRECTORY_MANAGERS: [(app, "*", ["add", "change", "delete", "view"]) for app in DIRECTORY_APPS],
    ADMINISTRATORS: [
        (app, "*", ["add", "change", "delete", "view"])
        for app in (
            "news",
            "newsroom",
            "zones",
            "enterprises",
            "indicators",
            "documents",
            "exemplars",
            "reports",
            "wagtailredirects",
            "wagtailforms",
        )
    ]
    + [
        ("auth", "user", ["add", "change", "delete", "view"]),
        ("auth", "group", ["add", "change", "delete", "view"]),
        ("wagtailcore", "workflow", ["add", "change", "delete"]),
        ("wagtailcore", "task", ["add", "change", "delete"]),
    ],
}

ROLE_NAMES = [EDITORS, TRANSLATORS, MODERATORS, DIRECTORY_MANAGERS, ADMINISTRATORS]


def _permission(Permission, app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _model_permissions(Permission, ContentType, app_label, model, actions):
    types = ContentType.objects.filter(app_label=app_label)
    if model != "*":
        types = types.filter(model=model)
    for content_type in types:
        for action in actions:
            permission = Permission.objects.filter(
                content_type=content_type, codename=f"{action}_{content_type.model}"
            ).first()
            if permission is not None:
                yield permission


def sync_roles(apps):
    """Create the groups and add any permission they lack; never removes anything.

    `apps` is a migration state registry or django.apps.apps.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    # Only ids: during post_migrate the page table may still lack its translated columns.
    root_page_id = Page.objects.filter(depth=1).values_list("pk", flat=True).first()
    root_collection_id = Collection.objects.filter(depth=1).values_list("pk", flat=True).first()
    access_admin = _permission(Permission, "wagtailadmin", "access_admin")

    for name in ROLE_NAMES:
        group, _created = Group.objects.get_or_create(name=name)
        if access_admin is not None:
            group.permissions.add(access_admin)
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            group.permissions.add(
                *_model_permissions(Permission, ContentType, app_label, model, actions)
            )
        if root_page_id is not None:
            for action in PAGE_PERMISSIONS[name]:
                permission = _permission(Permission, "wagtailcore", f"{action}_page")
                if permission is not None:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page_id=root_page_id, permission=permission
                    )
        if root_collection_id is not None:
            for action in COLLECTION_PERMISSIONS[name]:
                for app_label, model in (
                    ("wagtailimages", "image"),
                    ("images", "portalimage"),
                    ("wagtaildocs", "document"),
                ):
                    permission = _permission(Permission, app_label, f"{action}_{model}")
                    if permission is not None:
                        GroupCollectionPermission.objects.get_or_create(
                            group=group, collection_id=root_collection_id, permission=permission
                        )


def grant_directory_pages(apps):
    """Give Directory managers page permissions on the topmost pages of the directory apps."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.filter(name=DIRECTORY_MANAGERS).first()
    if group is None:
        return
    granted = []
    pages = (
        Page.objects.filter(content_type__app_label__in=DIRECTORY_APPS)
        .order_by("path")
        .values_list("pk", "path")
    )
    for page_id, page_path in pages:
        if any(page_path.startswith(path) for path in granted):
            continue
        granted.append(page_path)
        for action in DIRECTORY_PAGE_PERMISSIONS:
            permission = _permission(Permission, "wagtailcore", f"{action}_page")
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page_id, permission=permission
            )
