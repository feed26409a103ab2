"""NITF: the real agency files of the shared corpus, the writer (always checked against the
official NITF 3.6 XSD) and round trips. Expected values for the shared files were written by
reading the files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given

from articlekit import Article, read, registry, write
from articlekit.formats.nitf.read import SUBJECTS_AS_WRITTEN
from articlekit.formats.nitf.write import CARRIED
from articlekit.model import (
    Concept,
    Dateline,
    Figure,
    Heading,
    Media,
    Paragraph,
    Person,
    Rendition,
    Rights,
    Source,
    Span,
    Table,
    TableCell,
    TableRow,
)
from articlekit.schemas import NotCheckable
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
from strategies import articles

NITF_DATA = DATA / "nitf"
LOSS_CODES = BASE_LOSS_CODES | {"nitf-not-round-trippable"}


def corpus(name: str) -> Path:
    return shared_path("corpus", "nitf", name)


# --- the shared corpus --------------------------------------------------------------------------

# (file, headline, paragraphs, first paragraph starts, last paragraph ends, published)
FILES = [
    ("aap-abc-tv-news.xml", "The main stories on today's 1900 ABC TV news", 13,
     "The main stories on ABC television's 1900 news:", "AAP RTV ar",
     "2013-10-20T19:27:51+11:00"),
    ("aap-finance.xml", "ASIA:Samsung sells defence, petrochemical units", 14,
     "SEOUL, Nov 26 AFP - Samsung has announced the sale of stakes in four petrochemical",
     "AFP sn", "2014-11-26"),
    ("aap-sports.xml", "RL:Ferguson returns at centre for Roosters", 5,
     "Blake Ferguson has been named to make his top grade return at centre", "AAP RTV",
     "2015-02-18"),
    ("ap-media-nitf-namespaced-table.xml", "BC-BBN--Top Ten", 3, "Yelich, Milwaukee, 31;",
     "Scherzer, Washington, 8-5.", "2019-07-03T04:05:12+00:00"),
    ("ap-nitf-pollution.xml", "Can trading pollution like stocks help fight climate change?", 28,
     "The gas produced by hog manure at farms across the U.S. punches holes",
     "http://www.bigstory.ap.org/content/bernard-condon .", "2015-12-10T19:10:44+00:00"),
    ("cp-rideau-hall.xml",
     "Man accused of ramming gate at Rideau Hall with truck faces multiple charges", 27,
     "A Manitoba man is facing 22 criminal charges",
     "This report by The Canadian Press was first published July 3, 2020.",
     "2020-07-03T16:51:36-04:00"),
    ("efe-nitf.xml", "Honduran president announces Cabinet changes", 1,
     "Test body.", "Test body.", "2017-01-02T22:28:00+00:00"),
    ("nitf-fishing-doctype.xml", "Weather and Tide Updates for Norfolk", 7,
     "The weather was superb today in Norfolk, Virginia.",
     "Stewart Klometers contributed to this article.", "2002-02-25T14:30:00-05:00"),
    ("ntb-faktisk-latin1.xml",
     "Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030", 39,
     "Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030",
     "/js/embed.js\"></script>", "2020-09-07"),
    ("ntb-nitf-sample.xml", "Pandemien herjer på den legeløse indiske landsbygda", 19,
     "Koronapandemien herjer også i landsbyer rundt omkring i India.",
     "kenneth.kandolf.haug@ntb.no/per.christensen@ntb.no", "2021-05-16"),
    ("pa-bake-off.xml", "GREAT BRITISH BAKE OFF COOKS UP TOP FIVE MOST-WATCHED SHOWS OF 2016", 21,
     "The Great British Bake Off has made a clean sweep", "ends",
     "2016-10-03T15:22:57+01:00"),
    ("pa-hard-brexit-latin1.xml", "HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY", 19,
     "Treasury coffers will take a £66 billion annual hit", "ends",
     "2016-10-11T00:13:27+01:00"),
    ("pa-no-headline-pre.xml", None, 1, "International Match\nMexico v Panama",
     "Pinzon, Buitrago, Calderon.", "2015-10-14T02:43:58+01:00"),
    ("pa-sport-trivia.xml", "PA SPORT TRIVIA (OCTOBER 14)", 43, "ON THIS DAY IN SPORT", "ends",
     "2015-10-14T04:30:01+01:00"),
    ("pa-uk-break-up.xml",
     "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS", 1,
     "The UK risks breaking up unless all home nations play a hands-on role",
     "in the Brexit negotiations", "2016-09-08T13:24:46+01:00"),
    ("ritzau-mapping-test-latin1-declared.xml",
     "*En 41-årig mand, der onsdag blev anholdt og sat i forbindel", 4,
     "København /ritzau/: En 41-årig mand", "/ritzau/", "2016-05-12T00:05:13+02:00"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "headline", "count", "first", "last", "published"),
    FILES,
    ids=[item[0] for item in FILES],
)
def test_real_files(
    name: str, headline: str | None, count: int, first: str, last: str, published: str
) -> None:
    article = read(corpus(name)).value
    assert article.headline == headline
    assert len(article.paragraphs) == count
    assert article.paragraphs[0].startswith(first)
    assert article.paragraphs[-1].endswith(last)
    assert iso(article.published) == published


def test_a_time_stamp_dateline_gives_way_to_the_printed_one() -> None:
    """EFE's dateline element holds only story.date="20170102T222800+0000"; the body opens with
    "Tegucigalpa, Jan 2 (EFE).- "."""
    article = read(corpus("efe-nitf.xml")).value
    assert article.dateline == Dateline(place="Tegucigalpa", date_text="Jan 2", agency="EFE")
    assert article.paragraphs == ["Test body."]
    assert article.extras["nitf:dateline"] == {
        "story.date": [{"@norm": "20170102T222800+0000", "#text": "20170102T222800+0000"}]
    }


def test_every_real_file_converts_to_json() -> None:
    for path in sorted(shared_path("corpus", "nitf").glob("*.xml")):
        done = run_cli("convert", str(path), "--to", "json", "-q")
        assert done.code == 0, (path.name, done.stderr)
        article = json.loads(done.text)
        assert bool(article.get("headline")) == (path.name != "pa-no-headline-pre.xml")
        assert article["body"], path.name


def test_fishing_sample_every_element() -> None:
    result = read(corpus("nitf-fishing-doctype.xml"))
    article = result.value
    assert article.id == "iptc.321656141.b"
    assert article.subheadline == "A sample, fictitious NITF article"
    assert article.byline == "By Alan Karben, NITF Network News Online"
    assert article.authors == [Person(name="Alan Karben", role="NITF Network News Online")]
    assert article.dateline == Dateline(place="Newport News, VA")
    assert (
        article.summary == "Superb weather in Norfolk today. Tides coming in and out as per usual."
    )
    assert article.editor_note == "Today begins an expanded format of this popular column."
    assert article.slugline == "ongoing-winter-tide-updates"
    assert article.keywords == ["fishing", "lures", "tides"]
    assert article.status == "canceled"
    assert article.urgency == 3
    assert article.subjects[2] == Concept(
        name="Fishing Industry", code="04001002",
        vocabulary="http://cv.iptc.org/newscodes/subjectcode/",
    )  # fmt: skip
    assert article.genres == [Concept(name="feature")]
    assert article.organisations == [Concept(name="Acme Boat Company")]
    assert Concept(name="Norfolk") in article.places
    assert article.rights == Rights(
        holder="International Press Telecommunications Council", usage_terms="online"
    )
    kinds = [block.type for block in article.body]
    assert kinds == [
        "figure", "paragraph", "paragraph", "heading", "paragraph", "paragraph", "heading",
        "paragraph", "list", "paragraph", "paragraph",
    ]  # fmt: skip
    assert article.body[0] == Figure(
        caption=[Span(text="The tides, captured on film late yesterday.")],
        credit="Karben",
        alt_text="The tides are high.",
        renditions=[Rendition(uri="high-tide.jpg", media_type="image/jpeg", width=278, height=185)],
    )
    item = article.body[8].items[0].blocks[0]  # type: ignore[union-attr]
    assert item.content[0] == Span(text="Deer Creek:", emphasis=True)  # type: ignore[union-attr]
    assert codes(result) == []
    assert "nitf:note" in article.extras  # the editors' note came from ed-msg already
    assert "nitf:head/revision-history" in article.extras
    # <org idsrc="OTC:BB" value="XML">: a ticker, not a URI of the source
    assert article.source == Source(name="XML Team Solutions, Inc.")
    assert article.extras["nitf:distributor-org"] == {
        "@idsrc": "OTC:BB", "@value": "XML", "#text": "XML Team Solutions, Inc."
    }  # fmt: skip


_TITLED = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Night ferries</title><docdata>
<doc.copyright year="2024" holder="Westcliff Courier"/></docdata></head>
<body><body.head><hedline><hl1>Harbour ferries return to the night timetable</hl1></hedline>
</body.head><body.content><p>The board voted on Tuesday.</p></body.content></body></nitf>"""


def test_the_head_title_and_the_copyright_year_go_back_into_nitf() -> None:
    """Kept in extras when read, they were dropped when written to NITF again (reported as
    extras NITF cannot hold, which it can)."""
    article = read(_TITLED, format="nitf").value
    assert (article.extras["nitf:title"], article.extras["nitf:doc.copyright/@year"]) == (
        "Night ferries", "2024"
    )  # fmt: skip
    written = write(article, format="nitf")
    assert_schema_valid(written.value, "nitf")
    assert written.warnings == ()
    assert b"<title>Night ferries</title>" in written.value
    assert b'<doc.copyright year="2024" holder="Westcliff Courier"/>' in written.value
    assert read(written.value, format="nitf").value == article
    untitled = article.model_copy(update={"extras": {}, "headline": None})
    assert b"<title>" not in write(untitled, format="nitf").value
    yearly = read(_TITLED.replace(b' holder="Westcliff Courier"', b""), format="nitf").value
    assert b'<doc.copyright year="2024"/>' in write(yearly, format="nitf").value  # (no holder)
    spanned = read(_TITLED.replace(b'"2024"', b'"2024/25"'), format="nitf").value
    written = write(spanned, format="nitf")  # (the schema's year is a name token: reported)
    assert_schema_valid(written.value, "nitf")
    assert b"2024/25" not in written.value and "extras" in written.warnings[0].message


def test_byline_person_and_title() -> None:
    article = read(corpus("cp-rideau-hall.xml")).value
    assert article.byline == "Mia Rabson and Jordan Press, The Canadian Press"
    # one <person> of whole names joined by "and": each an author, with the title after them
    assert article.authors == [
        Person(name="Mia Rabson", role="The Canadian Press"),
        Person(name="Jordan Press", role="The Canadian Press"),
    ]
    assert article.dateline == Dateline(place="Ottawa, Ontario, Canada")
    assert article.keywords == ["National", "Justice", "Politics"]
    assert article.urgency == 2  # misplaced in head, read anyway
    pollution = read(corpus("ap-nitf-pollution.xml")).value
    assert pollution.byline == "By BERNARD CONDON, AP Business Writer"
    assert pollution.authors == [Person(name="BERNARD CONDON", role="AP Business Writer")]
    assert pollution.dateline == Dateline(place="NEW YORK", agency="AP")
    assert pollution.subheadline is None  # hl2 repeats hl1
    assert pollution.source == Source(name="The Associated Press")


def test_encodings() -> None:
    lying = read(corpus("ritzau-mapping-test-latin1-declared.xml"))
    assert "encoding-declaration-wrong" in codes(lying)
    assert "København" in lying.value.paragraphs[0]
    assert lying.value.language == "no-NO"
    honest = read(corpus("pa-hard-brexit-latin1.xml"))
    assert "encoding-declaration-wrong" not in codes(honest)
    assert "£66 billion" in honest.value.paragraphs[0]


def test_inline_entities_and_line_breaks() -> None:
    brexit = read(corpus("pa-hard-brexit-latin1.xml")).value
    assert Concept(name="George Osborne") in brexit.people
    assert Concept(name="World Trade Organisation") in brexit.organisations
    assert Concept(name="Britain") in brexit.places
    aap = read(corpus("aap-abc-tv-news.xml")).value
    assert "\n" not in aap.paragraphs[1]  # <br/> that only hard-wraps wire text is joined
    pre = read(corpus("pa-no-headline-pre.xml"))
    assert "no-headline" in codes(pre)
    assert pre.value.paragraphs[0].count("\n") == 9  # the 10 lines of a <pre> block are kept


def test_table_media_and_management_status() -> None:
    result = read(corpus("ap-media-nitf-namespaced-table.xml"))
    assert codes(result) == []
    body = result.value.body
    assert body[0] == Heading(level=2, content=[Span(text="BC-BBN--Top Ten")])
    assert [block.type for block in body[1:]] == ["table", "paragraph"] * 3
    table = body[1]
    assert isinstance(table, Table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["BASEBALL'S TOP TEN"]
    # <th></th><th>G</th><th>AB</th>...: the empty corner cell keeps the columns in place
    assert rows[3] == ["", "G", "AB", "R", "H", "Pct."]
    assert all(cell.header for cell in table.rows[3].cells)
    assert rows[4] == ["McNeil NYM", "72", "271", "37", "95", ".351"]
    assert not any(cell.header for cell in table.rows[4].cells)
    assert len(table.rows) == 15 and table.columns == 6
    assert body[3] == Table(
        rows=[TableRow(cells=[TableCell(header=True, content=[Span(text="Runs Batted In")])])]
    )
    lead = read(corpus("cp-rideau-hall.xml")).value.media
    assert lead == [  # a media element in the head's abstract: the story's lead picture
        Media(role="featured", extras={"nitf:media-metadata": [
            {"name": "TransRef", "value": "JDT10970312"}
        ]})
    ]  # fmt: skip
    embargoed = read(corpus("pa-uk-break-up.xml")).value
    assert embargoed.status == "withheld"
    assert embargoed.extras["nitf:management-status"] == "embargoed"


# --- the writer ----------------------------------------------------------------------------------


def nitf_article() -> Article:
    """The harbour story without what NITF has no place for (versions, update and creation
    times, URIs of people and concepts, codes of genres)."""
    article = harbour_article()
    return article.model_copy(
        update={
            "version": None,
            "updated": None,
            "created": None,
            "authors": [person.model_copy(update={"uri": None}) for person in article.authors],
            "organisations": [Concept(name="Harbour Board")],
            "genres": [Concept(name="Current")],
            "status": "withheld",
        }
    )


def test_every_carried_field_round_trips() -> None:
    article = nitf_article()
    written = write(article, format="nitf")
    assert written.warnings == ()
    assert_schema_valid(written.value, "nitf")
    assert read(written.value).value == article
    text = written.value.decode()
    assert '<hl2 class="h3">Timetable</hl2>' in text
    assert '<em class="strong">night</em>' in text
    assert "<byline>By <person>Ana Ruiz</person> and <person>Tom Berg</person>, " in text
    assert "<byttl>Staff Writers</byttl>" in text
    assert '<org value="https://example.org/courier">Westcliff Courier</org>' in text


def test_fields_nitf_cannot_hold_are_reported() -> None:
    article = nitf_article().model_copy(
        update={
            "updated": date(2024, 11, 4),
            "extras": {"test:x": 1},
            "people": [Concept(name="Mira Holt", uri="https://example.org/p/1")],
        }
    )
    written = write(article, format="nitf")
    dropped = " ".join(w.message for w in written.warnings if w.code == "field-dropped")
    for field in ("updated", "extras", "URI of person 'Mira Holt'"):
        assert field in dropped


def test_schema_problems_for_validate() -> None:
    reader = registry.get_reader("nitf")
    folder = schema_folder()
    namespaced = corpus("ap-media-nitf-namespaced-table.xml").read_bytes()
    # NITF 3.4: valid but for the attributes naming its release, which 3.6 fixes to its own
    assert reader.schema_problems(namespaced, folder) == []  # type: ignore[attr-defined]
    as_3_6 = namespaced.replace(b"NITF 3.4//EN", b"NITF 3.6//EN")
    problems = reader.schema_problems(as_3_6, folder)  # type: ignore[attr-defined]
    assert [problem.message.split("'")[3] for problem in problems] == [
        "change.date", "change.time",
    ]  # fmt: skip
    assert problems[0].line is not None
    plain = corpus("aap-finance.xml").read_bytes()
    with pytest.raises(NotCheckable, match="follows the DTD"):  # reported as "not checked"
        reader.schema_problems(plain, folder)  # type: ignore[attr-defined]
    ours = write(nitf_article(), format="nitf").value
    assert reader.schema_problems(ours, folder) == []  # type: ignore[attr-defined]


def test_fixture_of_our_own() -> None:
    result = read(NITF_DATA / "harbour-namespaced.nitf.xml")
    article = result.value
    assert article.headline == "Lighthouse Keepers Hand Over the Keys"
    assert article.dateline == Dateline(place="HALMSTEAD", agency="HC")
    assert article.paragraphs[0].startswith("The last two keepers")
    assert [block.type for block in article.body] == ["paragraph", "heading", "paragraph"]
    assert article.body[1] == Heading(level=3, content=[Span(text="A long watch")])


# --- round trips --------------------------------------------------------------------------------


@given(articles(frozenset(CARRIED)))
def test_round_trip_keeps_every_carried_field(article: Article) -> None:
    written, back = written_and_read(article, "nitf")
    if not set(codes(written)) & LOSS_CODES:
        assert back == article, written.value.decode()


@given(articles())
def test_writer_reports_every_loss(article: Article) -> None:
    written, back = written_and_read(article, "nitf")
    if back.model_dump(include=CARRIED) != article.model_dump(include=CARRIED):
        assert set(codes(written)) & LOSS_CODES, written.value.decode()
    if set(article.model_dump(exclude_defaults=True)) - CARRIED - {"schema_version", "id"}:
        assert "field-dropped" in codes(written)


@pytest.mark.parametrize("code", ["Food/Beverage", "a&b", "x,y", "two words"])
def test_subjects_whose_codes_are_not_name_tokens_are_dropped_with_a_warning(code: str) -> None:
    article = Article(
        headline="Market Report",
        subjects=[Concept(code=code, name="Odd"), Concept(code="04000000")],
        body=[Paragraph(content=[Span(text="Prices rose.")])],
    )
    written = write(article, format="nitf", options={"schemas": str(schema_folder())})
    messages = " ".join(warning.message for warning in written.warnings)
    assert "subject 'Odd' has a code that is no name token and was left out" in messages
    assert [subject.code for subject in read(written.value).value.subjects] == ["04000000"]


def test_a_genre_known_only_by_uri_is_written_by_its_uri() -> None:
    article = Article(
        headline="Market Report",
        genres=[Concept(uri="http://cv.iptc.org/newscodes/genre/Analysis")],
        body=[Paragraph(content=[Span(text="Prices rose.")])],
    )
    written = write(article, format="nitf", options={"schemas": str(schema_folder())})
    assert "genre 'http://cv.iptc.org/newscodes/genre/Analysis'" in written.warnings[0].message


def test_a_dateline_of_dashes_is_no_dateline() -> None:
    """100,000 dashes once took the trailing-dash pattern twenty seconds."""
    data = (
        b"<nitf><body><body.head><hedline><hl1>Ferries</hl1></hedline><dateline>"
        + b"-" * 100_000
        + b"x</dateline></body.head><body.content><p>Text.</p></body.content></body></nitf>"
    )
    article = read(data, format="nitf").value
    assert article.dateline is None and article.paragraphs == ["Text."]


def test_a_job_title_marked_as_a_person_credits_no_one() -> None:
    data = (
        b"<nitf><body><body.head><hedline><hl1>Ferries</hl1></hedline><byline>By<person>Staff "
        b"Reporter</person><byttl>Harbour Desk</byttl></byline></body.head><body.content><p>Text."
        b"</p></body.content></body></nitf>"
    )
    article = read(data, format="nitf").value
    assert article.byline == "By Staff Reporter, Harbour Desk" and article.authors == []
    written = write(Article(headline="Ferries", byline="By Staff Reporter",
                            authors=[Person(name="Staff Reporter")]), format="nitf")  # fmt: skip
    assert "left out: Staff Reporter" in " ".join(w.message for w in written.warnings)


@pytest.mark.parametrize("code", ["aª", "a¼", "xǉ", "\U0002e841", "a b", "a/b"])
def test_subject_codes_that_are_not_name_tokens_are_left_out(code: str) -> None:
    article = Article(headline="Ferries Here", subjects=[Concept(name="Harbours", code=code)])
    written = write(article, format="nitf", options={"schemas": str(schema_folder())})
    assert "field-dropped" in codes(written)


# --- bylines that credit no one -------------------------------------------------------------------

PARAGRAPH = [Paragraph(content=[Span(text="The late crossing moves to nine.")])]


def test_a_byline_of_a_job_title_alone_gives_no_authors_warning() -> None:
    """A job title alone ("By Our Harbour Staff") names no one: no reader takes authors from it,
    so the writer has nothing to warn of (it said "a reader will take the names in the byline for
    authors")."""
    article = Article(
        headline="Ferry Timetable Changes", byline="By Our Harbour Staff", body=PARAGRAPH
    )
    written, back = written_and_read(article, "nitf")
    assert "nitf-not-round-trippable" not in codes(written)
    assert back.byline == article.byline and back.authors == []


def test_a_byline_naming_people_without_authors_is_still_reported() -> None:
    article = Article(headline="Ferry Timetable Changes", byline="By Ana Ruiz", body=PARAGRAPH)
    written, back = written_and_read(article, "nitf")
    assert "nitf-not-round-trippable" in codes(written)
    assert [person.name for person in back.authors] == ["Ana Ruiz"]


# --- one person, one author -----------------------------------------------------------------------


def test_one_person_element_is_one_author_whatever_its_name_holds() -> None:
    """A ``person`` names one author even with "and" or "&" in the name (the magazine "Mac & i"),
    in any NITF; names the markup leaves unmarked are still read from the byline's words."""
    data = (
        b"<nitf><body><body.head><hedline><hl1>Ferries</hl1></hedline><byline>By <person>Mac "
        b"&amp; i</person> and <person>Harbour and Sound Desk</person></byline></body.head>"
        b"<body.content><p>Text.</p></body.content></body></nitf>"
    )
    article = read(data, format="nitf").value
    assert article.byline == "By Mac & i and Harbour and Sound Desk"
    assert [person.name for person in article.authors] == ["Mac & i", "Harbour and Sound Desk"]


@pytest.mark.parametrize("name", ["Mac & i", "Contributors to Wikimedia projects"])
def test_authors_without_a_byline_read_back_as_the_authors_alone(name: str) -> None:
    """Every ``person`` of an ``authors-only`` byline is an author, even one named like a job
    title or a group: the writer put it there as one."""
    article = Article(headline="Ferry Timetable Changes", authors=[Person(name=name)])
    written, back = written_and_read(article, "nitf")
    assert (back.byline, back.authors) == (None, article.authors)
    assert "nitf-not-round-trippable" not in codes(written)


def test_a_byline_that_reads_back_differently_is_named_in_a_warning() -> None:
    """The reader puts a comma between a name and the title after it when the text has none:
    the writer reads its byline back and says that the byline will change."""
    article = Article(
        headline="Ferry Timetable Changes",
        byline="By Ana Ruiz Harbour Reporter",
        authors=[Person(name="Ana Ruiz", role="Harbour Reporter")],
    )
    written, back = written_and_read(article, "nitf")
    assert back.byline == "By Ana Ruiz, Harbour Reporter" and back.authors == article.authors
    assert [w.fields for w in written.warnings if w.code == "nitf-not-round-trippable"] == [
        ("byline",)
    ]


def test_a_title_in_brackets_reads_back_as_printed() -> None:
    """No space is put after an opening bracket before a ``byttl``: "Ana Ruiz (reporting)" does
    not come back as "Ana Ruiz ( reporting)"."""
    article = Article(
        headline="Ferry Timetable Changes",
        byline="By Ana Ruiz (reporting) and Tom Berg [photographs]",
        authors=[
            Person(name="Ana Ruiz", role="reporting"),
            Person(name="Tom Berg", role="photographs"),
        ],
    )
    written, back = written_and_read(article, "nitf")
    assert (back.byline, back.authors) == (article.byline, article.authors)
    assert "nitf-not-round-trippable" not in codes(written)


# --- subject codes with the names of their broader levels -----------------------------------------

SUBJECT_LEVELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf>
  <head>
    <tobject tobject.type="News">
      <tobject.subject tobject.subject.refnum="04001002" tobject.subject.type="Economy"
          tobject.subject.matter="Farming" tobject.subject.detail="Fisheries"/>
      <tobject.subject tobject.subject.refnum="17000000" tobject.subject.type="Weather"/>
      <tobject.subject tobject.subject.ipr="HC" tobject.subject.refnum="HC-7"
          tobject.subject.type="Coast" tobject.subject.matter="Harbours"/>
    </tobject>
  </head>
  <body>
    <body.head><hedline><hl1>Trawlers Stay in Port as Gales Return</hl1></hedline></body.head>
    <body.content><p>The fleet will wait for calmer seas.</p></body.content>
  </body>
</nitf>
"""


def test_the_names_of_a_subjects_broader_levels_are_kept() -> None:
    article = read(SUBJECT_LEVELS).value
    assert [(subject.code, subject.name) for subject in article.subjects] == [
        ("04001002", "Fisheries"),
        ("17000000", "Weather"),
        ("HC-7", "Harbours"),
    ]
    # what the subjects do not say is kept, so no name is lost silently
    assert article.extras[SUBJECTS_AS_WRITTEN] == [
        {
            "@tobject.subject.refnum": "04001002",
            "@tobject.subject.type": "Economy",
            "@tobject.subject.matter": "Farming",
            "@tobject.subject.detail": "Fisheries",
        },
        {
            "@tobject.subject.ipr": "HC",
            "@tobject.subject.refnum": "HC-7",
            "@tobject.subject.type": "Coast",
            "@tobject.subject.matter": "Harbours",
        },
    ]


def test_the_names_of_a_subjects_broader_levels_are_written_back() -> None:
    """NITF to NITF: the tobject as the source wrote it (its type, every name of its subjects)."""
    article = read(SUBJECT_LEVELS).value
    written, back = written_and_read(article, "nitf")
    text = written.value.decode()
    assert '<tobject tobject.type="News">' in text
    assert (
        '<tobject.subject tobject.subject.refnum="04001002" tobject.subject.type="Economy" '
        'tobject.subject.matter="Farming" tobject.subject.detail="Fisheries"/>'
    ) in text
    assert (
        '<tobject.subject tobject.subject.ipr="HC" tobject.subject.refnum="HC-7" '
        'tobject.subject.type="Coast" tobject.subject.matter="Harbours"/>'
    ) in text
    assert "field-dropped" not in codes(written)  # (the extras were all written back)
    assert back == article


def test_a_release_and_an_expiry_date_are_written_back() -> None:
    data = SUBJECT_LEVELS.replace(
        b"<head>",
        b'<head><docdata><date.release norm="20310304T053000+0100"/>'
        b'<date.expire norm="20310404T000000+0100"/></docdata>',
    )
    article = read(data).value
    written, back = written_and_read(article, "nitf")
    assert b'<date.expire norm="20310404T000000+0100"/>' in written.value
    assert b'<date.release norm="20310304T053000+0100"/>' in written.value
    assert "field-dropped" not in codes(written)
    assert back == article


def test_a_subject_changed_since_it_was_read_is_written_as_it_is_now() -> None:
    article = read(SUBJECT_LEVELS).value
    renamed = Concept(name="Fishing", code="04001002", vocabulary=article.subjects[0].vocabulary)
    changed = article.model_copy(update={"subjects": [renamed, *article.subjects[1:]]})
    written, back = written_and_read(changed, "nitf")
    assert 'tobject.subject.detail="Fishing"' in written.value.decode()
    assert "Economy" not in written.value.decode()
    assert back.subjects == changed.subjects
    dropped = [w for w in written.warnings if w.code == "field-dropped"]
    assert dropped and dropped[0].fields == ("extras",)


# --- values the article has no field for, kept and written back ---------------------------------

_DATED = (
    '<nitf><head><docdata><date.issue norm="20240601T120000Z"/></docdata></head><body><body.head>'
    "<hedline><hl1>Dateline date</hl1></hedline><dateline><location>OSLO</location>, "
    '<story.date norm="20240530T000000Z">May 30</story.date></dateline></body.head>'
    "<body.content><p>Body.</p></body.content></body></nitf>"
)


def test_the_norm_of_a_dateline_date_is_kept_and_written_back() -> None:
    """The dateline holds the date as printed; its ``norm`` goes to extras, back to NITF."""
    article = read(_DATED.encode(), format="nitf").value
    assert article.dateline == Dateline(place="OSLO", date_text="May 30")
    assert article.extras == {
        "nitf:story.date/@norm": {"norm": "20240530T000000Z", "printed": "May 30"}
    }
    written, again = written_and_read(article, "nitf")
    assert b'<story.date norm="20240530T000000Z">May 30</story.date>' in written.value
    assert "field-dropped" not in codes(written)
    assert again == article
    # (a dateline date changed since: the old norm is not written beside it, and is reported)
    moved = article.model_copy(update={"dateline": Dateline(place="OSLO", date_text="June 2")})
    written = write(moved, format="nitf")
    assert b"<story.date>June 2</story.date>" in written.value and b"20240530" not in written.value
    assert "field-dropped" in codes(written)


def test_the_norm_of_an_empty_story_date_is_written_back() -> None:
    """The Canadian Press dates the dateline in ``norm`` alone (``<story.date norm="..."/>``)."""
    article = read(corpus("cp-rideau-hall.xml")).value
    assert article.extras["nitf:story.date/@norm"] == {
        "norm": "20200703T165136-0400",
        "printed": "",
    }
    written, again = written_and_read(article, "nitf")
    assert b'<story.date norm="20200703T165136-0400"/>' in written.value
    assert again.dateline == article.dateline == Dateline(place="Ottawa, Ontario, Canada")
    assert again.extras["nitf:story.date/@norm"] == article.extras["nitf:story.date/@norm"]


_TWO_HOLDERS = (
    "<nitf><head><docdata>{copyright}</docdata></head><body><body.head><hedline><hl1>Rights</hl1>"
    "</hedline><rights><rights.owner>Owner Ltd</rights.owner></rights></body.head>"
    "<body.content><p>Body.</p></body.content></body></nitf>"
)


def test_a_copyright_holder_besides_the_rights_owner_is_kept_and_written_back() -> None:
    """``rights.owner`` is the holder; a different ``doc.copyright/@holder`` goes to extras, and
    both are written back where they were."""
    source = _TWO_HOLDERS.format(copyright='<doc.copyright holder="Holder Inc"/>')
    article = read(source.encode(), format="nitf").value
    assert article.rights == Rights(holder="Owner Ltd")
    assert article.extras == {"nitf:doc.copyright/@holder": "Holder Inc"}
    written, again = written_and_read(article, "nitf")
    assert b'<doc.copyright holder="Holder Inc"/>' in written.value
    assert b"<rights.owner>Owner Ltd</rights.owner>" in written.value
    assert "field-dropped" not in codes(written)
    assert again == article


@pytest.mark.parametrize("copyright", ["", '<doc.copyright holder="Owner Ltd"/>'])
def test_one_copyright_holder_stays_the_article_holder_alone(copyright: str) -> None:
    article = read(_TWO_HOLDERS.format(copyright=copyright).encode(), format="nitf").value
    assert article.rights == Rights(holder="Owner Ltd")
    assert article.extras == {}


def test_a_figure_id_is_a_media_metadata_named_id() -> None:
    figure = Figure(id="urn:x:pic1", renditions=[Rendition(uri="https://example.org/a.jpg")])
    article = Article(headline="Figure id", body=[Paragraph(content=[Span(text="Body.")]), figure])
    written, again = written_and_read(article, "nitf")
    assert b'<media-metadata name="id" value="urn:x:pic1"/>' in written.value
    assert codes(written) == []
    assert again == article


def test_the_extras_left_out_are_those_not_written_back() -> None:
    """The warning named every extra, also the tobject type NITF writes back."""
    article = Article(headline="Tide Tables", extras={"nitf:tobject.type": "news", "web:x": 1})
    written = write(article, format="nitf")
    [said] = [w.message for w in written.warnings if w.code == "field-dropped"]
    assert said == "NITF output leaves out the extras (web:x)"
    assert read(written.value, format="nitf").value.extras["nitf:tobject.type"] == "news"


def test_a_person_element_of_whole_names_joined_by_and_credits_each() -> None:
    """Another system may put two people in one ``person`` ("Ana Ruiz and Tom Berg"): each
    whole name is an author; in an ``authors-only`` byline, articlekit's own, a person is one."""
    data = (
        b"<nitf><body><body.head><hedline><hl1>Ferries</hl1></hedline><byline>By <person>Ana "
        b"Ruiz and Tom Berg</person>, <byttl>Harbour Desk</byttl></byline></body.head>"
        b"<body.content><p>The ferries run at night.</p></body.content></body></nitf>"
    )
    article = read(data, format="nitf").value
    assert [person.name for person in article.authors] == ["Ana Ruiz", "Tom Berg"]
    for others in (b"Maria dos Santos", b"Ahmed al-Sayed", b"Jean d'Ormesson"):
        article = read(data.replace(b"Tom Berg", others), format="nitf").value
        assert [person.name for person in article.authors] == ["Ana Ruiz", others.decode()]
    three = data.replace(b"Ana Ruiz and", b"Lee Berthiaume, Ana Ruiz and")
    article = read(three, format="nitf").value
    assert [person.name for person in article.authors] == ["Lee Berthiaume", "Ana Ruiz", "Tom Berg"]
    written = Article(headline="Ferries", authors=[Person(name="Ana Ruiz and Tom Berg")])
    back = read(write(written, format="nitf").value, format="nitf").value
    assert [person.name for person in back.authors] == ["Ana Ruiz and Tom Berg"]


# --- dates written without zone, and the dateline, as the source wrote them ---------------------

_UNZONED = (
    "<nitf><head><docdata>"
    '<date.issue norm="20310412T093015"/><date.release norm="20310412T093015"/>'
    '<date.expire norm="20310512T093015"/>'
    "</docdata></head><body><body.head><hedline><hl1>Ferry timetable changes</hl1></hedline>"
    "</body.head><body.content><p>Body.</p></body.content></body></nitf>"
)


def test_times_without_zone_are_written_back_as_the_source_wrote_them() -> None:
    """The issue date keeps its date alone and the embargo its time at UTC-12 (never lifted
    early), as before; the writer writes back the zone-less ``norm`` each was read from, where it
    wrote the issue's midnight and claimed a zone for the embargo the source did not give."""
    article = read(_UNZONED.encode(), format="nitf").value
    assert article.published == date(2031, 4, 12)
    assert iso(article.embargoed) == "2031-04-12T09:30:15-12:00"
    written, again = written_and_read(article, "nitf")
    text = written.value.decode()
    assert '<date.issue norm="20310412T093015"/>' in text
    assert '<date.release norm="20310412T093015"/>' in text
    assert '<date.expire norm="20310512T093015"/>' in text
    assert "field-dropped" not in codes(written)
    assert again == article


def test_dates_changed_since_are_written_as_the_article_holds_them() -> None:
    article = read(_UNZONED.encode(), format="nitf").value
    moved = article.model_copy(
        update={
            "published": date(2031, 4, 13),
            "embargoed": datetime.fromisoformat("2031-04-12T09:30:15Z"),
        }
    )
    written = write(moved, format="nitf")
    text = written.value.decode()
    assert '<date.issue norm="20310413T000000"/>' in text
    assert '<date.release norm="20310412T093015+0000"/>' in text
    dropped = [w for w in written.warnings if w.code == "field-dropped"]
    assert "nitf:date.issue/@norm" in dropped[0].message
    assert "nitf:date.release/@norm" in dropped[0].message


def test_the_source_s_form_is_written_back_whatever_zone_the_folder_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer reads a kept ``norm`` back with no zone chosen: a ``[tool.articlekit]`` zone of
    the folder it runs in made it write the issue's midnight and claim UTC-12 for the embargo."""
    article = read(_UNZONED.encode(), format="nitf").value
    (tmp_path / "pyproject.toml").write_text('[tool.articlekit]\ntimezone = "Australia/Sydney"\n')
    monkeypatch.chdir(tmp_path)
    text = write(article, format="nitf").value.decode()
    assert '<date.issue norm="20310412T093015"/>' in text
    assert '<date.release norm="20310412T093015"/>' in text


def test_location_parts_edited_into_no_nitf_element_are_written_as_the_place() -> None:
    article = read(_PLACED.encode(), format="nitf").value
    parts = [["city", "Port Aldwin"], ["province", "Westmark"], ["country", "Lindoria"]]
    edited = article.model_copy(
        update={"extras": {**article.extras, "nitf:dateline/location": parts}}
    )
    text = write(edited, format="nitf").value.decode()  # (it failed: KeyError 'province')
    assert "<location>Port Aldwin, Westmark, Lindoria</location>" in text


_PLACED = (
    "<nitf><head/><body><body.head><hedline><hl1>Harbour crane toppled in storm</hl1></hedline>"
    "<dateline><location><city>Port Aldwin</city><state>Westmark</state>"
    "<country>Lindoria</country></location></dateline></body.head>"
    "<body.content><p>PORT ALDWIN - A harbour crane fell overnight.</p><p>No one was hurt.</p>"
    "</body.content></body></nitf>"
)


def test_a_dateline_printed_otherwise_in_the_body_is_reported_and_written_back() -> None:
    """The dateline element is the article's; the body's own print of it is taken out, as the
    other readers take a printed dateline out, but kept and reported, not silently dropped; the
    location keeps its parts. NITF → article → NITF gives the source's dateline and body."""
    result = read(_PLACED.encode(), format="nitf")
    article = result.value
    assert article.dateline == Dateline(place="Port Aldwin, Westmark, Lindoria")
    assert article.paragraphs[0] == "A harbour crane fell overnight."
    assert "nitf-dateline-printed" in codes(result)
    assert article.extras["nitf:body.content/dateline"] == "PORT ALDWIN -"
    written, again = written_and_read(article, "nitf")
    text = written.value.decode()
    assert (
        "<location><city>Port Aldwin</city><state>Westmark</state>"
        "<country>Lindoria</country></location>"
    ) in text
    assert "<p>PORT ALDWIN - A harbour crane fell overnight.</p>" in text
    assert "field-dropped" not in codes(written)
    assert again == article


def test_a_dateline_changed_since_is_written_as_the_article_holds_it() -> None:
    article = read(_PLACED.encode(), format="nitf").value
    moved = article.model_copy(update={"dateline": Dateline(place="Kelmor")})
    written = write(moved, format="nitf")
    text = written.value.decode()
    assert "<location>Kelmor</location>" in text
    assert "PORT ALDWIN" not in text
    dropped = [w for w in written.warnings if w.code == "field-dropped"]
    assert "nitf:dateline/location" in dropped[0].message
    assert "nitf:body.content/dateline" in dropped[0].message


def test_a_dateline_printed_as_the_element_gives_it_is_taken_out_quietly() -> None:
    """(as before: nothing is lost where the body prints what the element says)"""
    source = _PLACED.replace(
        "<city>Port Aldwin</city><state>Westmark</state><country>Lindoria</country>",
        "<city>PORT ALDWIN</city>",
    )
    result = read(source.encode(), format="nitf")
    assert result.value.paragraphs[0] == "A harbour crane fell overnight."
    assert "nitf-dateline-printed" not in codes(result)
    assert "nitf:body.content/dateline" not in result.value.extras


def test_a_dateline_printed_in_capitals_is_kept_without_a_word() -> None:
    """ "PORT ALDWIN -" over a dateline element "Port Aldwin": the wires' habit, kept so that the
    writer prints it again, but nothing to report (it was said on every such story)."""
    source = _PLACED.replace(
        "<city>Port Aldwin</city><state>Westmark</state><country>Lindoria</country>",
        "<city>Port Aldwin</city>",
    )
    result = read(source.encode(), format="nitf")
    assert result.value.extras["nitf:body.content/dateline"] == "PORT ALDWIN -"
    assert "nitf-dateline-printed" not in codes(result)
    assert "<p>PORT ALDWIN - A harbour crane" in write(result.value, format="nitf").value.decode()


_KEYED = """<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <docdata>
      <correction info="Fixed the ferry's name" id-string="tidewater-88" regsrc="TIDE"/>
      <doc-id id-string="tidewater-88"/>
      <du-key key="Ferry-Strike" version="{version}" generation="4"/>
    </docdata>
    <revision-history name="Ola Brandt" function="editor" norm="20310301T101500+0100"
      comment="ferry name"/>
  </head>
  <body><body.head><hedline><hl1>Ferry crews walk out at Tidewater</hl1></hedline></body.head>
    <body.content><p>The crews of the island ferries stopped work on Monday.</p></body.content>
  </body>
</nitf>"""


def test_the_du_key_version_is_the_article_version_and_is_written_back() -> None:
    article = read(_KEYED.format(version="3").encode(), format="nitf").value
    assert (article.version, article.slugline) == (3, "Ferry-Strike")
    written, back = written_and_read(article, "nitf")
    assert b'<du-key key="Ferry-Strike" version="3" generation="4"/>' in written.value
    assert "field-dropped" not in codes(written)
    assert back == article
    newer, _ = written_and_read(article.model_copy(update={"version": 5}), "nitf")
    assert b'<du-key key="Ferry-Strike" version="5" generation="4"/>' in newer.value
    cleared, _ = written_and_read(article.model_copy(update={"version": None}), "nitf")
    assert b'<du-key key="Ferry-Strike" generation="4"/>' in cleared.value


@pytest.mark.parametrize(("written", "version"), [("07", 7), ("v2", None), ("0", None)])
def test_a_du_key_version_the_number_does_not_print_is_written_back_as_it_was(
    written: str, version: int | None
) -> None:
    article = read(_KEYED.format(version=written).encode(), format="nitf").value
    assert article.version == version
    output, back = written_and_read(article, "nitf")
    assert f'version="{written}"'.encode() in output.value
    assert back == article


def test_an_article_version_without_a_slugline_is_a_du_key_without_key() -> None:
    article = nitf_article().model_copy(update={"version": 12, "slugline": None})
    written, back = written_and_read(article, "nitf")
    assert b'<du-key version="12"/>' in written.value
    assert back.version == 12


def test_a_correction_and_the_revision_history_go_back_into_nitf() -> None:
    article = read(_KEYED.format(version="3").encode(), format="nitf").value
    written, back = written_and_read(article, "nitf")
    text = written.value.decode()
    assert '<correction info="Fixed the ferry\'s name" id-string="tidewater-88"' in text
    assert '<revision-history name="Ola Brandt" function="editor"' in text
    assert back.extras == article.extras


def test_a_revision_history_the_schema_refuses_is_left_out_and_reported() -> None:
    data = _KEYED.format(version="3").replace('function="editor"', 'function="desk"')
    article = read(data.encode(), format="nitf").value
    written, _ = written_and_read(article, "nitf")
    assert b"revision-history" not in written.value
    dropped = " ".join(w.message for w in written.warnings if w.code == "field-dropped")
    assert "nitf:head/revision-history" in dropped


def _released(release: str, extra: str = "") -> bytes:
    return f"""<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
  <head><docdata management-status="usable"><date.release norm="{release}"/>{extra}</docdata>
  </head>
  <body><body.head><hedline><hl1>Harbour dues to rise in spring</hl1></hedline></body.head>
    <body.content><p>The port board agreed new dues for pleasure boats.</p></body.content>
  </body>
</nitf>""".encode()


def test_a_release_date_that_cannot_be_read_holds_the_article() -> None:
    """Published at once, the story would go out before any time its embargo can mean: it is
    withheld, as the text reader holds a story whose embargo it cannot read."""
    result = read(_released("next Tuesday 09:00 WET"), format="nitf")
    article = result.value
    assert (article.status, article.embargoed) == ("withheld", None)
    assert article.editor_note == "Embargoed: next Tuesday 09:00 WET"
    (warning,) = [w for w in result.warnings if w.code == "date-unparsed"]
    assert "held" in warning.message
    ninjs = json.loads(write(article, format="ninjs").value)
    assert (ninjs["pubStatus"], ninjs["edNote"]) == ("withheld", article.editor_note)
    _, back = written_and_read(article, "nitf")
    assert (back.status, back.editor_note) == ("withheld", article.editor_note)


def test_an_unread_release_withholds_a_usable_item_and_says_so() -> None:
    """The source's own "usable" came with the embargo: it is withheld all the same (an embargo
    is never lifted early), but what the source said stays in extras and in the warning."""
    result = read(_released("after the vote"), format="nitf")
    assert result.value.status == "withheld"
    assert result.value.extras["nitf:management-status"] == "usable"
    (warning,) = [w for w in result.warnings if w.code == "embargo-withholds-usable"]
    assert "usable" in warning.message and "'after the vote'" in warning.message
    withheld = read(_released("after the vote").replace(b'"usable"', b'"withheld"'), format="nitf")
    assert "embargo-withholds-usable" not in codes(withheld)
    assert "nitf:management-status" not in withheld.value.extras


def test_a_release_in_words_reaches_text_as_the_embargo_it_is() -> None:
    """The note the NITF reader makes of a release it cannot read ("Embargoed: 5 June 2031 10:00
    GMT") gives an embargo the text reader reads: the text writer dropped it (it shows only a
    note that holds with no end), and the story read back from text went out at once."""
    held = read(_released("5 June 2031 10:00 GMT"), format="nitf").value
    assert (held.status, held.editor_note) == ("withheld", "Embargoed: 5 June 2031 10:00 GMT")
    text = write(held, format="text").value
    assert text.startswith(b"Embargoed: 5 June 2031 10:00 GMT\n\nHarbour dues to rise in spring")
    again = read(text, format="text").value
    assert again.embargoed == datetime(2031, 6, 5, 10, tzinfo=UTC)
    assert b'date.release norm="20310605T100000+0000"' in write(again, format="nitf").value


def test_an_unread_release_keeps_the_source_s_note_and_a_cancellation() -> None:
    note = '<ed-msg info="Check the figures with the desk."/>'
    article = read(_released("soon", note), format="nitf").value
    assert (article.status, article.editor_note) == ("withheld", "Check the figures with the desk.")
    canceled = _released("soon").replace(b'"usable"', b'"canceled"')
    assert read(canceled, format="nitf").value.status == "canceled"
    assert read(_released("20310304T053000+0100"), format="nitf").value.status == "usable"
    unfilled = read(_released("YYYYMMDD000000-HHMM"), format="nitf").value  # (a template's)
    assert (unfilled.status, unfilled.editor_note) == ("usable", None)


_NOTED = b"""<nitf><head><docdata><doc-id id-string="KV-12"/></docdata></head><body>
<body.head><hedline><hl1>Harbour board approves ferry plan</hl1></hedline></body.head>
<body.content><block><p>The harbour board approved the ferry plan on Tuesday by six votes to two.
</p><note noteclass="editorsnote"><body.content>
<p>EDITORS: Corrects vote tally in first paragraph.</p></body.content></note>
<note noteclass="undef" type="npa"><body.content><p>Picture desk: a photo follows.</p>
</body.content></note>
<note noteclass="end" type="pa"><body.content><p>This story corrects an earlier version.</p>
</body.content></note>
<p>Work starts in May.</p></block></body.content></body></nitf>"""


def test_notes_to_editors_in_the_body_are_no_story_text() -> None:
    """An ``editorsnote`` note, or any ``npa`` one (a "non-publishable advisory"), is not the
    story: the first is the editor's note, the next kept in extras; a publishable note stays."""
    article = read(_NOTED, format="nitf").value
    assert article.editor_note == "EDITORS: Corrects vote tally in first paragraph."
    assert article.paragraphs == [
        "The harbour board approved the ferry plan on Tuesday by six votes to two.",
        "This story corrects an earlier version.",
        "Work starts in May.",
    ]
    assert article.extras["nitf:note"] == {
        "@noteclass": "undef",
        "#text": "Picture desk: a photo follows.",
    }


def test_a_note_to_editors_reads_back_once() -> None:
    """The writer puts the editor's note in ``ed-msg``; read back it is there once, no body
    note, and a body note repeating ``ed-msg`` is not kept twice."""
    article = read(_NOTED, format="nitf").value
    back = read(write(article, format="nitf").value, format="nitf").value
    assert back.editor_note == article.editor_note
    assert back.paragraphs == article.paragraphs
    repeated = _NOTED.replace(
        b"<docdata>",
        b'<docdata><ed-msg info="EDITORS: Corrects vote tally in first paragraph."/>',
    )
    again = read(repeated, format="nitf").value
    assert again.editor_note == article.editor_note
    assert again.extras == article.extras


_PRINTED = b"""<nitf><head><docdata><doc-id id-string="KV-13"/></docdata></head><body>
<body.head><hedline><hl1>Ferry plan approved</hl1></hedline></body.head>
<body.content><p>KVARNBY (NTP) \xe2\x80\x94 The harbour board approved the ferry plan.</p>
<p>Work starts in May.</p></body.content></body></nitf>"""


def test_a_dateline_printed_in_the_body_is_the_dateline_when_no_element_gives_one() -> None:
    """As the text and HTML readers read it (the shared dateline rules); written back it is the
    dateline element, and reads back once."""
    article = read(_PRINTED, format="nitf").value
    assert article.dateline == Dateline(place="KVARNBY", agency="NTP")
    assert article.paragraphs == [
        "The harbour board approved the ferry plan.",
        "Work starts in May.",
    ]
    story = "Ferry plan approved\n\nKVARNBY (NTP) \u2014 The harbour board approved the plan.\n"
    assert read(story.encode(), format="text").value.dateline == article.dateline
    written = write(article, format="nitf")
    assert not codes(written)
    back = read(written.value, format="nitf").value
    assert (back.dateline, back.paragraphs) == (article.dateline, article.paragraphs)


def test_no_dateline_is_made_of_an_ordinary_first_sentence() -> None:
    data = _PRINTED.replace("KVARNBY (NTP) \u2014".encode(), b"Well - maybe")
    article = read(data, format="nitf").value
    assert article.dateline is None
    assert article.paragraphs[0].startswith("Well - maybe")


def test_a_body_opening_with_a_dateline_of_no_dateline_is_reported() -> None:
    """An article without a dateline whose first paragraph prints one: read back, the dateline
    comes out of the paragraph, and the writer says so."""
    article = Article(
        headline="Ferry plan approved",
        body=[Paragraph(content=[Span(text="KVARNBY (NTP) \u2014 The board approved it.")])],
    )
    written = write(article, format="nitf")
    assert "nitf-not-round-trippable" in codes(written)
    assert read(written.value, format="nitf").value.dateline == Dateline(
        place="KVARNBY", agency="NTP"
    )
