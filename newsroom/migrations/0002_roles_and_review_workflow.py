"""Create the newsroom's roles and the review workflow on a fresh or existing database."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsroom.roles import sync_roles
from newsroom.workflow import ensure_review_workflow


def create_roles_and_workflow(apps, schema_editor):
    # Permissions are normally created after migrate; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)
    ensure_review_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("news", "0001_initial"),
        ("images", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop),
    ]
