"""The Kennisbank: a facilitator publishes a reviewed, anonymised copy of a les or verbeteractie;
every logged-in user of every gemeente reads and searches it; only the publisher withdraws it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from casussen import gate
from gemeenten.models import AuditRegel, Lidmaatschap
from kern.tenancy import gemeente_scope
from oogst.kennisbank import screening
from oogst.kennisbank.models import KennisbankItem
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import ActieSuccesfactorFactory, VerbeteractieFactory

from ..factories import LesFactory, LesSuccesfactorFactory
from ..netwerk import fixtures as netwerk_fixtures
from ..netwerk.fixtures import ourl

english = netwerk_fixtures.english


@pytest.fixture(autouse=True)
def _english(english):
    pass


@pytest.fixture
def les(gemeente_a, proeftuin, facilitator):
    with every_gemeente():
        les = LesFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel="Koffie in de wijk",
            tekst="Elkaar kennen begint met een kop koffie.\n\nDaarna bellen mensen elkaar.",
            created_by=facilitator,
        )
        LesSuccesfactorFactory(gemeente=gemeente_a, les=les, succesfactor__naam="Samen koffie")
    return les


def _form(**overrides):
    data = {
        "titel": "Koffie in de wijk",
        "samenvatting": "Elkaar kennen begint met een kop koffie.",
        "tekst": "Daarna bellen mensen elkaar.",
        "resultaat": "",
        "bron": "Proeftuin Amersfoort-Test, 2026",
        "succesfactoren": ["Samen koffie"],
        "publiceer": "1",
    }
    data.update(overrides)
    return data


def _publish(client, gemeente, les, **overrides):
    return client.post(ourl("kennisbank_les", gemeente, pk=les.pk), _form(**overrides))


def test_the_publish_page_starts_with_a_copy_of_the_les_and_its_source(
    client, gemeente_a, les, facilitator
):
    client.force_login(facilitator)
    response = client.get(ourl("kennisbank_les", gemeente_a, pk=les.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Koffie in de wijk" in body
    assert "Proeftuin Amersfoort-Test, 2026" in body
    assert "Samen koffie" in body
    with every_gemeente():
        assert facilitator.name not in body  # the author is not copied


def test_a_les_published_in_gemeente_a_is_read_by_a_member_of_gemeente_b(
    client, gemeente_a, les, facilitator, outsider
):
    client.force_login(facilitator)
    response = _publish(client, gemeente_a, les)
    assert response.status_code == 302
    item = KennisbankItem.objects.get()
    assert response["Location"] == reverse("kennisbank:detail", kwargs={"pk": item.pk})
    client.force_login(outsider)
    lijst = client.get(reverse("kennisbank:lijst")).content.decode()
    assert "Koffie in de wijk" in lijst
    detail = client.get(reverse("kennisbank:detail", kwargs={"pk": item.pk}))
    assert detail.status_code == 200
    assert "Daarna bellen mensen elkaar." in detail.content.decode()


def test_a_published_entry_holds_no_key_into_any_gemeente_s_data(
    client, gemeente_a, les, facilitator
):
    client.force_login(facilitator)
    _publish(client, gemeente_a, les)
    item = KennisbankItem.objects.get()
    relations = [f for f in KennisbankItem._meta.get_fields() if f.is_relation]
    assert [f.name for f in relations] == ["gepubliceerd_door"]  # a user, not a tenant row
    assert not any(f.name == "gemeente" for f in KennisbankItem._meta.get_fields())
    assert item.succesfactoren == ["Samen koffie"]
    assert all(isinstance(label, str) for label in item.succesfactoren)


def test_publishing_is_recorded_in_the_audit_log_against_the_original(
    client, gemeente_a, les, facilitator
):
    client.force_login(facilitator)
    _publish(client, gemeente_a, les)
    with every_gemeente():
        regel = AuditRegel.objects.get(actie="export")
        assert regel.object_id == les.pk
        assert regel.content_type == ContentType.objects.get(app_label="inhoud", model="les")


def test_identifying_details_stop_publication_and_replace_all_clears_them(
    client, gemeente_a, les, facilitator
):
    client.force_login(facilitator)
    tekst = "Mevrouw Jansen belde op 06-12345678 met haar dochter."
    response = _publish(client, gemeente_a, les, tekst=tekst)
    assert response.status_code == 400
    body = response.content.decode()
    assert "not published" in body and "06-12345678" in body
    assert not KennisbankItem.objects.exists()

    replaced = _publish(client, gemeente_a, les, tekst=tekst, vervang_alles="1")
    assert replaced.status_code == 200
    schoon = replaced.context["form"]["tekst"].value()
    assert "06-12345678" not in schoon and "[telefoonnummer]" in schoon
    assert not KennisbankItem.objects.exists()  # replacing is not publishing

    published = _publish(client, gemeente_a, les, tekst=schoon)
    assert published.status_code == 302
    assert "06-12345678" not in KennisbankItem.objects.get().tekst


def test_the_names_of_the_gemeente_s_people_are_found_even_when_the_detector_misses_them(
    gemeente_a, facilitator
):
    with every_gemeente():
        lid = Lidmaatschap.objects.get(user=facilitator)
        lid.user.name = "ploink wobbel"
        lid.user.save()
    tekst = "Het idee kwam van ploink wobbel uit het wijkteam."
    with gemeente_scope(gemeente_a):
        namen = screening.names_of_people()
        gevonden = gate.findings(tekst, namen)
    assert "ploink wobbel" in namen
    assert [(f.kind, f.text) for f in gevonden] == [("naam", "ploink wobbel")]
    assert gate.replace_all(tekst, names=namen) == "Het idee kwam van [naam] uit het wijkteam."


def test_a_member_s_name_in_the_source_line_stops_publication(client, gemeente_a, les, facilitator):
    with every_gemeente():
        facilitator.name = "ploink wobbel"
        facilitator.save()
    client.force_login(facilitator)
    response = _publish(client, gemeente_a, les, bron="Proeftuin A, ploink wobbel")
    assert response.status_code == 400
    assert not KennisbankItem.objects.exists()


@pytest.mark.parametrize("who", ["member", "beleidsadviseur", "readonly_member"])
def test_only_a_facilitator_may_publish(who, request, client, gemeente_a, les):
    client.force_login(request.getfixturevalue(who))
    assert client.get(ourl("kennisbank_les", gemeente_a, pk=les.pk)).status_code == 403
    assert _publish(client, gemeente_a, les).status_code == 403
    assert client.get(ourl("kennisbank_kiezen", gemeente_a)).status_code == 403
    assert not KennisbankItem.objects.exists()


def test_the_publish_page_of_gemeente_a_s_les_is_404_for_a_member_of_b(
    client, gemeente_a, les, outsider
):
    client.force_login(outsider)  # a facilitator, of gemeente B
    assert client.get(ourl("kennisbank_les", gemeente_a, pk=les.pk)).status_code == 404
    assert _publish(client, gemeente_a, les).status_code == 404


def test_a_facilitator_of_b_cannot_publish_a_s_les_from_b_s_address(
    client, gemeente_a, gemeente_b, les, outsider
):
    client.force_login(outsider)
    assert client.get(ourl("kennisbank_les", gemeente_b, pk=les.pk)).status_code == 404


def test_a_verbeteractie_is_published_without_its_owner(
    client, gemeente_a, proeftuin, facilitator, member
):
    with every_gemeente():
        member.name = "Eigenaar Achternaam"
        member.save()
        actie = VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel="Zesweeks MDO",
            beschrijving="Huisarts en wijkverpleging bespreken samen.",
            beoogd_effect="Eerder afstemmen.",
            knelpunt_categorieen=["informatie_uitwisseling"],
            eigenaar=Lidmaatschap.objects.get(user=member),
        )
        ActieSuccesfactorFactory(gemeente=gemeente_a, actie=actie, succesfactor__naam="Info")
    client.force_login(facilitator)
    url = ourl("kennisbank_actie", gemeente_a, pk=actie.pk)
    page = client.get(url)
    assert page.status_code == 200
    initial = {name: page.context["form"][name].value() for name in page.context["form"].fields}
    assert "Eigenaar Achternaam" not in page.content.decode()
    response = client.post(url, {**initial, "publiceer": "1"})
    assert response.status_code == 302, response.context["vondsten"]
    item = KennisbankItem.objects.get()
    assert item.soort == "verbeteractie"
    # Labels are copied as text, in the language the facilitator works in.
    assert item.knelpunt_categorieen == ["Exchange of information"]
    assert item.succesfactoren == ["Info"]
    assert "Eigenaar" not in " ".join([item.titel, item.samenvatting, item.tekst, item.resultaat])


def _publish_the_draft(client, url):
    page = client.get(url)
    initial = {name: page.context["form"][name].value() for name in page.context["form"].fields}
    response = client.post(url, {**initial, "publiceer": "1"})
    assert response.status_code == 302, response.context and response.context["vondsten"]
    item = KennisbankItem.objects.get()
    return client.get(reverse("kennisbank:detail", kwargs={"pk": item.pk})).content.decode()


def test_a_les_published_from_its_draft_shows_its_first_paragraph_once(
    client, gemeente_a, les, facilitator
):
    # The draft's summary is the text's first paragraph.
    client.force_login(facilitator)
    body = _publish_the_draft(client, ourl("kennisbank_les", gemeente_a, pk=les.pk))
    assert body.count("Elkaar kennen begint met een kop koffie.") == 1
    assert body.count("Daarna bellen mensen elkaar.") == 1
    assert '<p class="lead">Elkaar kennen begint met een kop koffie.</p>' in body


def test_a_verbeteractie_published_from_its_draft_shows_its_intended_effect_once(
    client, gemeente_a, proeftuin, facilitator
):
    with every_gemeente():
        actie = VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            beschrijving="Huisarts en wijkverpleging bespreken samen.",
            beoogd_effect="Eerder afstemmen.",
        )
    client.force_login(facilitator)
    body = _publish_the_draft(client, ourl("kennisbank_actie", gemeente_a, pk=actie.pk))
    assert body.count("Eerder afstemmen.") == 1
    assert body.count("Huisarts en wijkverpleging bespreken samen.") == 1


@pytest.mark.parametrize(
    ("samenvatting", "lead", "shown"),
    [
        # the summary is the opening paragraph: the text goes on after it
        ("Eerste alinea.", "Eerste alinea.", ["Tweede alinea."]),
        # the summary spans the first two paragraphs, with other line breaks
        ("Eerste alinea. Tweede\nalinea.", "Eerste alinea. Tweede\nalinea.", []),
        # the summary is the cut-off start of the text: the text alone says it in full
        ("Eerste al", "", ["Eerste alinea.", "Tweede alinea."]),
        # a summary of its own: both are shown
        ("Iets anders.", "Iets anders.", ["Eerste alinea.", "Tweede alinea."]),
    ],
)
def test_an_entry_shows_its_summary_and_text_without_saying_anything_twice(
    samenvatting, lead, shown, client, member
):
    item = KennisbankItem.objects.create(
        soort="les",
        titel="Koffie",
        samenvatting=samenvatting,
        tekst="Eerste alinea.\n\nTweede alinea.\n",
        bron="Proeftuin X, 2026",
    )
    assert item.weergave.lead == lead
    client.force_login(member)
    body = client.get(reverse("kennisbank:detail", kwargs={"pk": item.pk})).content.decode()
    assert body.count("Eerste al") == 1
    assert body.count("Tweede") == 1
    for paragraph in shown:
        assert f"<p>{paragraph}</p>" in body


def test_the_publisher_withdraws_an_entry_after_confirming(
    client, gemeente_a, les, facilitator, outsider
):
    client.force_login(facilitator)
    _publish(client, gemeente_a, les)
    item = KennisbankItem.objects.get()
    url = reverse("kennisbank:intrekken", kwargs={"pk": item.pk})
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Yes, withdraw" in confirm.content.decode()
    assert KennisbankItem.objects.get().ingetrokken_op is None
    assert client.post(url).status_code == 302
    assert KennisbankItem.objects.get().ingetrokken_op is not None
    client.force_login(outsider)
    assert client.get(reverse("kennisbank:detail", kwargs={"pk": item.pk})).status_code == 404
    assert "Koffie in de wijk" not in client.get(reverse("kennisbank:lijst")).content.decode()


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_nobody_but_the_publisher_may_withdraw(who, request, client, gemeente_a, les, facilitator):
    client.force_login(facilitator)
    _publish(client, gemeente_a, les)
    item = KennisbankItem.objects.get()
    client.force_login(request.getfixturevalue(who))  # the outsider is a facilitator of B
    url = reverse("kennisbank:intrekken", kwargs={"pk": item.pk})
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert KennisbankItem.objects.get().ingetrokken_op is None


def test_the_kennisbank_is_searched_by_words_and_filtered_by_labels(client, member):
    for titel, factoren, categorieen in [
        ("Koffie in de wijk", ["Elkaar kennen"], []),
        ("Zesweeks MDO", ["Informatie"], ["Financiering"]),
    ]:
        KennisbankItem.objects.create(
            soort="les",
            titel=titel,
            samenvatting="Samen",
            bron="Proeftuin X, 2026",
            succesfactoren=factoren,
            knelpunt_categorieen=categorieen,
        )
    client.force_login(member)
    url = reverse("kennisbank:lijst")

    def titels(**params):
        return [i.titel for i in client.get(url, params).context["page"]]

    assert sorted(titels()) == ["Koffie in de wijk", "Zesweeks MDO"]
    assert titels(q="koffie") == ["Koffie in de wijk"]
    assert titels(succesfactor="Informatie") == ["Zesweeks MDO"]
    assert titels(categorie="Financiering") == ["Zesweeks MDO"]
    assert titels(q="nergens") == []
    assert "Nothing found" in client.get(url, {"q": "nergens"}).content.decode()


def test_the_kennisbank_asks_anonymous_visitors_to_log_in(client, db):
    response = client.get(reverse("kennisbank:lijst"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
