"""What other apps show on a zone page.

The apps built on the zones (the enterprise directory: each enterprise belongs to a zone)
cannot be asked by the zone page for what they hold about it without a circle. Instead
each registers a section: a template, and a function giving what the template shows for
one zone. The zone page renders the sections in the order the apps were installed, after
its own facts and before its news.
"""

_sections = []


def register_zone_section(template):
    """Decorator: show `template` on every zone page, with the decorated function's result
    (a dict, given the zone page) as `section` in its context."""

    def decorator(function):
        _sections.append((template, function))
        return function

    return decorator


def zone_sections(zone):
    """(template, section) for each registered section of `zone`'s page."""
    return [(template, function(zone)) for template, function in _sections]
