"""ninjs: golden fixtures, the real files in ../shared/corpus/ninjs, official-schema validity of
every output (of the user's sample and every readable corpus file, any format), and round trips
for each generation. Expected values for the shared files were written by reading the files."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import (
    Article,
    Dateline,
    Figure,
    Paragraph,
    Rendition,
    Resource,
    Span,
    read,
    read_all,
    registry,
    write,
)
from articlekit.detect import sniff
from articlekit.errors import (
    ArticlekitError,
    InputError,
    NotAnArticleError,
    OutputError,
    UsageError,
)
from articlekit.formats.ninjs import reader as ninjs_reader
from articlekit.formats.ninjs.read import _without_whitespace
from articlekit.formats.ninjs.renditions import (
    MODEL_FIELDS,
    RenditionWriter,
    has,
    model_rendition,
    properties_of,
    rendition_properties,
    renditions_of,
)
from articlekit.formats.ninjs.versions import (
    V1,
    V2,
    V3,
    at_least,
    declared_version,
    detect_version,
    generation_of,
)
from articlekit.formats.ninjs.write import serialise
from articlekit.model import Source, iter_media
from articlekit.schemas import validate_ninjs
from xmlcheck import NINJS_WRITERS, assert_ninjs_valid

from conftest import DATA, ROOT, SHARED, run_cli, shared_path
from strategies import ALL_FIELDS, articles

NINJS_DATA = DATA / "ninjs"
FIXTURES = sorted(path for path in NINJS_DATA.glob("*.json") if ".expected" not in path.name)
REGENERATE = os.environ.get("ARTICLEKIT_REGENERATE") == "1"
WRITERS = {"ninjs": "3.2", "ninjs2": "2.3", "ninjs1": "1.7"}
EVERY_VERSION = [
    (name, version)
    for name, generation in zip(WRITERS, (V3, V2, V1), strict=True)
    for version in generation.minors
]


def schemas() -> Path:
    return shared_path("schemas", "ninjs")


def assert_valid(data: bytes, version: str) -> None:
    problems = validate_ninjs(json.loads(data), version, schemas())
    assert problems == [], (version, problems[:5], data.decode()[:2000])


# --- golden fixtures (articles we wrote) -----------------------------------------------------


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_golden_fixture(path: Path) -> None:
    """Each fixture reads to exactly its reviewed articles and warning codes."""
    expected_json = path.with_suffix(".expected.json")
    expected_warnings = path.with_suffix(".warnings")
    try:
        results = list(read_all(path))
    except NotAnArticleError as error:
        outcome = f"error: {error.message}\n"
        if REGENERATE:
            expected_warnings.write_text(outcome, encoding="utf-8")
        assert outcome == expected_warnings.read_text(encoding="utf-8")
        return
    documents = [json.loads(result.value.model_dump_json()) for result in results]
    codes = "".join(f"{w.code}\n" for result in results for w in result.warnings)
    if REGENERATE:
        expected_json.write_text(
            json.dumps(documents, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        expected_warnings.write_text(codes, encoding="utf-8")
    expected = json.loads(expected_json.read_text(encoding="utf-8"))
    assert [Article.model_validate(item) for item in expected] == [r.value for r in results]
    assert codes == expected_warnings.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path", [path for path in FIXTURES if path.name.startswith("v")], ids=lambda path: path.name
)
def test_fixtures_are_valid_ninjs_of_their_version(path: Path) -> None:
    assert ninjs_reader.schema_problems(path.read_bytes(), schemas()) == []


def test_the_2025_versions_read_and_write_back() -> None:
    """Fixtures in 3.2, 2.3 and the draft 1.8: what they add is kept and, in the same version,
    written back as it was."""
    for name, writer in (
        ("v3.2-video-resources.json", "ninjs"),
        ("v2.3-print-rendition.json", "ninjs2"),
        ("v1.8-draft-digitised.json", "ninjs1"),
    ):
        original = json.loads((NINJS_DATA / name).read_bytes())
        version = declared_version(original)
        assert version is not None
        result = read(NINJS_DATA / name)
        assert [w.code for w in result.warnings] == []
        again = json.loads(
            write(result.value, format=writer, options={"ninjs-version": version}).value
        )
        for key in ("renditions", "urgency"):
            assert again.get(key) == original.get(key), (name, key)
        if "contentdigitised" in original:  # the same instant, written with an offset
            assert datetime.fromisoformat(again["contentdigitised"]) == datetime.fromisoformat(
                original["contentdigitised"]
            )
        assert_valid(json.dumps(again).encode(), version)


def test_full_3x_mapping() -> None:
    article = read(NINJS_DATA / "v3-full.json").value
    assert article.id == "urn:example:westcliff:2024:ferry-timetable"
    assert (article.headline, article.subheadline) == (
        "Night Ferries to Berth at the Old Quay",
        "Fishermen fear crowded moorings",
    )
    assert article.byline == "By Mara Lind and Tomas Oyelaran"
    assert [(p.name, p.role, p.uri) for p in article.authors] == [
        ("Mara Lind", None, None),
        ("Tomas Oyelaran", "photographer", "https://example.org/staff/oyelaran"),
    ]
    assert [(c.name, c.code) for c in article.people] == [("Edda Kvist", "kvist-e")]
    assert article.keywords == ["ferries", "harbours"]
    subject = article.subjects[0]
    assert (subject.code, subject.vocabulary, subject.uri) == (
        "20000470",
        "http://cv.iptc.org/newscodes/mediatopic/",
        None,
    )
    assert article.language == "en-GB"
    assert article.rights is not None and article.rights.usage_terms == "Not for resale."
    assert article.source is not None and article.source.uri == "https://example.org/courier"
    assert article.dateline is not None and article.dateline.place == "WESTCLIFF"
    assert (article.version, article.urgency, article.status) == (3, 4, "usable")
    assert [block.type for block in article.body] == ["paragraph", "heading", "list", "quote"]
    assert article.body[0].content[1].strong  # type: ignore[union-attr]
    assert article.embargoed == datetime(2024, 3, 14, 9, tzinfo=UTC)  # embargoedUntil
    assert "ninjs:embargoed" not in article.extras
    assert "ninjs:altIds" in article.extras and "ninjs:places" in article.extras
    assert article.extras["ninjs:headlines"] == [
        {"role": "seo", "value": "Westcliff night ferry berth plan approved"}
    ]


def test_1x_flat_names_and_qcodes() -> None:
    article = read(NINJS_DATA / "v1-flat.json").value
    assert article.subheadline == "Detour adds twenty minutes"
    assert [(c.code, c.vocabulary) for c in article.subjects] == [
        ("20000482", "http://cv.iptc.org/newscodes/mediatopic/"),
        ("20000482", "medtop"),
    ]
    assert article.body[0].content[1].emphasis  # type: ignore[union-attr]
    assert str(article.published) == "2015-06-01 07:00:00+00:00"


def test_superdesk_dialect() -> None:
    result = read(NINJS_DATA / "superdesk-like.json")
    article = result.value
    assert article.id == "7b1e2c9a-2f0d-4d7e-9a53-1f4b5c6d7e8f"
    assert [(p.name, p.role) for p in article.authors] == [("Lise Marchetti", "writer")]
    assert article.source is not None and article.source.name == "Valley Post"
    assert str(article.published) == "2021-04-20 05:00:00+00:00"  # firstpublished wins
    assert article.extras["ninjs:firstcreated"] == "2021-04-19T22:00:00+0000"
    assert article.summary == "Late frost hit the apple blossom."
    dialect = [w.message for w in result.warnings if w.code == "ninjs-dialect"]
    assert dialect and "guid instead of uri" in dialect[0]


def test_envelope_with_a_picture() -> None:
    results = list(read_all(NINJS_DATA / "envelope-mixed.json"))
    assert [r.value.headline for r in results] == [
        "Tram Line Reopens After Storm",
        "A tram at the depot",
    ]
    assert [block.type for block in results[1].value.body] == ["figure"]
    assert [w.code for w in results[0].warnings] == ["ninjs-envelope"]
    assert (
        results[0]
        .warnings[0]
        .message.endswith("around 2 items, not a ninjs document; read item by item")
    )


def test_a_picture_item_is_an_article_whose_body_is_that_figure() -> None:
    article = read(NINJS_DATA / "picture.json").value
    assert article.headline == "Harbour at dawn"
    assert article.body == [
        Figure(
            renditions=[
                Rendition(
                    name="original",
                    uri="https://example.org/photos/harbour-dawn.jpg",
                    width=3000,
                    height=2000,
                )
            ]
        )
    ]


# --- the real files ----------------------------------------------------------------------------

# (file, headline, blocks, first paragraph starts with, byline)
CORPUS = [
    ("bbc-ldrs-ninjs-composite-envelope.json", "abcdef", 1, "abcd", "Jane Doe"),
    ("bbc-ldrs-ninjs-text-envelope.json", "advisory", 1, "body", "John Doe"),
    (
        "iptc-1.4-businesswire-20130515006361.json",
        "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful "
        "Rack Workstations",
        1,
        "Dell today announced an expanded",
        None,
    ),
    ("iptc-1.4-businesswire-20130605006126-zh.json", "Cambrios被Gartner評選為「最酷供應商」", 1,
     "(美國商業資訊)--為透明及軟性導體市場", None),
    ("iptc-1.4-ninjsExComplex1.json", "Captain of wrecked cruise ship on trial in Italy", 4,
     "GROSSETO, Italy (AP) -- The trial", "Paulo Santalucia and Frances d'Emilio"),
    ("iptc-1.4-ninjsExSimpleText1.json", "Captain of wrecked cruise ship on trial in Italy", 4,
     "The trial of the captain", "Paulo Santalucia and Frances d'Emilio"),
    ("iptc-1.6-doc-005_complex_text_article.json",
     "Captain of wrecked cruise ship on trial in Italy", 4, "GROSSETO, Italy (AP) -- The trial",
     "Paulo Santalucia and Frances d'Emilio"),
    ("iptc-2.1-businesswire-20130731006140.json",
     "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In", 1,
     "With more Applebee’s® Lunch Combos", None),
    ("iptc-2.1-dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", 9,
     "Für Lucien Favre war es «der größte Skandal", "Von Christian Hollmann, dpa"),
    ("iptc-2.1-ninjsExSimpleText.json", "Captain of wrecked cruise ship on trial in Italy", 4,
     "The trial of the captain", "Paulo Santalucia and Frances d'Emilio"),
    ("iptc-2.1-ntb_text.json", "Google har kjøpt giganttomt i Skien", 0, None, "NTB"),
    ("iptc-2.1-tt_text_image.json", "Militärövning i jätteformat hålls 2023", 5,
     "Pandemin satte stopp för den stora internationella militärövningen", None),
    ("iptc-2.2-doc-004_simple_text_article.json",
     "Captain of wrecked cruise ship on trial in Italy", 4, "The trial of the captain",
     "Paulo Santalucia and Frances d'Emilio"),
    ("iptc-3.0-addb-anti-doping-nitf.json",
     "Anti-doping measures at the 'Tour Down Under' will be the toughest ever", 18,
     "The Australian Sports Anti-Doping Authority", "Trond Husø, The Anti-Doping Database"),
    ("iptc-3.0-dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", 9,
     "Für Lucien Favre war es «der größte Skandal", "Von Christian Hollmann, dpa"),
    ("iptc-3.0-ntb_text.json", "Google har kjøpt giganttomt i Skien", 0, None, "NTB"),
    ("iptc-3.0-tt_text_image.json", "Militärövning i jätteformat hålls 2023", 5,
     "Pandemin satte stopp för den stora internationella militärövningen", None),
    ("iptc-3.1-doc-005_complex_text_article.json",
     "Captain of wrecked cruise ship on trial in Italy", 4, "GROSSETO, Italy (AP) -- The trial",
     "Paulo Santalucia and Frances d'Emilio"),
    ("superdesk-ninjs-embargoed.json", "Trouble is brewing for the future of beer", 18,
     "What does torched earth taste like?", "Aaron J. Staples, Michigan State University"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "headline", "blocks", "start", "byline"), CORPUS)
def test_corpus_text_items(
    name: str, headline: str, blocks: int, start: str | None, byline: str | None
) -> None:
    path = shared_path("corpus", "ninjs", name)
    assert sniff(path.read_bytes()[:65536]).format == "ninjs"
    article = read(path).value
    assert article.headline == headline
    assert article.byline == byline
    assert len(article.body) == blocks
    if start is not None:
        assert article.paragraphs[0].startswith(start)


@pytest.mark.parametrize(
    ("name", "dateline"),
    [
        # no located: the dateline printed at the story's start is the article's
        ("iptc-2.1-ninjsExSimpleText.json", Dateline(place="GROSSETO, Italy", agency="AP")),
        # located spelled otherwise than the print ("Grossetto"): the element's, the print kept
        ("iptc-1.4-ninjsExComplex1.json", Dateline(place="Grossetto, Italy")),
    ],
)
def test_corpus_printed_dateline(name: str, dateline: Dateline) -> None:
    article = read(shared_path("corpus", "ninjs", name)).value
    assert article.dateline == dateline
    assert article.paragraphs[0].startswith(
        "The trial" if dateline.agency else "GROSSETO, Italy (AP) -- The trial"
    )


def test_corpus_picture_item_reads_as_its_figure() -> None:
    result = read(shared_path("corpus", "ninjs", "iptc-3.0-ap_image.json"))
    article = result.value
    assert article.headline == "Turkey Islamic State"
    assert article.rights is not None and article.rights.usage_terms is not None
    [figure] = article.body
    assert isinstance(figure, Figure)
    assert figure.credit == "ASSOCIATED PRESS"  # the creditline description
    assert figure.caption_text.startswith("FILE - In this Monday, Nov. 11, 2019 file photo")
    assert [r.name for r in figure.renditions] == ["main", "preview", "thumbnail", "caption_nitf"]
    assert (figure.renditions[0].width, figure.renditions[0].height) == (3000, 2208)
    assert figure.renditions[0].size == 4764958
    assert figure.renditions[0].extras == {"ninjs:format": "JPEG Baseline"}
    assert "media-dropped" not in [w.code for w in result.warnings]


@pytest.mark.parametrize(
    ("name", "count", "caption", "credit", "renditions"),
    [
        ("iptc-1.4-ninjsExComplex1.json", 1, "The Costa Concordia cruise ship lies", "Paulo "
         "Santalucia", 2),
        ("iptc-1.4-businesswire-20130515006361.json", 3, "", None, 4),
        ("iptc-2.1-businesswire-20130731006140.json", 2, "", None, 3),
        ("iptc-2.1-tt_text_image.json", 1, "En stor internationell försvarsövning",
         "Karl Melander/TT", 4),
        ("iptc-3.0-tt_text_image.json", 1, "En stor internationell försvarsövning",
         "Karl Melander/TT", 4),
        ("superdesk-ninjs-embargoed.json", 1, "There’s nothing quite like a cold beer",
         "Photograph by Pea, available at https://bit.ly/3Najj58", 2),
        ("bbc-ldrs-ninjs-composite-envelope.json", 1, "abc", None, 1),
    ],
)  # fmt: skip
def test_corpus_associations_are_carried(
    name: str, count: int, caption: str, credit: str | None, renditions: int
) -> None:
    result = read(shared_path("corpus", "ninjs", name))
    media = list(iter_media(result.value))
    assert len(media) == count
    assert media[0].caption_text.startswith(caption)
    assert media[0].credit == credit
    assert len(media[0].renditions) == renditions
    assert all(r.uri and r.uri.startswith("http") for item in media for r in item.renditions)
    assert "media-dropped" not in [w.code for w in result.warnings]


def test_association_roles_and_body_pictures() -> None:
    superdesk = read(shared_path("corpus", "ninjs", "superdesk-ninjs-embargoed.json")).value
    assert [(m.role, m.name) for m in superdesk.media] == [
        ("featured", None)
    ]  # the name writers give it
    assert superdesk.media[0].rights is not None
    assert superdesk.media[0].rights.usage_terms == "Indefinite Usage"
    complex_ = read(shared_path("corpus", "ninjs", "iptc-1.4-ninjsExComplex1.json")).value
    assert [(m.role, m.name, m.title) for m in complex_.media] == [
        ("featured", "mainpic", "Costa Concordia cruise ship")
    ]
    # TT: the body's <figure> and association a001 are one picture, merged into the figure
    tt = read(shared_path("corpus", "ninjs", "iptc-3.0-tt_text_image.json")).value
    assert tt.media == []
    [figure] = [block for block in tt.body if isinstance(block, Figure)]
    assert figure.id == "http://tt.se/media/image/sdlk2sirkPaauM"
    assert [r.name for r in figure.renditions] == ["r00", "r01", "r02", "r03"]
    assert figure.renditions[0].size == 10326191


def test_corpus_ninjs_files_are_all_covered() -> None:
    names = {path.name for path in shared_path("corpus", "ninjs").glob("*.json")}
    assert names == {row[0] for row in CORPUS} | {"iptc-3.0-ap_image.json"}


@pytest.mark.parametrize(
    ("name", "version"),
    [
        # Without a declared version: the generation's newest approved version.
        ("iptc-1.4-ninjsExComplex1.json", "1.7"),
        ("iptc-1.6-doc-005_complex_text_article.json", "1.7"),
        ("iptc-2.1-tt_text_image.json", "2.3"),  # its standard object names TTNINJS
        ("iptc-2.2-doc-004_simple_text_article.json", "2.3"),
        ("iptc-3.0-addb-anti-doping-nitf.json", "3.0"),  # its standard object says so
        ("iptc-3.1-doc-005_complex_text_article.json", "3.2"),
    ],
)
def test_version_from_content(name: str, version: str) -> None:
    document = json.loads(shared_path("corpus", "ninjs", name).read_bytes())
    assert detect_version(document) == (version, True)


def test_dialect_fits_no_version() -> None:
    document = json.loads(
        shared_path("corpus", "ninjs", "superdesk-ninjs-embargoed.json").read_text()
    )
    assert detect_version(document) == ("1.7", False)


@pytest.mark.parametrize("path", sorted((SHARED / "corpus" / "ninjs").glob("*.json")), ids=str)
def test_schema_problems_match_the_corpus_readme(path: Path) -> None:
    """The corpus README lists the versions each file validates against ('none' for dialects)."""
    problems = ninjs_reader.schema_problems(path.read_bytes(), schemas())
    dialect = path.name.startswith(("superdesk", "bbc"))
    assert bool(problems) == dialect, problems[:3]


# --- every output validates ---------------------------------------------------------------------


def _readable_corpus() -> list[Path]:
    """Every shared file of any format whose reader is registered here (others: skipped)."""
    folder = SHARED / "corpus"
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.glob("*/*")
        if path.is_file() and not path.name.endswith(".meta.json") and path.name != "README.md"
    )


FORMAT_OF_FOLDER = {"newsml-g2": "newsml", "nitf": "nitf", "docx": "docx", "ninjs": "ninjs"}


@pytest.mark.parametrize("path", _readable_corpus(), ids=lambda path: path.name)
def test_every_corpus_file_converts_to_valid_ninjs(path: Path) -> None:
    format_name = FORMAT_OF_FOLDER.get(path.parent.name, "text")
    if format_name not in registry.formats("reader"):
        pytest.skip(f"the {format_name} reader is not in this installation (another branch)")
    try:
        articles_ = [result.value for result in read_all(path)]
    except NotAnArticleError:
        return  # pictures and packages: nothing to write
    except ArticlekitError as error:
        pytest.skip(f"not readable: {error}")
    for article in articles_:
        for writer, version in WRITERS.items():
            assert_valid(write(article, format=writer).value, version)
        if path.parent.name == "ninjs":  # ninjs read in every version and written in every version
            for writer, version in EVERY_VERSION:
                options = {"ninjs-version": version}
                assert_valid(write(article, format=writer, options=options).value, version)


def test_user_sample_in_every_ninjs_version() -> None:
    sample = next(shared_path("seed").glob("*.txt"))
    # the page furniture the text reader set aside (in extras) is not part of the story
    article = read(sample).value.model_copy(update={"extras": {}})
    for writer, version in EVERY_VERSION:
        written = write(article, format=writer, options={"ninjs-version": version})
        assert_valid(written.value, version)
        back = read(written.value).value
        assert back.headline == article.headline
        assert back.paragraphs == article.paragraphs
    assert [w.code for w in write(article, format="ninjs").warnings] == ["ninjs-date-widened"]
    oldest = write(article, format="ninjs1", options={"ninjs-version": "1.0"})
    assert [w.code for w in oldest.warnings] == ["field-dropped"]  # no firstcreated before 1.2


def test_writer_validates_its_output_when_schemas_are_configured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = read(NINJS_DATA / "v3-full.json").value
    options = {"schemas": str(schemas())}
    assert write(article, format="ninjs", options=options).value
    from articlekit.formats.ninjs import write as ninjs_write

    original = ninjs_write.DocumentWriter.build

    def broken(self: Any, article: Article) -> dict[str, Any]:
        return {**original(self, article), "hedline": "not a ninjs property"}

    monkeypatch.setattr(ninjs_write.DocumentWriter, "build", broken)
    with pytest.raises(OutputError, match="does not validate"):
        write(article, format="ninjs", options=options)
    assert write(article, format="ninjs").value  # no schemas: nothing to check against


def test_a_schema_folder_without_the_version_written(tmp_path: Path) -> None:
    """An older download of the schemas stops the checked writer with what to do about it."""
    folder = tmp_path / "older"
    folder.mkdir()
    for name in ("ninjs-schema_3.1.json", "GeoJSON-schema.json"):
        shutil.copy(schemas() / name, folder / name)
    article = Article(headline="Tide Tables Move Online")
    options = {"schemas": str(folder)}
    with pytest.raises(
        UsageError,
        match=r"ninjs-schema_3\.2\.json is not in .*options=\{'ninjs-version': '3\.1'\}\)$",
    ):
        write(article, format="ninjs", options=options)
    assert write(article, format="ninjs", options=options | {"ninjs-version": "3.1"}).value


def test_exact_versions_leave_out_what_they_lack() -> None:
    article = read(NINJS_DATA / "v3-full.json").value
    written = write(article, format="ninjs1", options={"ninjs-version": "1.0"})
    document = json.loads(written.value)
    assert "slugline" not in document and "urgency" not in document
    assert_valid(written.value, "1.0")
    dropped = " ".join(w.message for w in written.warnings if w.code == "field-dropped")
    for field in ("slugline", "urgency", "editor_note", "source", "genres", "subheadline"):
        assert field in dropped
    with pytest.raises(UsageError, match=r"ninjs-version=2\.1"):
        write(article, format="ninjs", options={"ninjs-version": "2.1"})


@pytest.mark.parametrize(
    ("writer", "approved", "draft"),
    [("ninjs", "3.2", "3.3"), ("ninjs2", "2.3", "2.4"), ("ninjs1", "1.7", "1.8")],
)
def test_newest_approved_by_default_a_draft_only_by_number(
    writer: str, approved: str, draft: str
) -> None:
    article = read(NINJS_DATA / "v3-full.json").value
    default = write(article, format=writer)
    assert WRITERS[writer] == approved
    assert_valid(default.value, approved)
    assert "ninjs-draft-version" not in {w.code for w in default.warnings}
    asked = write(article, format=writer, options={"ninjs-version": draft})
    assert_valid(asked.value, draft)
    (warning,) = [w for w in asked.warnings if w.code == "ninjs-draft-version"]
    assert warning.message.startswith(f"ninjs {draft} is a draft IPTC has not approved")
    assert f"the newest approved version is {approved}" in warning.message
    with pytest.raises(
        UsageError, match=rf"{re.escape(draft)} \(draft\)\); ninjs 3\.x is the format ninjs"
    ):
        write(article, format=writer, options={"ninjs-version": "9.9"})


def test_a_draft_is_named_on_the_command_line(tmp_path: Path) -> None:
    source = ROOT / "examples" / "harbour-ferries.txt"
    done = run_cli("convert", str(source), "--to", "ninjs", "-O", "ninjs-version=3.3")
    assert done.code == 0 and json.loads(done.stdout)["uri"]
    assert "ninjs-draft-version ninjs 3.3 is a draft IPTC has not approved" in done.stderr
    done = run_cli("convert", str(source), "--to", "ninjs")
    assert done.code == 0 and "draft" not in done.stderr


def test_outputs_declare_their_version() -> None:
    """``standard`` (1.x ``$standard``, from 1.3) names the version; validate holds the file to
    it, and reading does not turn it into extras."""
    article = Article(headline="Tide Tables Move Online", language="en")
    for writer, version in EVERY_VERSION:
        data = write(article, format=writer, options={"ninjs-version": version}).value
        document = json.loads(data)
        key = "$standard" if writer == "ninjs1" else "standard"
        if version in ("1.0", "1.1", "1.2"):
            assert key not in document
        else:
            assert document[key] == {
                "name": "ninjs",
                "version": version,
                "schema": f"http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json#",
            }
            assert detect_version(document) == (version, True)
        if SHARED.joinpath("schemas", "ninjs").is_dir():
            assert ninjs_reader.schema_problems(data, schemas()) == []
        assert read(data).value == article, version


def test_a_providers_standard_is_kept() -> None:
    path = shared_path("corpus", "ninjs", "iptc-2.1-tt_text_image.json")
    assert read(path).value.extras["ninjs:standard"]["name"] == "TTNINJS"


SCANNED = "1936-05-01T00:00:00+00:00"


@pytest.mark.parametrize(
    "document",
    [
        {"standard": {"name": "ninjs", "version": "3.3"}, "contentDigitised": SCANNED},
        {"standard": {"name": "ninjs", "version": "2.4"}, "contentdigitised": SCANNED},
        {"$standard": {"name": "ninjs", "version": "1.8"}, "contentdigitised": SCANNED},
    ],
    ids=["3.3", "2.4", "1.8"],
)
def test_content_digitised_from_the_drafts_is_kept_and_written_back(
    document: dict[str, Any],
) -> None:
    """The drafts add when the content was digitised; the article has no field for it, so it
    travels in extras and is written back by every version that has it."""
    data = json.dumps({"uri": "urn:example:scan:1", "headline": "Harbour in 1936", **document})
    article = read(data.encode(), format="ninjs").value
    assert article.extras == {"ninjs:contentdigitised": SCANNED}
    for writer, draft in (("ninjs", "3.3"), ("ninjs2", "2.4"), ("ninjs1", "1.8")):
        written = write(article, format=writer, options={"ninjs-version": draft})
        name = "contentDigitised" if writer == "ninjs" else "contentdigitised"
        assert json.loads(written.value)[name] == SCANNED
        assert_valid(written.value, draft)
        assert read(written.value).value.extras == article.extras
        approved = write(article, format=writer)  # the approved versions have no place for it
        assert name not in json.loads(approved.value)
        (lost,) = [w.message for w in approved.warnings if w.code == "field-dropped"]
        assert (
            f"ninjs:contentdigitised, which the draft {draft} has: "
            f"options={{'ninjs-version': '{draft}'}}" in lost
        )
    typed = Article(headline="Harbour", extras={"ninjs:contentDigitised": "2001-01-01T09:00:00Z"})
    written = write(typed, format="ninjs", options={"ninjs-version": "3.3"})  # 3.x spelling too
    assert json.loads(written.value)["contentDigitised"] == "2001-01-01T09:00:00+00:00"


FULL_RENDITION = {
    "name": "hd",
    "href": "https://media.example.org/ferries/hd.mp4",
    "contenttype": "video/mp4",
    "title": "High definition",
    "width": 1920,
    "height": 1080,
    "sizeinbytes": 73400320,
    "duration": 94.5,
    "format": "HD",
    "aspectratio": "16:9",
    "videocodec": "http://cv.iptc.org/newscodes/videocodec/H264",
    "framerate": 25,
    "poi": {"x": 960, "y": 400},
    "transportprotocol": "HLS",
    "scantype": "progressive",
    "bitrate": "8 Mbps",
    "resources": [{"role": "subtitles", "language": "cy", "contenttype": "text/vtt"}],
    "extensions": {"mirror:eu": "https://eu.example.net/ferries/hd.mp4"},
}
ADDED = {  # the first version of each generation whose renditions have the property
    "duration": {"1": "1.2"},
    "format": {"1": "1.2"},
    **{
        name: {"1": "1.7", "2": "2.3"}
        for name in ("aspectratio", "videocodec", "framerate", "poi", "transportprotocol",
                     "scantype", "bitrate")
    },
    "resources": {"1": "1.7", "2": "2.3", "3": "3.2"},
    "extensions": {"1": "1.8", "2": "2.4", "3": "3.3"},
}  # fmt: skip
CAMEL_RENDITION = {"contenttype": "contentType", "sizeinbytes": "sizeInBytes",
                   "aspectratio": "aspectRatio", "videocodec": "videoCodec",
                   "framerate": "frameRate", "transportprotocol": "transportProtocol",
                   "scantype": "scanType"}  # fmt: skip


@pytest.mark.parametrize(("writer", "version"), EVERY_VERSION, ids=[v for _, v in EVERY_VERSION])
def test_renditions_in_every_version(writer: str, version: str) -> None:
    """The item's own renditions travel in extras; each version writes the properties it has,
    in its spelling and layout, and names the others with the version that added them."""
    article = Article(headline="Night Ferries", extras={"ninjs:renditions": [FULL_RENDITION]})
    written = write(article, format=writer, options={"ninjs-version": version})
    assert_valid(written.value, version)
    major = version.split(".", maxsplit=1)[0]
    renditions = json.loads(written.value)["renditions"]
    if major == "1":
        assert list(renditions) == ["hd"]
        (rendition,) = renditions.values()
        assert rendition["mimetype"] == "video/mp4"
    else:
        (rendition,) = renditions
        assert rendition["name"] == "hd"
    lost = " ".join(w.message for w in written.warnings if w.code == "field-dropped")
    for name, added in ADDED.items():
        spelt = CAMEL_RENDITION.get(name, name) if major == "3" else name
        first = added.get(major)
        if first is None or at_least(version, first):
            assert spelt in rendition, name
        else:
            assert spelt not in rendition, name
            draft = "the draft " if first in ("1.8", "2.4", "3.3") else ""
            assert f"the {spelt} of the rendition 'hd' ({draft}{first} has it)" in lost
    if major == "3":
        assert rendition["sizeInBytes"] == 73400320 and "sizeinbytes" not in rendition
    back = read(written.value).value.extras["ninjs:renditions"]
    assert back == [
        {name: FULL_RENDITION[name] for name in rendition_properties(rendition)} | {"name": "hd"}
    ]


def test_a_text_items_own_renditions_are_read_and_written_back() -> None:
    """A text item's renditions (here a printed page) are not pictures: they stay in extras,
    with no media-dropped warning, and go back out in any version's layout."""
    item = {
        "uri": "urn:example:story:9",
        "standard": {"name": "ninjs", "version": "2.3"},
        "headlines": [{"role": "main", "value": "Quay Plan Approved"}],
        "renditions": [
            {"name": "print", "contenttype": "application/pdf", "href": "https://example.org/p.pdf",
             "resources": [{"role": "page", "contenttype": "image/png"}]},
        ],
    }  # fmt: skip
    result = read(json.dumps(item).encode(), format="ninjs")
    assert "media-dropped" not in {w.code for w in result.warnings}
    assert result.value.extras == {"ninjs:renditions": item["renditions"]}
    again = json.loads(write(result.value, format="ninjs2").value)
    assert again["renditions"] == item["renditions"]
    newest = json.loads(write(result.value, format="ninjs").value)
    assert newest["renditions"] == [
        {"name": "print", "contentType": "application/pdf", "href": "https://example.org/p.pdf",
         "resources": [{"role": "page", "contentType": "image/png"}]},
    ]  # fmt: skip
    oldest = json.loads(write(result.value, format="ninjs1").value)
    assert oldest["renditions"] == {
        "print": {"mimetype": "application/pdf", "href": "https://example.org/p.pdf",
                  "resources": [{"role": "page", "contenttype": "image/png"}]},
    }  # fmt: skip


def test_rendition_values_and_names_each_version_refuses() -> None:
    odd = [
        {"name": "_thumb", "width": 72.5, "href": "not a uri"},
        {"name": "-web", "scantype": "diagonal"},
        {"title": "No name"},
    ]
    article = Article(headline="Night Ferries", extras={"ninjs:renditions": odd})
    lost = {}
    for writer, version in (
        ("ninjs1", "1.4"),
        ("ninjs1", "1.7"),
        ("ninjs2", "2.3"),
        ("ninjs", "3.2"),
    ):
        written = write(article, format=writer, options={"ninjs-version": version})
        assert_valid(written.value, version)
        lost[version] = " ".join(w.message for w in written.warnings if w.code == "field-dropped")
        renditions = json.loads(written.value)["renditions"]
        names = list(renditions) if writer == "ninjs1" else [r["name"] for r in renditions]
        assert names == {"1.4": ["rendition1", "rendition2", "rendition3"],
                         "1.7": ["_thumb", "rendition2", "rendition3"]}.get(
            version, ["_thumb", "-web", "rendition3"])  # fmt: skip
    assert "the name '_thumb' of rendition 1" in lost["1.4"]
    assert (
        "the name '_thumb'" not in lost["1.7"] and "the name '-web' of rendition 2" in lost["1.7"]
    )
    assert "the href of the rendition '_thumb' ('not a uri' is not a valid value" in lost["2.3"]
    assert "the width" not in lost["2.3"]  # 2.x widths are any number
    assert (
        "the width of the rendition '_thumb' (72.5 is not a valid value in ninjs 3.2)"
        in lost["3.2"]
    )
    assert "the scanType of the rendition '-web' ('diagonal'" in lost["3.2"]


def _renditions_in(value: Any) -> list[Any]:
    """Every renditions value anywhere in a parsed ninjs document (associations included)."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "renditions":
                found.append(inner)
            found += _renditions_in(inner)
    elif isinstance(value, list):
        for inner in value:
            found += _renditions_in(inner)
    return found


def test_real_renditions_in_every_version() -> None:
    """Renditions of the real files (pictures in associations, a picture item; 1.x objects and
    2.x/3.x arrays; Superdesk's poi and media) are written validly by every version, and the
    newest approved version of their own generation writes back all their ninjs properties."""
    real = []
    for path in sorted(shared_path("corpus", "ninjs").glob("*.json")):
        for value in _renditions_in(json.loads(path.read_bytes())):
            renditions = renditions_of(value)
            assert renditions is not None, path.name
            real.append((path.name, value, renditions))
    assert len(real) >= 10
    for name, value, renditions in real:
        for _, version in EVERY_VERSION:
            lost: list[str] = []
            written = RenditionWriter(version, lost).renditions(renditions)
            document = {"uri": "urn:example:picture:1", "type": "picture", "renditions": written}
            assert validate_ninjs(document, version, schemas()) == [], (name, version, lost)
        if not name.startswith("iptc-"):
            continue  # dialects: written validly is all one can ask
        if isinstance(value, dict):  # 1.x: keyed by name
            original = [{"name": key, **entry} for key, entry in value.items()]
            again = RenditionWriter(V1.latest, lost := []).renditions(renditions)
            assert isinstance(again, dict)
            written_back = [{"name": key, **entry} for key, entry in again.items()]
        else:
            camel = any(key != key.lower() for entry in value for key in entry)
            original = value
            written_back = RenditionWriter((V3 if camel else V2).latest, lost := []).renditions(
                renditions
            )
        assert original == written_back and lost == []


def test_a_dialects_renditions() -> None:
    """Superdesk keys pictures' renditions as 1.x does, with a poi (ninjs from 1.7), a property
    of its own (media) and numbers as text."""
    path = shared_path("corpus", "ninjs", "superdesk-ninjs-embargoed.json")
    value = json.loads(path.read_bytes())["associations"]["featuremedia"]["renditions"]
    renditions = renditions_of(value)
    assert renditions is not None and renditions[0]["poi"] == {"x": 729, "y": 864}
    lost: list[str] = []
    written = RenditionWriter("1.7", lost).renditions(renditions)
    assert isinstance(written, dict) and written["original"]["poi"] == {"x": 729, "y": 864}
    assert "media" not in written["original"]
    assert "the media of the rendition 'original'" in lost
    lost = []
    older = RenditionWriter("1.6", lost).renditions(renditions)
    assert isinstance(older, dict) and "poi" not in older["original"]
    assert "the poi of the rendition 'original' (1.7 has it)" in lost


def test_numbers_written_as_text_are_written_as_numbers() -> None:
    path = shared_path("corpus", "ninjs", "bbc-ldrs-ninjs-composite-envelope.json")
    (value,) = _renditions_in(json.loads(path.read_bytes()))
    assert value["original"]["width"] == "172"
    lost: list[str] = []
    (written,) = RenditionWriter("3.2", lost).renditions(renditions_of(value) or [])
    assert (written["width"], written["height"]) == (172, 57)
    assert lost == ["the filename of the rendition 'original'"]


def test_output_file_extension_and_names() -> None:
    article = Article(headline="Tide Tables Move Online", language="en")
    for writer in WRITERS:
        document = json.loads(write(article, format=writer).value)
        assert document["uri"] == article.id and document["type"] == "text"
    assert json.loads(write(article, format="ninjs").value)["headlines"] == [
        {"role": "main", "value": "Tide Tables Move Online"}
    ]
    assert json.loads(write(article, format="ninjs1").value)["headline"] == article.headline


def test_id_that_is_not_a_uri_travels_reversibly() -> None:
    article = Article(id="desk#12/ä", headline="Odd Id")
    data = write(article, format="ninjs").value
    assert json.loads(data)["uri"] == "urn:articlekit:id:desk%2312%2F%C3%A4"
    assert_valid(data, "3.1")
    assert read(data).value.id == "desk#12/ä"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b'{"uri": "a", "uri": "b"}', "duplicate key"),
        (b'{"uri": "a", "urgency": NaN}', "NaN is not valid JSON"),
        (b'"uri"', "must be a JSON object"),
        (b'[{"uri": "a"}, 3]', "item 2 is not a JSON object"),
        (b'{"uri": "a", "headline": "x\\u001b[2Jy"}', "control character"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"total": 0, "items": []}', "the envelope holds no items"),
        (
            b'{"uri": "a", "bodies": [{"contentType": "application/nitf+xml", '
            b'"value": "<nitf><body><body.content><p>a\\ud800</p></body.content></body></nitf>"}]}',
            "lone surrogate U\\+D800 in the NITF body",
        ),
    ],
)
def test_hostile_or_broken_ninjs_is_a_clean_error(document: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(read_all(document, format="ninjs"))


def test_odd_values_are_kept_with_a_warning() -> None:
    data = json.dumps(
        {
            "uri": "urn:x:1",
            "headlines": [{"value": "Two\nLines"}],
            "urgency": 12,
            "pubstatus": "draft",
            "language": "english please",
            "versioncreated": "yesterday",
            "firstcreated": "2020-01-01T10:00:00",
        }
    ).encode()
    result = read(data)
    codes = sorted(w.code for w in result.warnings)
    assert codes == [
        "date-time-without-zone",
        "date-unparsed",
        "headline-joined",
        "language-invalid",
        "ninjs-value-kept",
        "ninjs-value-kept",
    ]
    assert result.value.headline == "Two Lines"
    assert result.value.published == date(2020, 1, 1)
    assert result.value.extras["ninjs:urgency"] == 12


# --- round trips ----------------------------------------------------------------------------

LOSS_CODES = {"field-dropped", "ninjs-date-widened"}
CARRIED = ALL_FIELDS - {"extras"}


def _round_trip(article: Article, writer: str, version: str | None = None) -> None:
    """read(write(a)) keeps every carried field unless the writer reported a loss; the output
    always validates against the official schema of its version."""
    written = write(article, format=writer, options={"ninjs-version": version} if version else {})
    if SHARED.joinpath("schemas", "ninjs").is_dir():
        assert_valid(written.value, version or WRITERS[writer])
    back = read(written.value).value
    codes = {warning.code for warning in written.warnings}
    if back.model_dump(include=set(CARRIED)) != article.model_dump(include=set(CARRIED)):
        assert codes & LOSS_CODES, written.value.decode()
    if not codes & LOSS_CODES and not article.extras:
        assert back == article


@given(articles())
def test_ninjs3_round_trip(article: Article) -> None:
    _round_trip(article, "ninjs")


@given(articles())
def test_ninjs2_round_trip(article: Article) -> None:
    _round_trip(article, "ninjs2")


@given(articles())
def test_ninjs1_round_trip(article: Article) -> None:
    _round_trip(article, "ninjs1")


DRAFTS = [("ninjs", "3.3"), ("ninjs2", "2.4"), ("ninjs1", "1.8")]


@given(article=articles(), target=st.sampled_from(DRAFTS))
def test_draft_round_trip(article: Article, target: tuple[str, str]) -> None:
    _round_trip(article, *target)


# What the new versions add, drawn with valid values (names that are valid 1.x keys).
_media_words = st.from_regex(r"\A[a-z][a-z0-9]{0,7}\Z")
_resource = st.fixed_dictionaries(
    {},
    optional={
        "role": st.sampled_from(["commentary", "subtitles", "audio description"]),
        "title": st.sampled_from(["English commentary", "Sous-titres"]),
        "language": st.sampled_from(["en", "fr-CA", "sv"]),
        "contenttype": st.sampled_from(["audio/aac", "text/vtt"]),
    },
)
_rendition = st.fixed_dictionaries(
    {"name": st.from_regex(r"\A[a-zA-Z0-9][a-zA-Z0-9_]{0,11}\Z")},
    optional={
        "href": _media_words.map(lambda word: f"https://media.example.org/{word}.mp4"),
        "contenttype": st.sampled_from(["video/mp4", "image/jpeg", "application/pdf"]),
        "title": st.sampled_from(["High Resolution", "Preview", "Print page"]),
        "width": st.integers(1, 10_000),
        "height": st.integers(1, 10_000),
        "sizeinbytes": st.integers(0, 2**40),
        "duration": st.integers(0, 100_000) | st.sampled_from([12.5, 0.04]),
        "format": st.sampled_from(["HD", "SD", "A4"]),
        "aspectratio": st.sampled_from(["16:9", "4:3"]),
        "videocodec": st.just("http://cv.iptc.org/newscodes/videocodec/H264"),
        "framerate": st.sampled_from([25, 29.97, 50]),
        "poi": st.fixed_dictionaries({"x": st.integers(0, 4000), "y": st.integers(0, 4000)}),
        "transportprotocol": st.sampled_from(["HLS", "DASH"]),
        "scantype": st.sampled_from(["progressive", "interlaced"]),
        "bitrate": st.sampled_from(["400 kbps", "8 Mbps"]),
        "resources": st.lists(_resource, max_size=3),
        "extensions": st.dictionaries(
            _media_words.map(lambda word: f"mirror:{word}"),
            _media_words.map(lambda word: f"https://{word}.example.net/"),
            max_size=2,
        ),
    },
)
ninjs_extras = st.fixed_dictionaries(
    {},
    optional={
        "ninjs:renditions": st.lists(
            _rendition, min_size=1, max_size=3, unique_by=lambda rendition: rendition["name"]
        ),
        "ninjs:contentdigitised": st.sampled_from(
            ["1936-05-01T00:00:00+00:00", "2001-12-31T23:59:00-05:00"]
        ),
    },
)


@given(extras=ninjs_extras, target=st.sampled_from(EVERY_VERSION))
def test_new_properties_round_trip(extras: dict[str, Any], target: tuple[str, str]) -> None:
    """Renditions with the properties of every version and the drafts' contentDigitised, in
    extras: each version (drawn from 1.0 to 3.3) writes what it has (and validates), says what
    it left out, and reads back exactly what it wrote."""
    writer, version = target
    article = Article(headline="Night Ferries", extras=extras)
    written = write(article, format=writer, options={"ninjs-version": version})
    if SHARED.joinpath("schemas", "ninjs").is_dir():
        assert_valid(written.value, version)
    back = read(written.value).value
    lost = " ".join(w.message for w in written.warnings if w.code == "field-dropped")
    expected: dict[str, Any] = {}
    if "ninjs:renditions" in extras:
        kept = [
            {
                name: value
                for name, value in rendition.items()
                if name == "name" or has(name, version)
            }
            for rendition in extras["ninjs:renditions"]
        ]
        expected["ninjs:renditions"] = kept
        for rendition, written_rendition in zip(extras["ninjs:renditions"], kept, strict=True):
            for name in set(rendition) - set(written_rendition):
                assert name.lower() in lost.lower()
    if "ninjs:contentdigitised" in extras:
        if generation_of(version).has(
            "contentDigitised" if writer == "ninjs" else "contentdigitised", version
        ):
            expected["ninjs:contentdigitised"] = extras["ninjs:contentdigitised"]
        else:
            assert "ninjs:contentdigitised" in lost
    assert back.extras == expected
    assert back.headline == article.headline


def test_body_as_html_and_plain_text() -> None:
    article = Article(
        headline="Two Bodies",
        body=[Paragraph(content=[Span(text="One "), Span(text="bold", strong=True)])],
    )
    bodies = json.loads(write(article, format="ninjs").value)["bodies"]
    assert bodies == [
        {"contentType": "text/html", "value": "<p>One <strong>bold</strong></p>"},
        {"contentType": "text/plain", "value": "One bold"},
    ]
    flat = json.loads(write(article, format="ninjs1").value)
    assert (flat["body_html"], flat["body_text"]) == (
        "<p>One <strong>bold</strong></p>",
        "One bold",
    )


def test_bundled_example_is_current() -> None:
    article = read(ROOT / "examples" / "harbour-ferries.txt").value
    expected = (ROOT / "examples" / "harbour-ferries.ninjs.json").read_bytes()
    assert write(article, format="ninjs").value == expected


def test_links_to_iris_read_back_as_themselves() -> None:
    link = "https://例え.jp/パス?a=1&b=2"
    article = Article(
        headline="Ferries Here", body=[Paragraph(content=[Span(text="the timetable", link=link)])]
    )
    for name in ("ninjs", "ninjs2", "ninjs1"):
        back = read(write(article, format=name).value, format="ninjs").value
        assert back.body == article.body, name


@given(properties=_rendition)
def test_renditions_map_onto_the_model_and_back(properties: dict[str, Any]) -> None:
    """name, title, href, contenttype, width, height and sizeinbytes fill the model's fields; the
    properties the 2025 versions add (and duration, format) ride in the rendition's extras."""
    rendition = model_rendition(properties)
    if "href" not in properties:
        assert rendition is None  # the model needs a location
        return
    assert rendition is not None
    assert (rendition.uri, rendition.name) == (properties["href"], properties["name"])
    assert rendition.size == properties.get("sizeinbytes")
    assert set(rendition.extras) == {
        f"ninjs:{name}" for name in properties if name not in MODEL_FIELDS
    }
    lost: list[str] = []
    assert properties_of(rendition, lost) == properties
    assert lost == []


def test_model_renditions_keep_what_their_fields_refuse() -> None:
    odd = {"name": "thumb", "href": "https://example.org/t.jpg", "width": 0, "height": 72.5,
           "contenttype": "image/jpeg; q=0.9", "media": "sd/1.jpg"}  # fmt: skip
    rendition = model_rendition(odd)
    assert rendition is not None and rendition.width is None and rendition.media_type is None
    assert rendition.extras == {
        "ninjs:width": 0, "ninjs:height": 72.5, "ninjs:contenttype": "image/jpeg; q=0.9",
        "ninjs:media": "sd/1.jpg",
    }  # fmt: skip
    assert properties_of(rendition, []) == odd
    assert model_rendition({"name": "nowhere", "width": 10}) is None
    lost: list[str] = []
    embedded = Rendition(name="scan", resource=Resource.of(b"GIF89a", "image/gif"))
    assert properties_of(embedded, lost, "the rendition 'scan'") == {
        "name": "scan", "contenttype": "image/gif"
    }  # fmt: skip
    assert lost == ["the embedded file of the rendition 'scan' (ninjs refers to files by href)"]


def test_real_renditions_through_the_model() -> None:
    """Every rendition of the real files that has an href becomes a model rendition and comes
    back with the same properties, written validly by every version."""
    count = 0
    for path in sorted(shared_path("corpus", "ninjs").glob("*.json")):
        for value in _renditions_in(json.loads(path.read_bytes())):
            for properties in renditions_of(value) or []:
                rendition = model_rendition(properties)
                assert rendition is not None, (path.name, properties)
                count += 1
                again = properties_of(rendition, lost := [])
                assert lost == []
                if path.name.startswith("iptc-"):
                    assert again == properties
                for _, version in EVERY_VERSION:
                    written = RenditionWriter(version, []).renditions([again])
                    document = {"uri": "urn:example:p:1", "type": "picture", "renditions": written}
                    assert validate_ninjs(document, version, schemas()) == [], (path.name, version)
    assert count >= 20


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=["Cs"]) | st.sampled_from('\x00\x1f\x7f"\\/')),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=20,
)


@given(st.dictionaries(st.text(max_size=5), _JSON_VALUES))
def test_documents_are_written_as_json_dumps_writes_them(document: dict[str, Any]) -> None:
    """``serialise`` writes with pydantic's serializer what it writes as ``json.dumps`` does
    (everything but floats), and leaves the rest to ``json.dumps``: the same bytes for every
    document."""
    expected = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    assert serialise(document) == expected


def test_a_document_nested_deeper_than_a_python_walk_is_written_as_json_dumps_writes_it() -> None:
    document: dict[str, Any] = {"a": []}
    inner = document["a"]
    for _ in range(sys.getrecursionlimit() * 6 // 10):  # (json.dumps goes this deep, not more)
        inner.append([])
        inner = inner[0]
    expected = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    assert serialise(document) == expected


@given(st.text(st.sampled_from(["a", " ", "\t", "\xa0", "\u2028", "\x1c", "é"]), max_size=6))
def test_an_identifier_without_whitespace_is_found_by_split(identifier: str) -> None:
    """The reader's test for whitespace in a ``uri`` is the per-character one's."""
    assert _without_whitespace(identifier) == (not any(char.isspace() for char in identifier))


# --- rel and role, which the article has no field for -------------------------------------------

_RELATED = {
    "standard": {"name": "ninjs", "version": "3.1"},
    "uri": "urn:x:6",
    "headlines": [{"role": "main", "value": "Rel test"}],
    "bodies": [{"contentType": "text/plain", "value": "Body."}],
    "people": [{"name": "Ann Minister", "rel": "mentioned"}, {"name": "Bo Unrelated"}],
    "subjects": [
        {"name": "sport", "uri": "http://cv.iptc.org/newscodes/mediatopic/15000000", "rel": "about"}
    ],
    "infoSources": [{"name": "Reuters", "role": "originatingParty"}],
    "places": [{"name": "Grosseto", "rel": "about"}, {"name": "Siena"}],
    "organisations": [{"name": "Port Authority", "rel": "mentions"}],
}
_GENRE_WITH_REL = {"name": "Analysis", "uri": "http://cv.iptc.org/newscodes/genre/Analysis",
                   "rel": "about"}  # fmt: skip
"""A genre with a rel no version's schema lets it have (kept, reported as not written)."""


@pytest.mark.parametrize("kind", sorted(NINJS_WRITERS))
def test_rel_and_role_of_entities_are_kept_and_written_back(kind: str) -> None:
    """``people[].rel`` (of people the story is about), the ``rel`` of subjects, places,
    organisations and genres (places' and the others' were dropped unsaid), and
    ``infoSources[].role`` go to extras and back into every generation (1.x ``rel``)."""
    document = {**_RELATED, "genres": [_GENRE_WITH_REL]}
    article = read(json.dumps(document).encode(), format="ninjs").value
    assert article.extras == {
        "ninjs:people/rel": [{"name": "Ann Minister", "rel": "mentioned"}],
        "ninjs:subjects/rel": [
            {
                "name": "sport",
                "uri": "http://cv.iptc.org/newscodes/mediatopic/15000000",
                "rel": "about",
            }
        ],
        "ninjs:infosources/role": {"name": "Reuters", "role": "originatingParty"},
        "ninjs:places/rel": [{"name": "Grosseto", "rel": "about"}],
        "ninjs:organisations/rel": [{"name": "Port Authority", "rel": "mentions"}],
        "ninjs:genres/rel": [_GENRE_WITH_REL],
    }
    written = write(article, format=kind)
    assert_ninjs_valid(written.value, NINJS_WRITERS[kind])
    [dropped] = [w.message for w in written.warnings if w.code == "field-dropped"]
    assert "ninjs:genres/rel" in dropped  # (no version's schema lets a genre have a rel)
    document = {key.lower(): value for key, value in json.loads(written.value).items()}
    people = document.get("people", document.get("person"))
    assert people == [{"name": "Ann Minister", "rel": "mentioned"}, {"name": "Bo Unrelated"}]
    places = document.get("places", document.get("place"))
    assert places == [{"name": "Grosseto", "rel": "about"}, {"name": "Siena"}]
    sources = document.get("infosources", document.get("infosource"))
    assert sources == [
        {"name": "Reuters", ("rel" if kind == "ninjs1" else "role"): "originatingParty"}
    ]
    again = read(written.value, format=kind).value
    assert again.model_copy(update={"extras": article.extras}) == article
    assert again.extras == {k: v for k, v in article.extras.items() if k != "ninjs:genres/rel"}


def test_a_kept_rel_of_a_concept_no_longer_there_is_reported() -> None:
    article = read(json.dumps(_RELATED).encode(), format="ninjs").value
    edited = article.model_copy(update={"people": []})
    written = write(edited, format="ninjs")
    assert "people" not in json.loads(written.value)
    assert any(
        w.code == "field-dropped" and "ninjs:people/rel" in w.message for w in written.warnings
    )


def test_a_source_role_that_is_no_uri_is_left_out_of_ninjs_2_0_and_said() -> None:
    """ninjs 2.0 wants a URI there (2.1 and later any text): the output failed its schema."""
    article = read(json.dumps(_RELATED).encode(), format="ninjs").value
    written = write(article, format="ninjs2", options={"ninjs-version": "2.0"})
    assert_ninjs_valid(written.value, "2.0")
    assert json.loads(written.value)["infosources"] == [{"name": "Reuters"}]
    assert any(
        w.code == "field-dropped" and "ninjs:infosources/role" in w.message
        for w in written.warnings
    )


@pytest.mark.parametrize(("kind", "version"), EVERY_VERSION)
def test_every_info_source_is_kept_and_written_back(kind: str, version: str) -> None:
    """The article has one source: the first info source. The others (a publisher beside the
    originating agency) were dropped unsaid; they are kept in extras and written back after it,
    in every version's spelling, schema-valid."""
    document = {
        **_RELATED,
        "infoSources": [
            {"name": "Reuters", "role": "http://cv.iptc.org/newscodes/role/originfo"},
            {"name": "Westcliff Courier", "uri": "https://courier.example", "role": "publisher"},
            {"name": "Harbour Board", "literal": "board-7"},
        ],
    }
    article = read(json.dumps(document).encode(), format="ninjs").value
    assert article.source is not None and article.source.name == "Reuters"
    assert [entry["name"] for entry in article.extras["ninjs:infoSources"]] == [
        "Reuters", "Westcliff Courier", "Harbour Board"
    ]  # fmt: skip
    written = write(article, format=kind, options={"ninjs-version": version})
    assert_ninjs_valid(written.value, version)
    output = json.loads(written.value)
    sources = output.get("infoSources", output.get("infosources", output.get("infosource")))
    if sources is None:  # (1.0 and 1.1 have no info source: the source is said to be dropped)
        assert "cannot hold these fields: source" in written.warnings[0].message
        return
    assert [source["name"] for source in sources] == [
        "Reuters", "Westcliff Courier", "Harbour Board"
    ]  # fmt: skip
    role = "rel" if kind == "ninjs1" else "role"
    assert (sources[1].get(role) == "publisher") is (version != "2.0")  # (2.0: a URI only)
    lost = [w.message for w in written.warnings if "ninjs:infoSources" in w.message]
    assert bool(lost) is (version == "2.0"), lost
    assert all("ninjs:infoSources: the info sources' role" in said for said in lost)
    if version != "2.0":
        assert (
            read(written.value, format=kind).value.extras[
                "ninjs:" + next(key for key in output if key.lower().startswith("infosource"))
            ]
            == sources
        )


@pytest.mark.parametrize(("kind", "version"), EVERY_VERSION)
def test_an_info_sources_literal_beside_its_uri_is_written_back_or_said_lost(
    kind: str, version: str
) -> None:
    """The article's source has one identifier: a literal (an agency's code) beside the URI
    was dropped unsaid. It travels in the kept list and is written back where the version has
    a place for it (2.x and 3.x: ``literal``); 1.x, with ``code`` alone, says it is lost."""
    agency = {"name": "Harbour Wire", "uri": "https://wire.example/hw", "literal": "HW"}
    publisher = {"name": "Westcliff Courier", "uri": "https://courier.example", "literal": "WC"}
    document = {**_RELATED, "infoSources": [agency, publisher]}
    article = read(json.dumps(document).encode(), format="ninjs").value
    assert article.source == Source(name="Harbour Wire", uri="https://wire.example/hw")
    written = write(article, format=kind, options={"ninjs-version": version})
    assert_ninjs_valid(written.value, version)
    output = json.loads(written.value)
    sources = output.get("infoSources", output.get("infosources", output.get("infosource")))
    lost = [w.message for w in written.warnings if "nfoSources: the" in w.message]
    if sources is None:  # (1.0 and 1.1 have no info source: the source is said to be dropped)
        assert "cannot hold these fields: source" in written.warnings[0].message
    elif kind == "ninjs1":
        assert [source.get("code") for source in sources] == [agency["uri"], publisher["uri"]]
        [said] = lost
        assert "the source's other identifiers (HW)" in said
        assert "the info sources' identifiers" in said
    else:
        assert sources == [agency, publisher] and not lost
    alone = write(article.model_copy(update={"extras": {}}), format="ninjs")
    assert json.loads(alone.value)["infoSources"] == [
        {"name": "Harbour Wire", "uri": "https://wire.example/hw"}
    ]  # (the article's source alone: nothing kept, nothing lost)


def test_an_info_sources_identifiers_never_vanish_unsaid() -> None:
    """Identifiers the source cannot keep (a "URI" with spaces, a literal beside a code) and
    those of a source whose URI was changed since it was read are written or said lost."""
    spaced = {"name": "Harbour Wire", "uri": "Harbour Wire Service", "literal": "HW"}
    article = read(json.dumps({**_RELATED, "infoSources": [spaced]}).encode(), format="ninjs")
    written = write(article.value, format="ninjs")
    assert json.loads(written.value)["infoSources"] == [
        {"name": "Harbour Wire", "literal": "Harbour Wire Service"}
    ]
    [said] = [w.message for w in written.warnings if "nfoSources:" in w.message]
    assert "the source's other identifiers (HW)" in said
    agency = {"name": "Harbour Wire", "uri": "https://wire.example/hw", "literal": "HW"}
    read_back = read(json.dumps({**_RELATED, "infoSources": [agency]}).encode(), format="ninjs")
    moved = Source(name="Harbour Wire", uri="https://wire.example/new")
    edited = write(read_back.value.model_copy(update={"source": moved}), format="ninjs")
    assert json.loads(edited.value)["infoSources"] == [moved.model_dump()]
    [said] = [w.message for w in edited.warnings if "nfoSources:" in w.message]
    assert "the source's identifiers as read (https://wire.example/hw, HW)" in said


def test_info_sources_with_more_than_a_source_holds_are_reported_when_written() -> None:
    document = {
        **_RELATED,
        "infoSources": [
            {"name": "Reuters"},
            {"name": "Westcliff Courier", "contactInfo": [{"type": "email", "value": "a@b.c"}]},
        ],
    }
    article = read(json.dumps(document).encode(), format="ninjs").value
    written = write(article, format="ninjs")
    assert json.loads(written.value)["infoSources"] == [
        {"name": "Reuters"}, {"name": "Westcliff Courier"}
    ]  # fmt: skip
    [said] = [w.message for w in written.warnings if "ninjs:infoSources" in w.message]
    assert "ninjs:infoSources: the info sources' contactInfo" in said
    edited = article.model_copy(update={"source": Source(name="Harbour Post")})
    rewritten = write(edited, format="ninjs")
    assert json.loads(rewritten.value)["infoSources"] == [{"name": "Harbour Post"}]
    [said] = [w.message for w in rewritten.warnings if "ninjs:infoSources" in w.message]
    assert "ninjs:infoSources: the info sources read with a source since changed" in said


def test_a_rel_with_spaces_reads_as_it_is_written_back() -> None:
    """ " author" was a person the story is about, written back as "author": read again, an
    author (and " keyword" a subject that came back a keyword)."""
    document = {
        **_RELATED,
        "people": [{"name": "Ann Lee", "rel": " author"}],
        "subjects": [{"name": "ferries", "rel": " keyword"}],
    }
    article = read(json.dumps(document).encode(), format="ninjs").value
    assert [person.name for person in article.authors] == ["Ann Lee"]
    assert article.keywords == ["ferries"]
    assert read(write(article, format="ninjs").value, format="ninjs").value == article


def test_the_html_body_shows_no_img_for_a_picture_known_by_an_id() -> None:
    """A rendition that is an id (``tag:`` URI, bare id) is no ``img src``: the body's figure
    keeps its caption and the association keeps the id; a warning says so."""
    article = Article(
        headline="Harbour Wall Repaired",
        body=[
            Paragraph(content=[Span(text="Masons finished the wall on Friday.")]),
            Figure(
                caption=[Span(text="The new capstones.")],
                renditions=[Rendition(uri="tag:port.example,2031:7.jpg")],
            ),
        ],
    )
    written = write(article, format="ninjs")
    document = json.loads(written.value)
    html = document["bodies"][0]["value"]
    assert "<img" not in html and "<figcaption>The new capstones.</figcaption>" in html
    [association] = document["associations"]
    assert association["renditions"][0]["href"] == "tag:port.example,2031:7.jpg"
    assert_valid(written.value, "3.2")
    [warning] = [w for w in written.warnings if w.code == "media-detail-dropped"]
    assert "known only by an id" in warning.message
    assert read(written.value, format="ninjs").value.body[1] == article.body[1]


def _versioned(version: Any) -> bytes:
    return json.dumps({
        "uri": "urn:example:ferry:9", "type": "text", "version": version,
        "headlines": [{"role": "main", "value": "Night ferry returns to Harlow Sound"}],
        "bodies": [{"contentType": "text/plain", "value": "The night ferry sails again."}],
    }).encode()  # fmt: skip


@pytest.mark.parametrize("version", ["1.2", "v2", "007"])
@pytest.mark.parametrize("writer", sorted(NINJS_WRITERS))
def test_a_version_the_model_does_not_hold_as_written_is_written_back(
    version: str, writer: str
) -> None:
    """ninjs's version is a string: one that is no revision number stays in extras and goes
    back into ninjs; a number with leading zeros comes back as written while it is unchanged."""
    article = read(_versioned(version), format="ninjs").value
    written = write(article, format=writer)
    assert_valid(written.value, NINJS_WRITERS[writer])
    assert json.loads(written.value)["version"] == version
    assert not [w for w in written.warnings if "version" in w.message]


def test_a_version_changed_since_is_written_as_the_number() -> None:
    article = read(_versioned("007"), format="ninjs").value
    assert article.version == 7
    bumped = write(article.model_copy(update={"version": 8}), format="ninjs")
    assert json.loads(bumped.value)["version"] == "8"
    plain = read(_versioned("7"), format="ninjs").value
    assert "ninjs:version" not in plain.extras
    assert json.loads(write(plain, format="ninjs").value)["version"] == "7"
