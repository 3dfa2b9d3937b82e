"""Logos and banners drawn at load time with Pillow, so the demo downloads nothing."""

import math
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

# One background colour per country, so the partner list reads at a glance.
COUNTRY_COLOURS = {
    "DE": (0, 84, 147),
    "SK": (11, 78, 162),
    "PL": (200, 16, 46),
    "DK": (198, 12, 48),
    "IT": (0, 146, 70),
    "UA": (0, 87, 183),
}
EU_BLUE = (0, 51, 153)
EU_YELLOW = (255, 204, 0)


def _png(image: PillowImage.Image, filename: str) -> ImageFile:
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ImageFile(BytesIO(buffer.getvalue()), name=filename)


def _centred_text(draw, box, text, size, fill):
    font = ImageFont.load_default(size=size)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = box[0] + (box[2] - box[0] - (right - left)) / 2 - left
    y = box[1] + (box[3] - box[1] - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill=fill)


def partner_logo(short_name: str, country: str, filename: str) -> ImageFile:
    """An 800×400 logo: the acronym in white on the country's colour, with a light band."""
    colour = COUNTRY_COLOURS.get(country, (60, 60, 60))
    image = PillowImage.new("RGB", (800, 400), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 330, 800, 400), fill=tuple(min(255, c + 60) for c in colour))
    size = 150 if len(short_name) <= 5 else max(60, 150 - 12 * (len(short_name) - 5))
    _centred_text(draw, (0, 0, 800, 330), short_name, size, "white")
    _centred_text(draw, (0, 330, 800, 400), country, 40, "white")
    return _png(image, filename)


def eu_missions_banner(filename: str) -> ImageFile:
    """A 1200×400 banner: twelve gold stars on EU blue and the mission's name."""
    image = PillowImage.new("RGB", (1200, 400), EU_BLUE)
    draw = ImageDraw.Draw(image)
    for star in range(12):
        angle = 2 * math.pi * star / 12
        x, y = 200 + 110 * math.cos(angle), 200 + 110 * math.sin(angle)
        draw.regular_polygon((x, y, 14), n_sides=5, fill=EU_YELLOW)
    _centred_text(draw, (380, 60, 1180, 200), "EU Missions", 80, "white")
    _centred_text(draw, (380, 200, 1180, 340), "Climate-neutral smart cities", 48, EU_YELLOW)
    return _png(image, filename)
