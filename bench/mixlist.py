"""The members and pages of the mixed benchmark (bench/mix.py), resolved against a generated
database: members of many gemeenten in all four roles, each with the key pages their role may
open, and what the writer changes (RSVPs of professionals, voortgang of actions by their owner).

Prints one JSON object: {"members": [{"email", "role", "gemeente", "paths"}], "rsvp": [{"email",
"page", "post"}], "voortgang": [{"email", "page", "post"}]}.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

import django  # noqa: E402

django.setup()

from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from bijeenkomsten.models import Bijeenkomst  # noqa: E402
from casussen.models import Casus  # noqa: E402
from gemeenten.models import Gemeente, Lidmaatschap  # noqa: E402
from kern.permissions import Rol  # noqa: E402
from kern.tenancy import gemeente_scope  # noqa: E402
from verbeteracties.models import Verbeteractie  # noqa: E402

GEMEENTEN = 24  # spread over the whole data set
# Per gemeente a professional and, by turns, a beleidsadviseur or a bestuurder; the
# facilitators of these gemeenten come on top.
PAGES_BY_ROLE = {
    Rol.FACILITATOR: (
        "dashboard",
        "cockpit",
        "casussen",
        "casus",
        "bijeenkomst",
        "board",
        "actie",
        "oogst",
    ),
    Rol.PROFESSIONAL: ("dashboard", "casussen", "casus", "bijeenkomst", "board", "actie", "oogst"),
    Rol.BELEIDSADVISEUR: ("dashboard", "casussen", "bijeenkomst", "board", "actie", "oogst"),
    Rol.BESTUURDER: ("dashboard", "casussen", "board", "actie", "oogst"),
}


def in_gemeente(gemeente, name, **kwargs):
    return reverse(name, kwargs={"gemeente_slug": gemeente.slug, **kwargs})


def key_pages(gemeente):
    casus = Casus.objects.exclude(status=Casus.Status.CONCEPT).order_by("pk").first()
    meeting = Bijeenkomst.objects.filter(begin__gt=timezone.now()).order_by("begin").first()
    actie = Verbeteractie.objects.order_by("pk").first()
    pages = {
        "dashboard": in_gemeente(gemeente, "gemeenten:detail"),
        "cockpit": reverse("overzicht"),
        "casussen": in_gemeente(gemeente, "casussen:list"),
        "board": in_gemeente(gemeente, "verbeteracties:board"),
        "oogst": in_gemeente(gemeente, "oogst:overzicht"),
    }
    if casus:
        pages["casus"] = in_gemeente(gemeente, "casussen:detail", pk=casus.pk)
    if meeting:
        pages["bijeenkomst"] = in_gemeente(gemeente, "bijeenkomsten:detail", pk=meeting.pk)
    if actie:
        pages["actie"] = in_gemeente(gemeente, "verbeteracties:detail", pk=actie.pk)
    return pages, meeting


def main():
    with scopes_disabled():
        gemeenten = list(Gemeente.objects.filter(slug__startswith="gen-").order_by("slug"))
    step = max(1, len(gemeenten) // GEMEENTEN)
    chosen = gemeenten[::step][:GEMEENTEN]
    members, rsvp, voortgang, facilitators = [], [], [], set()
    for number, gemeente in enumerate(chosen):
        with gemeente_scope(gemeente):
            pages, meeting = key_pages(gemeente)
            leden = Lidmaatschap.objects.select_related("user").order_by("pk")
            by_role = {}
            for lid in leden:
                by_role.setdefault(lid.role, []).append(lid)
            other = Rol.BELEIDSADVISEUR if number % 2 else Rol.BESTUURDER
            picked = [by_role[Rol.PROFESSIONAL][0], by_role[other][0]]
            facilitator = by_role[Rol.FACILITATOR][0]
            if facilitator.user_id not in facilitators:
                facilitators.add(facilitator.user_id)
                picked.append(facilitator)
            for lid in picked:
                members.append(
                    {
                        "email": lid.user.email,
                        "role": lid.role,
                        "gemeente": gemeente.slug,
                        "paths": [pages[p] for p in PAGES_BY_ROLE[lid.role] if p in pages],
                    }
                )
            if meeting:
                for lid in by_role[Rol.PROFESSIONAL][1:4]:
                    rsvp.append(
                        {
                            "email": lid.user.email,
                            "page": pages["bijeenkomst"],
                            "post": in_gemeente(gemeente, "bijeenkomsten:aanmelden", pk=meeting.pk),
                        }
                    )
            actie = (
                Verbeteractie.objects.filter(eigenaar__isnull=False)
                .select_related("eigenaar__user")
                .order_by("pk")
                .first()
            )
            if actie:
                voortgang.append(
                    {
                        "email": actie.eigenaar.user.email,
                        "page": in_gemeente(gemeente, "verbeteracties:detail", pk=actie.pk),
                        "post": in_gemeente(gemeente, "verbeteracties:voortgang", pk=actie.pk),
                    }
                )
    print(json.dumps({"members": members, "rsvp": rsvp, "voortgang": voortgang}))


if __name__ == "__main__":
    main()
