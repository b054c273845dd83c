"""The province map, drawn here as SVG from each zone's coordinates: no tiles, no scripts.

The outline is the project's own simplified drawing of Bac Ninh province (the boundary
before the 2025 merger), about sixteen vertices in decimal degrees: enough to place the
zones in the right part of the province, not a survey.
"""

import math

# (longitude, latitude), clockwise from the western edge.
PROVINCE_OUTLINE = (
    (105.905, 21.165),
    (105.950, 21.222),
    (106.002, 21.262),
    (106.060, 21.232),
    (106.122, 21.210),
    (106.200, 21.203),
    (106.252, 21.170),
    (106.300, 21.118),
    (106.322, 21.050),
    (106.292, 20.990),
    (106.200, 20.978),
    (106.120, 20.968),
    (106.050, 20.990),
    (105.990, 21.030),
    (105.948, 21.070),
    (105.910, 21.112),
)

WIDTH = 640
PADDING = 28
KM_PER_DEGREE_LATITUDE = 110.57


class Projection:
    """Equirectangular projection fitted to the outline, with longitude shrunk by cos(lat)."""

    def __init__(self, outline=PROVINCE_OUTLINE, width=WIDTH, padding=PADDING):
        longitudes = [point[0] for point in outline]
        latitudes = [point[1] for point in outline]
        self.west, self.east = min(longitudes), max(longitudes)
        self.south, self.north = min(latitudes), max(latitudes)
        self.x_factor = math.cos(math.radians((self.north + self.south) / 2))
        span_x = (self.east - self.west) * self.x_factor
        span_y = self.north - self.south
        self.scale = (width - 2 * padding) / span_x
        self.padding = padding
        self.width = width
        self.height = round(span_y * self.scale + 2 * padding)

    def __call__(self, longitude, latitude):
        x = self.padding + (float(longitude) - self.west) * self.x_factor * self.scale
        y = self.padding + (self.north - float(latitude)) * self.scale
        return round(x, 1), round(y, 1)

    def pixels_per_km(self):
        return self.scale / KM_PER_DEGREE_LATITUDE


def _inside(longitude, latitude, outline=PROVINCE_OUTLINE):
    inside = False
    for index, (x1, y1) in enumerate(outline):
        x2, y2 = outline[index - 1]
        if (y1 > latitude) != (y2 > latitude):
            crossing = x1 + (latitude - y1) * (x2 - x1) / (y2 - y1)
            if longitude < crossing:
                inside = not inside
    return inside


def point_in_province(longitude, latitude):
    """Whether a coordinate falls inside the drawn outline (the demo data must)."""
    return _inside(float(longitude), float(latitude))


def province_map(zones):
    """What the map template needs: outline path, one marker per placed zone, a scale bar."""
    projection = Projection()
    outline = " ".join(
        f"{'M' if index == 0 else 'L'}{x},{y}"
        for index, (x, y) in enumerate(projection(*point) for point in PROVINCE_OUTLINE)
    )
    markers = []
    for zone in zones:
        if zone.latitude is None or zone.longitude is None:
            continue
        x, y = projection(zone.longitude, zone.latitude)
        markers.append(
            {"zone": zone, "number": len(markers) + 1, "x": x, "y": y, "status": zone.status}
        )
    ten_km = round(projection.pixels_per_km() * 10, 1)
    return {
        "width": projection.width,
        "height": projection.height,
        "outline": outline + " Z",
        "markers": markers,
        "scale_bar": {
            "x": PADDING,
            "y": projection.height - PADDING / 2,
            "length": ten_km,
            "end": round(PADDING + ten_km, 1),
        },
        "north": {"x": projection.width - PADDING, "y": PADDING},
    }
