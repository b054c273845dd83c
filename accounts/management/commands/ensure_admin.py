import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Make sure the administrator account 'admin' exists. On creation, or with "
        "--new-password, a fresh random password is printed once; it is never stored in clear."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--new-password",
            action="store_true",
            help="Give 'admin' a new random password and print it.",
        )

    def handle(self, *args, **options):
        user_model = get_user_model()
        user = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if user is not None and not options["new_password"]:
            self.stdout.write(
                "The admin account exists. Run 'make admin-password' for a new password."
            )
            return
        password = secrets.token_urlsafe(12)
        if user is None:
            user = user_model.objects.create_superuser(ADMIN_USERNAME, "", password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin sign-in at /admin/: user '{ADMIN_USERNAME}', password {password}"
            )
        )
