"""The bijeenkomsten journey (issue 5, "done when"): the facilitator plans an inventarisatie
bijeenkomst, invites everyone (e-mails with an .ics), a professional signs up with one click and
brings a casus, the facilitator puts the casussen on the agenda in one click, and afterwards
records attendance and a verslag and sees the attendance figures. axe checks every page."""

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from bijeenkomsten.models import Bijeenkomst, Deelname, Inbreng
from casussen.models import Casus
from gemeenten.models import Proeftuin
from kern.models import User
from tests.casussen.factories import CasusFactory
from tests.scopes import every_gemeente

from .test_journeys import FACILITATOR, HUISARTS, log_in

pytestmark = pytest.mark.browser
SLUG = "oude-ijsselstreek"


@pytest.fixture
def casussen(demo, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    huisarts = User.objects.get(email=HUISARTS)
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente__slug=SLUG)
        return [
            CasusFactory(
                gemeente=proeftuin.gemeente,
                proeftuin=proeftuin,
                auteur=huisarts,
                titel=titel,
                status=Casus.Status.INGEDIEND,
            )
            for titel in ("Man met COPD die alleen woonde", "Vrouw met dementie en haar naaste")
        ]


def test_plan_invite_sign_up_and_record_attendance(browsing, casussen):
    mail.outbox = []
    page = browsing.new_page()
    log_in(browsing, page, FACILITATOR)

    browsing.goto(page, f"/g/{SLUG}/bijeenkomsten/")
    browsing.submit(
        page, page.get_by_role("main").locator(f"a[href='/g/{SLUG}/bijeenkomsten/nieuw/']")
    )
    day = timezone.localdate() + datetime.timedelta(days=20)
    form = page.get_by_role("main").locator("form")
    form.locator("select[name=soort]").select_option("inventarisatie")
    form.locator("input[name=titel]").fill("Inventarisatie: casussen uit de praktijk")
    form.locator("input[name=begin]").fill(f"{day.isoformat()}T14:00")
    form.locator("input[name=eind]").fill(f"{day.isoformat()}T13:00")  # before the start
    form.locator("input[name=locatie]").fill("Gemeentehuis; raadszaal")
    browsing.submit(page, form.get_by_role("button", name=re.compile("Plan")), status=400)
    expect(page.locator("input[name=eind][aria-invalid=true]")).to_have_count(1)
    form.locator("input[name=eind]").fill(f"{day.isoformat()}T16:00")
    browsing.submit(page, form.get_by_role("button", name=re.compile("Plan")))
    with every_gemeente():
        bijeenkomst = Bijeenkomst.objects.get(titel__startswith="Inventarisatie: casussen")
    expect(page).to_have_url(browsing.base_url + bijeenkomst.get_absolute_url())

    # Invite everyone: every member is ticked; each gets an e-mail with the calendar invitation.
    browsing.submit(
        page, page.get_by_role("main").get_by_role("link", name=re.compile("Uitnodigen|Invite"))
    )
    browsing.submit(
        page,
        page.get_by_role("main")
        .locator("form")
        .get_by_role("button", name=re.compile("Verstuur|Send")),
    )
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert HUISARTS in recipients and FACILITATOR in recipients
    (calendar,) = [p for p in mail.outbox[0].attachments if not isinstance(p, tuple)]
    assert (
        calendar.get_content_type() == "text/calendar" and calendar.get_param("method") == "REQUEST"
    )
    event = icalendar.Calendar.from_ical(calendar.get_payload(decode=True)).walk("VEVENT")[0]
    assert event.decoded("DTSTART").hour == 14 and str(event["UID"]).startswith(
        str(bijeenkomst.uid)
    )

    # The professional signs up with one click (htmx, no page load) and brings a casus.
    prof = browsing.new_page()
    log_in(browsing, prof, HUISARTS)
    browsing.goto(prof, bijeenkomst.get_absolute_url())
    visited = len(browsing.visited)
    prof.locator("#aanmelden").get_by_role("button", name=re.compile("^(Ja|Yes)$")).click()
    expect(prof.locator("#aanmelden [aria-pressed=true]")).to_have_text(re.compile("Ja|Yes"))
    assert len(browsing.visited) == visited, "one click, in place"
    browsing.check(prof)
    inbreng = prof.locator("#inbreng form")
    inbreng.locator("select[name=casus]").select_option(str(casussen[0].pk))
    browsing.submit(prof, inbreng.get_by_role("button"))
    with every_gemeente():
        assert (
            Deelname.objects.get(
                bijeenkomst=bijeenkomst, lidmaatschap__user__email=HUISARTS
            ).antwoord
            == "ja"
        )
        Inbreng.objects.create(
            gemeente=bijeenkomst.gemeente,
            bijeenkomst=bijeenkomst,
            casus=casussen[1],
            by=casussen[1].auteur,
        )

    # The facilitator puts both casussen on the agenda in one click.
    browsing.goto(page, bijeenkomst.get_absolute_url())
    page.locator("#agenda").get_by_role("button", name=re.compile("agenda")).last.click()
    expect(page.locator("#agenda ol > li")).to_have_count(2)
    expect(page.locator("#agenda")).to_contain_text(casussen[0].titel)
    expect(page.locator("#agenda")).to_contain_text(casussen[1].titel)
    browsing.check(page)
    browsing.goto(prof, bijeenkomst.get_absolute_url())
    expect(prof.locator("#agenda")).to_contain_text(casussen[1].titel)

    # Afterwards: attendance, a verslag, the figures.
    with every_gemeente():
        begin = timezone.now() - datetime.timedelta(days=1)
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
            begin=begin, eind=begin + datetime.timedelta(hours=2)
        )
    browsing.goto(page, bijeenkomst.get_absolute_url())
    browsing.submit(
        page,
        page.get_by_role("main").get_by_role("link", name=re.compile("Aanwezigheid|Attendance")),
    )
    attendance = page.get_by_role("main").locator("form").first
    expect(attendance.get_by_label(re.compile("Hanna Huisarts"))).to_be_checked()  # said yes
    browsing.submit(page, attendance.get_by_role("button"))
    guest = page.get_by_role("main").locator("form").last
    guest.locator("input[name=naam]").fill("Sociaal werker (gast)")
    guest.locator("select[name=discipline]").select_option("sociaal_werker")
    browsing.submit(page, guest.get_by_role("button"))
    browsing.goto(page, f"{bijeenkomst.get_absolute_url()}verslag/")
    form = page.get_by_role("main").locator("form").first
    form.locator("textarea[name=tekst]").fill("De groep besprak twee casussen.")
    browsing.submit(page, form.get_by_role("button"))
    browsing.submit(
        page, page.get_by_role("main").get_by_role("button", name=re.compile("definitief|final"))
    )
    expect(page.get_by_role("main")).to_contain_text(re.compile("Definitief|Final"))

    browsing.goto(page, f"/g/{SLUG}/bijeenkomsten/cijfers/")
    expect(page.locator("figure")).to_have_count(4)
    expect(page.get_by_role("main")).to_contain_text("Inventarisatie: casussen")
    with every_gemeente():
        assert Deelname.objects.filter(bijeenkomst=bijeenkomst, aanwezig=True).count() == 1

    # The other pages, for axe: the list, the actiepunten, the calendar feed page.
    browsing.goto(page, f"/g/{SLUG}/bijeenkomsten/")
    browsing.goto(page, f"{bijeenkomst.get_absolute_url()}actiepunten/")
    browsing.goto(page, "/agenda/")
    browsing.finish()
