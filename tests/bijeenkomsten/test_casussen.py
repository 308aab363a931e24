"""Casussen on the agenda: professionals bring their submitted casus before the deadline, the
facilitator puts all of them on the agenda in one click, titles only for those who read casus
text; the reminder for professionals who have not brought one."""

import datetime
import re

from django.utils import timezone

from bijeenkomsten import herinneringen
from bijeenkomsten.models import Agendapunt, Bijeenkomst, Inbreng
from casussen.models import Casus
from gemeenten.models import Lidmaatschap, Proeftuin
from tests.casussen.factories import CasusFactory
from tests.scopes import every_gemeente

from .conftest import burl
from .factories import BijeenkomstFactory, DeelnameFactory


def casus(gemeente, auteur, titel, status=Casus.Status.INGEDIEND):
    with every_gemeente():
        return CasusFactory(
            gemeente=gemeente,
            proeftuin=Proeftuin.objects.get(gemeente=gemeente),
            auteur=auteur,
            titel=titel,
            status=status,
        )


def agenda():
    with every_gemeente():
        return list(Agendapunt.objects.order_by("volgorde").values_list("titel", "casus__titel"))


def test_a_professional_brings_a_submitted_casus_and_the_facilitator_adds_all_in_one_click(
    client, facilitator, member, beleidsadviseur, gemeente_a, bijeenkomst
):
    een = casus(gemeente_a, member, "Man met COPD die alleen woonde")
    twee = casus(gemeente_a, beleidsadviseur, "Vrouw met dementie en haar mantelzorger")
    casus(gemeente_a, member, "Nog een concept", status=Casus.Status.CONCEPT)
    for user, c in ((member, een), (beleidsadviseur, twee)):
        client.force_login(user)
        page = client.get(bijeenkomst.get_absolute_url()).content.decode()
        assert c.titel in page and "Nog een concept" not in page
        response = client.post(burl("inbreng", gemeente_a, pk=bijeenkomst.pk), {"casus": c.pk})
        assert response.status_code == 302
    client.force_login(facilitator)
    url = burl("agenda_casussen", gemeente_a, pk=bijeenkomst.pk)
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert agenda() == [
        (f"Casus {een.pk}", een.titel),
        (f"Casus {twee.pk}", twee.titel),
    ]
    client.post(url, HTTP_HX_REQUEST="true")
    assert len(agenda()) == 2  # a second click adds nothing twice


def test_someone_elses_casus_or_a_concept_cannot_be_brought(
    client, member, beleidsadviseur, gemeente_a, bijeenkomst
):
    van_een_ander = casus(gemeente_a, beleidsadviseur, "Van een ander")
    concept = casus(gemeente_a, member, "Concept", status=Casus.Status.CONCEPT)
    client.force_login(member)
    for c in (van_een_ander, concept):
        response = client.post(burl("inbreng", gemeente_a, pk=bijeenkomst.pk), {"casus": c.pk})
        assert response.status_code == 400
    with every_gemeente():
        assert not Inbreng.objects.exists()


def test_after_the_deadline_no_casus_can_be_brought(client, member, gemeente_a, bijeenkomst):
    c = casus(gemeente_a, member, "Te laat")
    with every_gemeente():
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
            casus_deadline=timezone.now() - datetime.timedelta(minutes=1)
        )
    client.force_login(member)
    response = client.post(burl("inbreng", gemeente_a, pk=bijeenkomst.pk), {"casus": c.pk})
    assert response.status_code == 400
    assert "deadline" in response.content.decode().lower()
    with every_gemeente():
        assert not Inbreng.objects.exists()


def test_a_bestuurder_sees_a_casus_on_the_agenda_by_number_never_its_title(
    client, facilitator, member, readonly_member, gemeente_a, bijeenkomst
):
    c = casus(gemeente_a, member, "Mevrouw die thuis wilde sterven")
    client.force_login(facilitator)
    client.post(
        burl("agendapunt_add", gemeente_a, pk=bijeenkomst.pk),
        {"titel": "", "casus": c.pk, "duur_minuten": "30"},
    )
    assert agenda() == [(f"Casus {c.pk}", c.titel)]
    client.force_login(member)
    assert c.titel in client.get(bijeenkomst.get_absolute_url()).content.decode()
    client.force_login(readonly_member)
    body = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert f"Casus {c.pk}" in body and c.titel not in body


def test_the_same_casus_twice_on_the_agenda_is_refused(
    client, facilitator, member, gemeente_a, bijeenkomst
):
    c = casus(gemeente_a, member, "Een casus")
    client.force_login(facilitator)
    url = burl("agendapunt_add", gemeente_a, pk=bijeenkomst.pk)
    client.post(url, {"casus": c.pk, "duur_minuten": "30"})
    response = client.post(url, {"titel": "Anders genoemd", "casus": c.pk, "duur_minuten": "20"})
    assert response.status_code == 400
    assert len(agenda()) == 1


def test_the_casus_deadline_reminder_goes_to_invited_professionals_without_a_casus(
    gemeente_a, facilitator, member, beleidsadviseur
):
    from tests.factories import LidmaatschapFactory

    now = timezone.now()
    with every_gemeente():
        tweede = LidmaatschapFactory(gemeente=gemeente_a, role="professional")
        proeftuin = Proeftuin.objects.get(gemeente=gemeente_a)
        b = BijeenkomstFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            soort="inventarisatie",
            begin=now + datetime.timedelta(days=8),
            eind=now + datetime.timedelta(days=8, hours=2),
            casus_deadline=now + datetime.timedelta(days=1),
        )
        later = BijeenkomstFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            soort="inventarisatie",
            casus_deadline=now + datetime.timedelta(days=5),
        )
        for m in Lidmaatschap.objects.filter(gemeente=gemeente_a):
            for meeting in (b, later):
                DeelnameFactory(
                    gemeente=gemeente_a, bijeenkomst=meeting, lidmaatschap=m, uitgenodigd_at=now
                )
    c = casus(gemeente_a, member, "Al ingebracht")
    with every_gemeente():
        Inbreng.objects.create(gemeente=gemeente_a, bijeenkomst=b, casus=c, by=member)
        due = herinneringen.due(now)
    assert [(h.soort, h.user, h.object_id) for h in due if h.soort == "casus_deadline"] == [
        ("casus_deadline", tweede.user, b.pk)
    ]


def test_the_agenda_form_and_the_inbreng_form_on_one_page_have_no_id_in_common(
    client, facilitator, gemeente_a, bijeenkomst
):
    """A facilitator who brings their own casus sees both forms with a casus field at once."""
    eigen = casus(gemeente_a, facilitator, "Eigen casus van de facilitator")
    client.force_login(facilitator)
    page = client.get(bijeenkomst.get_absolute_url()).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert ids.count("id_casus") == 1
    assert [i for i in set(ids) if ids.count(i) > 1] == []
    # Each label still points at its own select.
    assert page.count(f'<option value="{eigen.pk}"') == 2
    assert re.search(r'<label for="(id_inbreng_casus)"', page)
    assert 'id="id_inbreng_casus"' in page
    response = client.post(burl("inbreng", gemeente_a, pk=bijeenkomst.pk), {"casus": eigen.pk})
    assert response.status_code == 302
