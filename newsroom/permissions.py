"""Who counts as what in the newsroom."""

from newsroom.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS


def group_names(user):
    cached = getattr(user, "_newsroom_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._newsroom_groups = cached
    return cached


def is_translator_only(user):
    """A translator who holds no role that may also change the Vietnamese side."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = group_names(user)
    return TRANSLATORS in names and not names & {EDITORS, MODERATORS, ADMINISTRATORS}
