"""NewsML-G2: the real agency files of the shared corpus, the writer (always checked against the
official 2.35 XSD), round trips, and newsMessage / no-article handling. Expected values for the
shared files were written by reading the files."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import example, given

from articlekit import Article, read, read_all, registry, write
from articlekit.errors import InputError, OutputError
from articlekit.model import (
    Concept,
    Dateline,
    Figure,
    List,
    ListItem,
    Media,
    Paragraph,
    Person,
    Rendition,
    Resource,
    Rights,
    Source,
    Span,
    Table,
)
from xmlcheck import LOSS_CODES as BASE_LOSS_CODES
from xmlcheck import (
    assert_schema_valid,
    codes,
    harbour_article,
    iso,
    schema_folder,
    written_and_read,
)

from conftest import DATA, run_cli, shared_path
from strategies import ALL_FIELDS, articles

NEWSML_DATA = DATA / "newsml"
NEWSML_FIELDS = ALL_FIELDS - {"extras"}
LOSS_CODES = BASE_LOSS_CODES | {"newsml-not-round-trippable"}


def corpus(name: str) -> Path:
    return shared_path("corpus", "newsml-g2", name)


# --- the shared corpus: headline, body and dates the files hold ----------------------------------

# (file, headline, paragraphs, first paragraph starts, last paragraph ends, date field, value)
SINGLE_ITEMS = [
    (
        "ansa-newsmlg2-text.xml",
        "Catalan independence declaration unacceptable - Alfano",
        4,
        "(ANSA) - Rome, October 11 - Italian Foreign Minister Angelino Alfano has said",
        "but halted implementation to allow for negotiations.",
        "published",
        "2017-10-11T10:41:00+01:00",
    ),
    (
        "businessdesk-scoop-bom-nonconforming.xml",
        "Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up "
        "for sale",
        8,
        "Jan. 12 (BusinessDesk) - The receivers of Dick Smith",
        "(BusinessDesk)",
        "updated",
        "2016-01-12",
    ),
    (
        "dpa-170629-90-027185-table.xml",
        "Gewinner und Verlierer des Tages im XETRA-Handel am 29.06.2017",
        2,  # and two tables of 11 rows
        "Folgende Aktien des DAX, MDAX und TecDAX wiesen im elektronischen Handel",
        "Stand: 29.06.2017 17:56 Uhr",
        "updated",
        "2017-06-29T18:25:01+02:00",
    ),
    (
        "dpa-170629-99-46764.xml",
        "Prinzen William und Harry besuchen renoviertes Grab von Mutter Diana",
        3,
        "Überwuchert und von Moos befallen",
        "waren damals erst 15 und 12 Jahre alt.",
        "updated",
        "2017-06-29T17:44:01+02:00",
    ),
    (
        "dpa-170629-99-49320.xml",
        "Iraks Regierungschef Al-Abadi sieht Ende des IS-Kalifats",
        3,
        "Mit der Rückeroberung der symbolträchtigen Großen Moschee von Mossul",
        "noch einige Gebiete.",
        "updated",
        "2017-06-29T17:31:01+02:00",
    ),
    (
        "dpa-eintracht.xml",
        "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter",
        3,
        "2019 gab es bittere Tränen in der Kurve",
        "zog ins Endspiel ein.",
        "updated",
        "2022-10-11T11:14:42+02:00",
    ),
    (
        "iptc-LISTING_22_sports_story_nitf.xml",
        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.",
        6,
        "(Sports Network) - A pair of teams coming off big weekend sweeps",
        "Garcia has gone 0-2 over his last six starts.",
        "created",
        "2016-10-19T11:15:00-05:00",
    ),
    (
        "iptc-LISTING_2_text_document_nitf.xml",
        'Fed to halt QE to avert "bubble"',
        2,
        "(New York, NY - October 21) Et, sent luptat luptat",
        "esto cons dolutpat, si.",
        "updated",
        "2018-11-21T16:25:32-05:00",
    ),
    (
        "reuters-2014-KBN0FL0NN_v5-assad.xml",
        "Confident Assad launches new term in stronger position",
        25,
        "Bashar al-Assad was sworn in for a new term as Syria's president on Wednesday",
        "Mariam Karouny and Tom Perry in Beirut; Editing by Peter Graff)",
        "published",
        "2014-07-16T08:10:15+00:00",
    ),
    (
        "reuters-2018-MTZXEE13ZXCZES_2.xml",
        "UPDATE 2-Primeira Liga Results",
        1,
        "Jan 3 (OPTA) - Results and fixtures for the Primeira Liga on Wednesday",
        "Estoril v Feirense (2100/2100)",
        "published",
        "2018-01-03T20:13:08+00:00",
    ),
    (
        "reuters-L4N1FL0N0-gold.xml",
        "PRECIOUS-Gold rises as Trump policy fuels safe haven demand",
        14,
        "(Adds comments, detail)",
        "Editing by Joseph Radford and Richard Pullin)",
        "published",
        "2017-01-31T03:47:29+00:00",
    ),
    (
        "reuters-text-benitez.xml",
        "Soccer-Smiling Benitez pleads for support after midweek outburst against opponent",
        1,
        "By Toby Davis",
        "By Toby Davis",
        "published",
        "2013-03-01T15:09:04+00:00",
    ),
    (
        "stt-newsml-location-rich.xml",
        "Tuhannet rohingya-pakolaiset jumissa Myanmarin ja Bangladeshin rajalla",
        2,
        "Ainakin 6 000 rohingya-vähemmistöön kuuluvaa siviiliä",
        "Taisteluissa on kuollut ainakin 110 ihmistä.",
        "published",
        "2017-08-29",
    ),
    (
        "stt-newsml-test.xml",
        "Parliament passed the Alcohol Act and the government gained confidence*** TRANSLATED ***",
        39,
        "*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***",
        "Rinne sanoi tiedotteessaan heti äänestyksen jälkeen.",
        "published",
        "2017-12-19T10:33:04+02:00",
    ),
    (
        "tt-newsmlg2-sample.xml",
        'Jan Guillou skriver på ny "Hamilton"-bok',
        3,
        "Jan Guillou arbetar just nu med det sista kapitlet",
        "om pensionärsduon framöver.",
        "created",
        "2021-09-19T20:57:43+02:00",
    ),
]


@pytest.mark.parametrize(
    ("name", "headline", "count", "first", "last", "field", "when"),
    SINGLE_ITEMS,
    ids=[item[0] for item in SINGLE_ITEMS],
)
def test_real_items(
    name: str, headline: str, count: int, first: str, last: str, field: str, when: str
) -> None:
    results = list(read_all(corpus(name)))
    assert len(results) == 1
    article = results[0].value
    assert article.headline == headline
    assert len(article.paragraphs) == count
    assert article.paragraphs[0].startswith(first)
    assert article.paragraphs[-1].endswith(last)
    assert iso(getattr(article, field)) == when


def test_wire_copy_in_one_paragraph_keeps_its_bullets_and_byline() -> None:
    """Reuters' body is one <p> of wire copy: indented first lines, "    * " bullets, then
    "    By Arpan Varghese" before the story, and no byline in the metadata."""
    article = read(corpus("reuters-L4N1FL0N0-gold.xml")).value
    assert article.byline == "By Arpan Varghese"
    assert article.authors == [Person(name="Arpan Varghese")]
    assert article.body[1] == List(
        items=[
            ListItem(blocks=[Paragraph(content=[Span(text=text)])])
            for text in (
                "Spot gold may edge up to $1,205 per ounce- technicals",
                "Investors eye U.S. Fed monetary policy meeting",
                "Dollar index down 0.1 percent",
            )
        ]
    )
    assert article.paragraphs[1].startswith("Jan 30 (Reuters) - Gold rose on Tuesday")
    # a body that is nothing but a byline stays the body
    assert read(corpus("reuters-text-benitez.xml")).value.paragraphs == ["By Toby Davis"]


def test_ap_news_message_holds_three_articles() -> None:
    results = list(read_all(corpus("ap-newsmessage-3items-nitf.xml")))
    articles_ = [result.value for result in results]
    assert [article.headline for article in articles_] == [
        "Nutrisystem beats 4Q earnings and revenue expectations",
        "DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations",
        "Scripps Networks tops 4Q profit and revenue expectations",
    ]
    assert [len(article.paragraphs) for article in articles_] == [10, 11, 7]
    first = articles_[0]
    assert first.dateline == Dateline(place="FORT WASHINGTON, Pa.", agency="AP")
    assert first.paragraphs[0] == (
        "Nutrisystem Inc. (NTRI) on Monday reported fourth-quarter net income of $10.9 million."
    )
    assert str(first.published) == "2018-02-26 21:20:36+00:00"
    assert str(first.updated) == "2018-02-26 21:20:34+00:00"
    assert first.keywords == ["Nutrisystem", "Earnings Report", "Pennsylvania"]
    assert first.editor_note == "Eds: Adds full-year results."
    assert first.urgency == 4
    assert first.source == Source(name="Automated Insights", uri="apsourceid:z01122")
    assert (
        Concept(
            name="NutriSystem Inc", code="792af22b8f0b4133ba38fcf117561e66", vocabulary="apcompany"
        )
        in first.organisations
    )
    assert articles_[1].places[0].name == "Maryland"
    assert "newsml:newsMessage/header" in first.extras
    assert "newsml:contentMeta/altId" in first.extras


def test_dpa_metadata_and_xhtml_header() -> None:
    result = read(corpus("dpa-eintracht.xml"))
    article = result.value
    assert article.dateline == Dateline(place="London", agency="dpa")
    assert article.source == Source(name="dpa")
    assert article.language == "de"
    assert article.keywords == ["Champions League", "Frankfurt", "London"]
    assert (
        Concept(
            name="Fußball", code="20001065", vocabulary="http://cv.iptc.org/newscodes/mediatopic/"
        )
        in article.subjects
    )
    assert Concept(name="Großbritannien", code="54", vocabulary="dpacountry") in article.places
    assert article.rights == Rights(
        holder="Deutsche Presse-Agentur GmbH",
        notice="Copyright 2022, dpa (www.dpa.de). Alle Rechte vorbehalten",
        usage_terms="Nutzung nur nach schriftlicher Vereinbarung mit dpa",
    )
    assert article.authors == [Person(name="degenhardt.sandra", uri="dpa-ad:degenhardt.sandra")]
    # the page header (slugline list, time stamp, h1) is not body text
    assert "11.10.2022 11:14" not in " ".join(article.paragraphs)
    assert article.paragraphs[0].startswith("2019 gab es bittere Tränen")
    assert "newsml-body-repeat" in codes(result)
    assert "newsml:itemMeta/edNote" in article.extras  # the notepad, kept


def test_no_namespace_message_with_package_and_picture() -> None:
    result = read(corpus("tt-newsmlg2-sample.xml"))
    article = result.value
    assert article.slugline == "janguillou"
    assert article.urgency == 3
    assert [person.name for person in article.people] == ["Jan Guillou", "Erik Ponti", "Hamilton"]
    assert article.organisations == [Concept(name="Aftonbladet")]
    assert [block.type for block in article.body] == [
        "figure", "paragraph", "quote", "paragraph", "quote", "paragraph",
    ]  # fmt: skip
    # <div class="dat"><span class="vignette">Litteratur</span><span class="source">TT</span>
    assert article.extras["newsml:body/labels"] == {"vignette": "Litteratur", "source": "TT"}
    assert "markup-labels-moved" in codes(result)
    assert article.source == Source(name="TT", uri="http://cv.iptc.org/newscodes/newsprovider/TT")
    # the package ties the picture item to the story; the body's <figure> is that picture
    assert "newsml-item-skipped" not in codes(result)
    figure = article.body[0]
    assert isinstance(figure, Figure)
    assert figure.id == "http://tt.se/media/image/sdlm1btzmKu8WU"
    assert figure.credit == "Naina Helén Jåma/TT"
    assert figure.caption_text.startswith("Journalisten och författaren Jan Guillou")
    assert [(r.name, r.width, r.height, r.size) for r in figure.renditions] == [
        ("highRes", 4928, 3280, 6223550),
        ("preview", 1024, 682, 156675),
        (None, 1024, 682, 156675),
        ("thumbnail", 256, 171, 15076),
    ]
    assert article.media == []


def test_prefixed_canceled_item_without_body() -> None:
    result = read(corpus("reuters-2016-L1N14N0FF-ns0-prefix.xml"))
    article = result.value
    assert article.headline == (
        "CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream"
    )
    assert article.status == "canceled"
    assert article.body == []
    assert "newsml-no-body" in codes(result)
    assert len(article.subjects) == 50


def test_text_item_with_empty_inline_xml_is_an_article_without_body() -> None:
    result = read(corpus("iptc-LISTING_1_news_item.xml"))
    article = result.value
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.body == []
    assert "newsml-no-body" in codes(result)
    assert article.rights == Rights(
        holder="Example Enews LLP",
        notice="Copyright 2017-18 Example Enews LLP, all rights reserved",
        usage_terms="Not for use outside the United States",
    )
    assert article.genres == [
        Concept(
            name="Interview", code="interview", vocabulary="http://cv.iptc.org/newscodes/genre/"
        )
    ]
    assert article.dateline == Dateline(place="Berlin")
    assert str(article.published) == "2016-10-18 13:12:21-05:00"
    assert article.embargoed == datetime(2018, 10, 23, 12, tzinfo=UTC)
    assert "newsml:itemMeta/embargoed" not in article.extras
    # a subject with a German name and a broader concept besides its English name: kept whole
    assert article.extras["newsml:contentMeta/subject"] == [
        {
            "@type": "cpnat:abstract",
            "@qcode": "medtop:20000523",
            "name": [
                {"@lang": "en-GB", "#text": "labour market"},
                {"@lang": "de", "#text": "Arbeitsmarkt"},
            ],
            "broader": [{"@qcode": "medtop:04000000"}],
        }
    ]


def test_dpa_stock_tables() -> None:
    article = read(corpus("dpa-170629-90-027185-table.xml")).value
    tables = [block for block in article.body if isinstance(block, Table)]
    assert len(tables) == 2
    rows = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert len(rows) == 11
    assert rows[0] == ["Gewinner", "Kurs", "Veränderung in Prozent"]
    assert rows[1] == ["1. Aurubis", "69,03", "(+ 1,62)"]


def test_headline_roles_and_plain_text_body() -> None:
    article = read(corpus("ansa-newsmlg2-text.xml")).value
    assert article.subheadline == "Foreign minister expresses faith in Spanish government"
    assert article.language == "it"
    assert article.subjects[0] == Concept(name="ALR")  # a literal is the readable name
    # the image remoteContent of the text item itself is the story's picture
    assert article.media == [
        Media(
            role="featured",
            renditions=[
                Rendition(
                    name="highRes",
                    uri="tag:ansa.it,2017-10-11:200400bfd17a98e68ea9597546e5ec93.jpg",
                    media_type="image/jpeg",
                )
            ],
        )
    ]


def test_timestamp_dateline_and_byline_repeat() -> None:
    result = read(corpus("reuters-2014-KBN0FL0NN_v5-assad.xml"))
    article = result.value
    assert article.byline == "By Marwan Makdisi"
    assert article.authors == [Person(name="Marwan Makdisi")]
    assert article.dateline == Dateline(place="DAMASCUS", agency="Reuters")
    assert article.extras["newsml:dateline"] == "2014-07-16 15:53:10 GMT+00:00"
    assert article.version == 5
    assert "newsml-body-repeat" in codes(result)


def test_item_without_headline() -> None:
    result = read(corpus("stt-newsml-no-headline.xml"))
    assert result.value.headline is None
    assert "no-headline" in codes(result)
    assert result.value.paragraphs[0].startswith("*** DISCLAIMER")


def test_nitf_inside_item_fills_headline_and_byline() -> None:
    article = read(corpus("businessdesk-scoop-bom-nonconforming.xml")).value
    # body.head says <byline>By<person>Staff Reporter</person><byttl>BusinessDesk</byttl>, which
    # credits no one; the body opens "By Jonathan Underhill", which does.
    assert article.byline == "By Jonathan Underhill"
    assert article.authors == [Person(name="Jonathan Underhill")]
    assert article.extras["newsml:byline"] == "By Staff Reporter, BusinessDesk"
    listing = read(corpus("iptc-LISTING_2_text_document_nitf.xml")).value
    assert listing.byline == "By Meredith Jameson, Staff Reporter"
    assert listing.source == Source(name="Associated Press", uri="is:AP")


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("iptc-LISTING_6_package.xml", "packageItem tag:example.com,2008:UK-NEWS-TOPTEN"),
        ("reuters-snep-package.xml", "packageItem tag:reuters.com,0000:newsml_TRE7AA2CP"),
    ],
)
def test_packages_hold_no_article(name: str, what: str) -> None:
    with pytest.raises(InputError, match="holds no text article") as caught:
        read(corpus(name))
    assert what in str(caught.value)


def test_every_real_file_converts_to_json_with_headline_and_body() -> None:
    """The acceptance check: every article in the corpus has a headline and body text, except
    the documented cases (a kill notice and a guideline example without body, an item without
    headline, two packages)."""
    no_body = {"iptc-LISTING_1_news_item.xml", "reuters-2016-L1N14N0FF-ns0-prefix.xml"}
    no_headline = {"stt-newsml-no-headline.xml"}
    packages = {"iptc-LISTING_6_package.xml", "reuters-snep-package.xml"}
    for path in sorted(shared_path("corpus", "newsml-g2").glob("*.xml")):
        if path.name in packages:
            continue
        for result in read_all(path):
            dumped = json.loads(write(result.value, format="json").value)
            assert bool(dumped.get("headline")) == (path.name not in no_headline), path.name
            assert bool(dumped.get("body")) == (path.name not in no_body), path.name


# --- newsMessage: several articles, CLI outputs ---------------------------------------------------


def test_message_of_our_own_with_two_stories_and_a_picture(tmp_path: Path) -> None:
    path = NEWSML_DATA / "ferry-message.xml"
    results = list(read_all(path))
    assert [result.value.headline for result in results] == [
        "Night Ferry Timetable Extended Through Winter",
        "Harbour Café Reopens After Storm Repairs",
    ]
    assert results[0].value.body[1].type == "list"
    assert codes(results[0]) == ["newsml-item-skipped"]
    done = run_cli("convert", str(path), "--to", "json")
    assert done.code == 2
    assert "write one file each into a folder (-o DIR/), or all into one with --to jsonl" in (
        done.stderr
    )
    done = run_cli("convert", str(path), "--to", "jsonl", "-q")
    assert done.code == 0
    assert len(done.text.splitlines()) == 2
    folder = tmp_path / "out"
    assert run_cli("convert", str(path), "-o", f"{folder}/", "-q").code == 0
    assert sorted(p.name for p in folder.iterdir() if p.name[0] != ".") == [
        "ferry-message-2.json",
        "ferry-message.json",
    ]


def test_a_message_with_a_bad_item_leaves_no_outputs_in_the_folder(tmp_path: Path) -> None:
    """Converting an input writes all of its articles or none of them."""
    data = (NEWSML_DATA / "ferry-message.xml").read_bytes()
    second = data.index(b"<newsItem", data.index(b"<newsItem") + 1)
    first_paragraph = data.index(b"<p>", second)
    message = tmp_path / "message.xml"
    message.write_bytes(
        data[:first_paragraph] + b"<p>Too many.</p>" * 50_001 + data[first_paragraph:]
    )
    folder = tmp_path / "out"
    done = run_cli("convert", str(message), "-o", f"{folder}/", "-q")
    assert done.code == 1
    assert "more than 50000" in done.stderr
    assert not folder.exists() or not [path for path in folder.iterdir() if path.name[0] != "."]


def test_output_names(tmp_path: Path) -> None:
    """A plain ``.xml`` output fits both XML formats and asks for --to; the longer endings decide,
    and a folder output gets one ``.newsml.xml`` file per article."""
    story = DATA / "text" / "byline-dash-dateline.txt"
    done = run_cli("convert", str(story), "-o", str(tmp_path / "story.xml"), "-q")
    assert done.code == 2
    assert "fits several formats (newsml, nitf); choose one with --to" in done.stderr
    for name, root in (("a.newsml.xml", b"<newsItem"), ("a.g2.xml", b"<newsItem"),
                       ("a.nitf.xml", b"<nitf"), ("a.nitf", b"<nitf")):  # fmt: skip
        assert run_cli("convert", str(story), "-o", str(tmp_path / name), "-q").code == 0
        assert root in (tmp_path / name).read_bytes()[:200]
    folder = tmp_path / "items"
    done = run_cli("convert", str(NEWSML_DATA / "ferry-message.xml"), "-o", f"{folder}/",
                   "--to", "newsml", "-q")  # fmt: skip
    assert done.code == 0
    assert sorted(path.name for path in folder.iterdir() if path.name[0] != ".") == [
        "ferry-message-2.newsml.xml",
        "ferry-message.newsml.xml",
    ]


def test_message_without_any_text_item() -> None:
    data = (NEWSML_DATA / "ferry-message.xml").read_bytes()
    for kind in (b"text", b"picture"):
        data = data.replace(b'qcode="ninat:' + kind + b'"', b'qcode="ninat:composite"')
    with pytest.raises(InputError, match=r"holds no text article: newsItem .* \(composite item"):
        read(data)


def test_a_message_of_pictures_reads_as_one_article_per_picture() -> None:
    data = (NEWSML_DATA / "ferry-message.xml").read_bytes()
    data = data.replace(b'qcode="ninat:text"', b'qcode="ninat:picture"')
    articles = [result.value for result in read_all(data)]
    assert articles[0].headline == ("Night Ferry Timetable Extended Through Winter")
    assert all(article.body[0].type == "figure" for article in articles)


def test_content_sniffing_whatever_the_extension(tmp_path: Path) -> None:
    copy = tmp_path / "story.txt"
    copy.write_bytes((NEWSML_DATA / "ferry-message.xml").read_bytes())
    done = run_cli("convert", str(copy), "--to", "jsonl", "-q")
    assert done.code == 0
    assert json.loads(done.text.splitlines()[0])["slugline"] == "ferries-winter"


# --- the writer ----------------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["xhtml", "nitf"])
def test_every_field_round_trips(body: str) -> None:
    article = harbour_article()
    written = write(article, format="newsml", options={"body": body})
    assert written.warnings == ()
    assert_schema_valid(written.value, "newsml")
    assert read(written.value).value == article
    text = written.value.decode()
    assert 'qcode="subj:04018000"' in text
    assert '<scheme alias="ak1" uri="https://example.org/topics/"/>' in text
    assert '<scheme alias="medtopx" uri="urn:articlekit:newsml:alias:medtopx"/>' in text
    assert '<headline role="akrole:subheadline">' in text


def test_output_is_deterministic() -> None:
    article = harbour_article()
    assert write(article, format="newsml").value == write(article, format="newsml").value


def test_required_values_for_an_article_with_nothing() -> None:
    article = Article(body=[Paragraph(content=[Span(text="Only a body.")])])
    written = write(article, format="newsml")
    assert_schema_valid(written.value, "newsml")
    assert codes(written) == ["newsml-date-missing"]
    assert b'<provider literal="unknown"/>' in written.value
    assert b"<versionCreated>1970-01-01T00:00:00+00:00</versionCreated>" in written.value
    assert read(written.value).value == article


def test_extras_are_reported_as_dropped() -> None:
    article = Article(headline="Title Here", extras={"text:notebook": "x"})
    written = write(article, format="newsml")
    assert codes(written) == ["field-dropped", "newsml-date-missing"]
    assert "extras" in written.warnings[0].message


def test_schema_option_validates_the_output(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = str(schema_folder())
    written = write(harbour_article(), format="newsml", options={"schemas": folder})
    assert written.value.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem')
    from articlekit.formats.newsml import write as newsml_write

    original = newsml_write.ItemWriter._item_meta

    def broken(self: newsml_write.ItemWriter, root: object) -> None:
        original(self, root)
        root[-1].insert(0, root[-1][0].__copy__())  # type: ignore[index]  # two itemClass

    monkeypatch.setattr(newsml_write.ItemWriter, "_item_meta", broken)
    with pytest.raises(OutputError, match="not schema-valid"):
        write(harbour_article(), format="newsml", options={"schemas": folder})
    write(harbour_article(), format="newsml")  # without a schema folder, nothing is checked


def test_bad_body_option() -> None:
    from articlekit.errors import UsageError

    with pytest.raises(UsageError, match="xhtml or nitf"):
        write(harbour_article(), format="newsml", options={"body": "html"})


def test_schema_problems_for_validate() -> None:
    reader = registry.get_reader("newsml")
    folder = schema_folder()
    assert reader.schema_problems(corpus("dpa-eintracht.xml").read_bytes(), folder) == []  # type: ignore[attr-defined]
    problems = reader.schema_problems(corpus("ansa-newsmlg2-text.xml").read_bytes(), folder)  # type: ignore[attr-defined]
    assert problems and problems[0].line is not None
    assert "dateTime" in " ".join(problem.message for problem in problems)
    broken_nitf = (
        corpus("iptc-LISTING_22_sports_story_nitf.xml")
        .read_bytes()
        .replace(b"<body.content>", b"<body.content><bogus/>")
    )
    problems = reader.schema_problems(broken_nitf, folder)  # type: ignore[attr-defined]
    assert [problem.message.startswith("embedded NITF:") for problem in problems] == [True]


# --- round trips --------------------------------------------------------------------------------


# The dateline "A" and a body opening "A.": the dateline is not printed in the body.
DATELINE_LIKE_BODY = Article(
    dateline=Dateline(place="A"),
    organisations=[Concept(name="A")],
    body=[Paragraph(content=[Span(text="A.")])],
)


@given(articles(NEWSML_FIELDS))
@example(DATELINE_LIKE_BODY)
def test_round_trip_keeps_every_carried_field(article: Article) -> None:
    """read(write(a)) == a whenever the writer reports no loss; every output is schema-valid."""
    written, back = written_and_read(article, "newsml")
    if not set(codes(written)) & LOSS_CODES:
        assert back == article, written.value.decode()


@given(articles())
@example(DATELINE_LIKE_BODY)
def test_writer_reports_every_loss(article: Article) -> None:
    written, back = written_and_read(article, "newsml", {"body": "nitf"})
    carried = set(NEWSML_FIELDS)
    if back.model_dump(include=carried) != article.model_dump(include=carried):
        assert set(codes(written)) & LOSS_CODES, written.value.decode()
    if article.extras:
        assert "field-dropped" in codes(written)


def test_broken_values_are_warnings_not_errors() -> None:
    data = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:broken"
        version="0" standard="NewsML-G2" standardversion="2.35" xml:lang="not a tag!">
      <catalog><scheme alias="sp" uri="http://example.org/has space/"/></catalog>
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider uri="http://example.org/a b"><name>Broken Wire</name></provider>
        <versionCreated>yesterday</versionCreated>
        <firstCreated>2024-02-30T10:00:00Z</firstCreated>
        <pubStatus qcode="stat:maybe"/>
      </itemMeta>
      <contentMeta>
        <urgency>12</urgency>
        <creator uri="x y"><name>Ana Ruiz</name></creator>
        <subject qcode="sp:1"><name>Spaced</name></subject>
        <headline>Still Readable</headline>
      </contentMeta>
      <contentSet><inlineData contenttype="text/plain">One paragraph.</inlineData></contentSet>
    </newsItem>"""
    result = read(data)
    article = result.value
    assert article.headline == "Still Readable"
    assert article.paragraphs == ["One paragraph."]
    assert (article.version, article.urgency, article.status, article.language) == (
        None, None, None, None,
    )  # fmt: skip
    assert article.source == Source(name="Broken Wire")
    assert article.authors == [Person(name="Ana Ruiz")]
    assert article.subjects == [Concept(name="Spaced", code="1", vocabulary="sp")]
    assert set(codes(result)) == {"newsml-value-invalid", "language-invalid", "date-unparsed"}
    assert article.extras["newsml:itemMeta/pubStatus"] == [{"@qcode": "stat:maybe"}]


def test_a_person_credited_in_two_roles_is_one_author_and_the_roles_are_kept() -> None:
    data = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:roles"
        version="1" standard="NewsML-G2" standardversion="2.35">
      <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
      <contentMeta>
        <creator role="crol:writer" uri="http://example.org/staff/ana">
          <name>Ana Ruiz</name>
          <related rel="skos:broader" qcode="desk:metro"><name>Metro desk</name></related>
        </creator>
        <creator uri="http://example.org/staff/li"><name>Li Wei</name></creator>
        <creator role="crol:editor" uri="http://example.org/staff/ana">
          <name>Ana Ruiz</name>
        </creator>
        <creator uri="http://example.org/staff/li"><name>Li Wei</name></creator>
        <creator><name>Sam Lee</name></creator>
        <creator><name>Sam Lee</name></creator>
        <headline>Ferries Run Late</headline>
      </contentMeta>
      <contentSet><inlineData contenttype="text/plain">One paragraph.</inlineData></contentSet>
    </newsItem>"""
    article = read(data).value
    assert article.authors == [
        Person(name="Ana Ruiz", uri="http://example.org/staff/ana"),
        Person(name="Li Wei", uri="http://example.org/staff/li"),
        Person(name="Sam Lee"),
        Person(name="Sam Lee"),  # (no id: two people of one name)
    ]
    # what an author cannot hold (the roles, the desk) is kept; Li Wei's repeat says nothing more
    kept = article.extras["newsml:contentMeta/creator"]
    assert [creator["@role"] for creator in kept] == ["crol:writer", "crol:editor"]
    assert kept[0]["related"][0]["name"] == ["Metro desk"]


@pytest.mark.parametrize("value", ["a#b#c", "[x]", "a]b", "a%b", "%zz"])
def test_identifiers_that_are_not_iris_are_left_out_with_a_warning(value: str) -> None:
    """Valid article identifiers that NewsML-G2's IRIType (xs:anyURI) refuses."""
    article = Article(
        headline="Ferries Here",
        source=Source(name="Courier", uri=value),
        authors=[Person(name="Jane Doe", uri=value)],
        subjects=[Concept(name="Harbours", code="c", vocabulary=value, uri=value)],
    )
    written = write(article, format="newsml", options={"schemas": str(schema_folder())})
    assert codes(written).count("field-dropped") == 4
    assert value.encode() not in written.value


# --- bylines that credit no one -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "authors"), [("By Our Harbour Staff", []), ("By Ana Ruiz", ["Ana Ruiz"])]
)
def test_a_byline_without_authors_is_reported_only_when_it_names_people(
    byline: str, authors: list[str]
) -> None:
    """A job title alone ("By Our Harbour Staff") names no one: no reader takes authors from it
    (the writer said "the byline names people, who will read back as authors")."""
    article = Article(
        headline="Ferry Timetable Changes",
        byline=byline,
        published=date(2031, 3, 3),
        body=[Paragraph(content=[Span(text="The late crossing moves to nine.")])],
    )
    written, back = written_and_read(article, "newsml")
    reported = [w for w in written.warnings if w.code == "newsml-not-round-trippable"]
    assert bool(reported) == bool(authors)
    assert [person.name for person in back.authors] == authors


# --- pictures in a NITF body ------------------------------------------------------------------

_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _picture_story(figure: Figure) -> Article:
    return Article(
        headline="Picture story",
        published=datetime(2024, 5, 1, 10, tzinfo=UTC),
        body=[Paragraph(content=[Span(text="Body text.")]), figure],
    )


def test_a_nitf_body_picture_is_tied_to_its_picture_item() -> None:
    """The NITF ``media`` names its picture item (``media-metadata`` ``id``), so the reader
    completes the figure with the item (its title: NITF has no place for one) instead of adding
    the item as another media entry; its bytes travel in ``media-object``, so none are
    reported lost."""
    figure = Figure(
        title="Town hall",
        caption=[Span(text="The town hall.")],
        credit="Ann Lee",
        renditions=[Rendition(resource=Resource.of(_PNG, "image/png"), width=1, height=1)],
    )
    article = _picture_story(figure)
    written, back = written_and_read(article, "newsml", {"body": "nitf"})
    assert b'<media-metadata name="id" value="urn:articlekit:media:' in written.value
    assert codes(written) == []
    assert back.media == []
    assert back.body == article.body


def test_a_nitf_body_picture_gets_the_rights_its_item_holds() -> None:
    """NITF holds a picture's copyright notice only; the holder and the terms come back from its
    picture item."""
    figure = Figure(
        id="urn:x:pic1",
        title="Town hall",
        alt_text="A hall",
        creators=[Person(name="Bo Lens")],
        rights=Rights(holder="Agency", notice="(c) Agency", usage_terms="No sales"),
        renditions=[Rendition(uri="https://example.org/a.jpg", media_type="image/jpeg")],
    )
    article = _picture_story(figure)
    written, back = written_and_read(article, "newsml", {"body": "nitf"})
    assert codes(written) == []
    assert (back.body, back.media) == (article.body, [])


def test_two_alike_pictures_without_ids_read_back_without_ids() -> None:
    """Two pictures with the same caption and credit get the same derived guid, the second made
    distinct ('-2', '-2-2'); the reader knows those as derived too and invents no id."""
    figure = Figure(caption=[Span(text="The quay.")], credit="Ann Lee")
    article = _picture_story(figure)
    article.body.append(figure.model_copy())
    article.media.append(Media(caption=figure.caption, credit=figure.credit))
    written, back = written_and_read(article, "newsml")
    assert b"-2-2" in written.value and codes(written) == []
    assert (back.body, back.media) == (article.body, article.media)


def test_a_media_id_made_distinct_is_reported() -> None:
    """Two pictures with the same id: the second's guid is made distinct, and that id will read
    back changed."""
    figure = Figure(id="urn:x:quay", caption=[Span(text="The quay.")])
    article = _picture_story(figure)
    article.body.append(figure.model_copy())
    written, back = written_and_read(article, "newsml")
    assert [figure.id for figure in back.body if isinstance(figure, Figure)] == [
        "urn:x:quay",
        "urn:x:quay-2",
    ]
    assert [w.fields for w in written.warnings if w.code == "newsml-not-round-trippable"] == [
        ("body",)
    ]


def test_associated_media_bytes_are_reported_under_a_nitf_body() -> None:
    """Picture items hold no bytes: those of media beside the body are reported lost."""
    lead = Media(role="related", renditions=[Rendition(resource=Resource.of(_PNG, "image/png"))])
    article = _picture_story(Figure(caption=[Span(text="Only a caption.")]))
    written = write(article.model_copy(update={"media": [lead]}), format="newsml",
                    options={"body": "nitf"})  # fmt: skip
    assert codes(written) == ["media-bytes-dropped"]


def _embargoed_item(embargoed: str) -> bytes:
    return f"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:dues:4"
  version="1" standard="NewsML-G2" standardversion="2.35" conformance="power">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="harbour-desk"/>
    <versionCreated>2031-03-01T08:00:00Z</versionCreated>
    <embargoed>{embargoed}</embargoed><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><headline>Harbour dues to rise in spring</headline></contentMeta>
</newsItem>""".encode()


def test_an_embargo_that_cannot_be_read_holds_the_item() -> None:
    result = read(_embargoed_item("Tuesday at nine"), format="newsml")
    article = result.value
    assert (article.status, article.embargoed) == ("withheld", None)
    assert article.editor_note == "Embargoed: Tuesday at nine"
    assert any(w.code == "date-unparsed" and "held" in w.message for w in result.warnings)
    empty = read(_embargoed_item(""), format="newsml").value  # (not embargoed: no hold)
    assert (empty.status, empty.editor_note) == ("usable", None)


def test_an_embargo_that_cannot_be_read_withholds_a_usable_item_and_says_so() -> None:
    """The item's own ``stat:usable`` is overridden (an embargo is never lifted early), but kept
    in extras and named in the warning."""
    result = read(_embargoed_item("Tuesday at nine"), format="newsml")
    assert result.value.status == "withheld"
    assert result.value.extras["newsml:itemMeta/pubStatus"] == [{"@qcode": "stat:usable"}]
    (warning,) = [w for w in result.warnings if w.code == "embargo-withholds-usable"]
    assert "usable" in warning.message and "'Tuesday at nine'" in warning.message


_NOTES = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:dues:5"
  version="2" standard="NewsML-G2" standardversion="2.35" conformance="power">
  <catalog><scheme alias="hbnote" uri="http://example.org/harbour/noterole/"/></catalog>
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="harbour-desk"/>
    <versionCreated>2031-03-01T08:00:00Z</versionCreated>
    <edNote role="hbnote:notepad">Figures checked with the port board.</edNote>
    <edNote role="hbnote:correction">Corrects the date of the vote.</edNote>
    <edNote role="hbnote:service">For the coastal service only.</edNote>
  </itemMeta>
  <contentMeta><headline>Harbour dues to rise in spring</headline></contentMeta>
</newsItem>"""


def test_ednotes_of_a_correction_or_general_role_are_the_editors_note() -> None:
    """A correction and a notepad note are notes to editors, joined a blank line apart; a note
    of another role (a service's) stays in extras. The roles go back into NewsML-G2."""
    article = read(_NOTES, format="newsml").value
    assert article.editor_note == (
        "Figures checked with the port board.\n\nCorrects the date of the vote."
    )
    assert "newsml:itemMeta/edNote" in article.extras
    ninjs = json.loads(write(article, format="ninjs").value)
    assert ninjs["edNote"] == article.editor_note
    written, back = written_and_read(article, "newsml")
    text = written.value.decode()
    assert '<edNote role="ak1:correction">Corrects the date of the vote.</edNote>' in text
    assert 'uri="http://example.org/harbour/noterole/"' in text
    assert back.editor_note == article.editor_note
    edited = article.model_copy(update={"editor_note": "Hold for the desk."})
    rewritten, _ = written_and_read(edited, "newsml")
    assert b"<edNote>Hold for the desk.</edNote>" in rewritten.value


def _dateline_item(meta: str, body: str) -> bytes:
    return f"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:ferry:1"
  version="1" standard="NewsML-G2" standardversion="2.29" conformance="power">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="harbour-desk"/>
    <versionCreated>2031-03-01T08:00:00Z</versionCreated></itemMeta>
  <contentMeta><headline>Ferry plan approved</headline>{meta}</contentMeta>
  <contentSet>{body}</contentSet>
</newsItem>""".encode()


_XHTML_BODY = (
    '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
    "<head><title/></head><body><p>KVARNBY (NTP) \u2014 The harbour board approved the ferry "
    "plan.</p><p>Work starts in May.</p></body></html></inlineXML>"
)
_NITF_BODY = (
    '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/'
    '2006-10-18/"><body><body.content><p>KVARNBY (NTP) \u2014 The harbour board approved the '
    "ferry plan.</p><p>Work starts in May.</p></body.content></body></nitf></inlineXML>"
)


@pytest.mark.parametrize("body", [_XHTML_BODY, _NITF_BODY], ids=["xhtml", "nitf"])
def test_a_dateline_printed_in_the_body_is_the_dateline_when_the_item_gives_none(
    body: str,
) -> None:
    """As the text reader reads it (the shared rules); written back it reads back once."""
    article = read(_dateline_item("", body), format="newsml").value
    assert article.dateline == Dateline(place="KVARNBY", agency="NTP")
    assert article.paragraphs == [
        "The harbour board approved the ferry plan.",
        "Work starts in May.",
    ]
    _, back = written_and_read(article, "newsml")
    assert (back.dateline, back.paragraphs) == (article.dateline, article.paragraphs)


@pytest.mark.parametrize("body", [_XHTML_BODY, _NITF_BODY], ids=["xhtml", "nitf"])
def test_located_names_the_place_and_the_printed_dateline_adds_its_agency(body: str) -> None:
    located = '<located type="loctype:city"><name>Kvarnby</name></located>'
    article = read(_dateline_item(located, body), format="newsml").value
    assert article.dateline == Dateline(place="Kvarnby", agency="NTP")
    assert article.paragraphs[0] == "The harbour board approved the ferry plan."


def test_a_body_opening_with_a_dateline_of_no_dateline_is_reported_by_the_writer() -> None:
    article = Article(
        headline="Ferry plan approved",
        body=[Paragraph(content=[Span(text="KVARNBY (NTP) \u2014 The board approved it.")])],
    )
    written, back = written_and_read(article, "newsml")
    assert any("opens with a dateline" in warning.message for warning in written.warnings)
    assert back.dateline == Dateline(place="KVARNBY", agency="NTP")
