from django.utils.text import slugify

from ..models import Pledge, Statement


def unique_key(model: type[Pledge] | type[Statement], base: str, max_length: int = 200) -> str:
    """`base` slugified, with -2, -3, … appended while another record of `model` holds it."""
    stem = slugify(base)[: max_length - 6] or "record"
    taken = set(model.objects.filter(key__startswith=stem).values_list("key", flat=True))
    key, number = stem, 2
    while key in taken:
        key, number = f"{stem}-{number}", number + 1
    return key
