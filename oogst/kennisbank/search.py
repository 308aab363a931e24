"""Reading the Kennisbank: the entries not withdrawn, searched by words and labels."""

from django.db.models import Q

from .models import KennisbankItem


def visible():
    return KennisbankItem.objects.filter(ingetrokken_op__isnull=True)


def find(*, q="", succesfactor="", categorie="", soort=""):
    """Entries matching the words of ``q`` (each in title, summary, text or result) and the
    label filters. Label filters run in Python: a JSON list lookup is not portable to SQLite,
    and the Kennisbank is small."""
    items = visible()
    if soort in KennisbankItem.Soort.values:
        items = items.filter(soort=soort)
    for word in q.split()[:10]:
        items = items.filter(
            Q(titel__icontains=word)
            | Q(samenvatting__icontains=word)
            | Q(tekst__icontains=word)
            | Q(resultaat__icontains=word)
            | Q(bron__icontains=word)
        )
    items = list(items)
    if succesfactor:
        items = [i for i in items if succesfactor in i.succesfactoren]
    if categorie:
        items = [i for i in items if categorie in i.knelpunt_categorieen]
    return items


def labels():
    """Every succesfactor and category label in use, for the filters."""
    factors, categories = set(), set()
    for s, c in visible().values_list("succesfactoren", "knelpunt_categorieen"):
        factors.update(s or [])
        categories.update(c or [])
    return sorted(factors, key=str.casefold), sorted(categories, key=str.casefold)
