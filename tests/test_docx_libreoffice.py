"""DOCX written by articlekit, opened by a real office suite (LibreOffice, headless): re-saved with
no edits it reads back as the same article (README: "What a re-save may change"), and with
pictures it converts to PDF. Skipped with a reason where LibreOffice is not installed; CI installs
Debian's libreoffice-writer (.ci/run)."""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import articlekit
from articlekit import Article, read, read_all, write
from articlekit.model import (
    Figure,
    List,
    ListItem,
    Media,
    Paragraph,
    Rendition,
    Resource,
    Span,
    Table,
    TableCell,
    TableRow,
)

from conftest import crossings_table, png, run_cli, shared_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI installs libreoffice-writer"
)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice profile of these tests' own, so that an office already running elsewhere
    (another user, another test run) does not swallow the conversions."""
    return tmp_path_factory.mktemp("libreoffice-profile")


def convert(office: Path, paths: list[Path], target: str, folder: Path) -> None:
    """``soffice --headless --convert-to target`` of ``paths`` into ``folder``, in batches
    (``target`` may name a filter: ``docx:MS Word 2007 XML``)."""
    assert SOFFICE is not None
    folder.mkdir(exist_ok=True)
    for start in range(0, len(paths), 40):
        done = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={office.as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(folder),
                *map(str, paths[start : start + 40]),
            ],
            capture_output=True,
            timeout=900,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
    for path in paths:
        extension = target.partition(":")[0]
        assert (folder / f"{path.stem}.{extension}").exists(), f"{path} not converted"


def resaved(office: Path, articles: dict[str, Article], folder: Path) -> dict[str, Article]:
    """Each article written as .docx, re-saved by LibreOffice, read back. The original lies in
    the folder of the re-saved file (LibreOffice makes a picture's relative link absolute, from
    the original's folder; the reader takes a link into its own folder back as relative)."""
    written = []
    (folder / "resaved").mkdir(exist_ok=True)
    for name, article in articles.items():
        path = folder / "resaved" / f"{name}.original"  # LibreOffice knows a .docx by its content
        path.write_bytes(write(article, format="docx").value)
        written.append(path)
    convert(office, written, "docx", folder / "resaved")
    back = {}
    for name in articles:
        result = read(folder / "resaved" / f"{name}.docx")
        # a note on what the text holds (invisible characters) is no change
        changes = [w for w in result.warnings if w.code != "invisible-characters"]
        assert changes == [], (name, [str(warning) for warning in changes])
        back[name] = result.value
    return back


def test_the_seed_story_reads_back_the_same_after_a_resave(office: Path, tmp_path: Path) -> None:
    sample = next(shared_path("seed").glob("*.txt"))
    article = read(sample).value
    assert resaved(office, {"seed": article}, tmp_path)["seed"] == article


def test_numbered_lists_keep_their_numbers_after_a_resave(office: Path, tmp_path: Path) -> None:
    """A list continuing after a paragraph (starting at 3), a nested one at 7, one at 0."""

    def numbered(start: int | None, *texts: str, nested: List | None = None) -> List:
        items = [ListItem(blocks=[Paragraph(content=[Span(text=text)])]) for text in texts]
        if nested is not None:
            items[-1] = ListItem(blocks=[*items[-1].blocks, nested])
        return List(ordered=True, start=start, items=items)

    story = Article(
        headline="Three Steps for the Night Ferry",
        body=[
            numbered(None, "Buy a ticket online.", "Arrive early."),
            Paragraph(content=[Span(text="Why the second step matters.")]),
            numbered(3, "Board by the east ramp.", "Keep it.", nested=numbered(7, "Or not.")),
            Paragraph(content=[Span(text="A list may count from zero.")]),
            numbered(0, "Zero first."),
        ],
    )
    assert resaved(office, {"steps": story}, tmp_path)["steps"] == story
    document_only = read(tmp_path / "resaved" / "steps.docx", options={"embedded": "ignore"})
    assert document_only.value.body == story.body


def test_pictures_and_tables_read_back_the_same_after_a_resave(
    office: Path, tmp_path: Path
) -> None:
    picture = Resource.of(png(40, 30), "image/png")
    story = Article(
        headline="Harbour Opens Night Ferries",
        byline="By Ana Lima",
        media=[
            Media(
                role="featured",
                caption=[Span(text="The quay at dusk.")],
                credit="Ana Lima/WCN",
                renditions=[Rendition(resource=picture, width=40, height=30)],
            )
        ],
        body=[
            Paragraph(content=[Span(text="The board voted on Tuesday.")]),
            Figure(
                caption=[Span(text="A ferry "), Span(text="berths", strong=True)],
                alt_text="A white ferry",
                renditions=[Rendition(resource=Resource.of(png(20, 20, 90), "image/png"))],
            ),
            crossings_table(),
            Table(  # a short title row above full ones: LibreOffice fills it with empty cells
                rows=[
                    TableRow(cells=[TableCell(header=True, content=[Span(text="Top ten")])]),
                    TableRow(cells=[TableCell(content=[Span(text=t)]) for t in ("1", "A", "9")]),
                    TableRow(cells=[TableCell(content=[Span(text="")]), TableCell()]),
                ]
            ),
        ],
    )
    ignored = {"embedded": "ignore"}
    back = resaved(office, {"story": story}, tmp_path)["story"]
    assert back == story
    document_only = read(tmp_path / "resaved" / "story.docx", options=ignored).value
    original = read(tmp_path / "resaved" / "story.original", format="docx", options=ignored)
    assert document_only.body == original.value.body


def test_every_corpus_article_reads_back_the_same_after_a_resave(
    office: Path, tmp_path: Path
) -> None:
    """Every article of the real files (agency XML, ninjs, Word, wire and web-copied text, in
    every script): written as .docx, re-saved by LibreOffice with no edits, read back."""
    corpus = shared_path("corpus")
    paths = [
        path
        for folder in ("newsml-g2", "nitf", "ninjs", "docx", "text")
        for path in sorted((corpus / folder).iterdir())
        if not path.name.endswith((".meta.json", ".md"))
    ] + sorted(corpus.glob("web/*/webcopy.txt"))
    articles: dict[str, Article] = {}
    for path in paths:
        try:
            results = list(read_all(path))
        except articlekit.InputError:
            continue  # files that hold no article (a picture item, a package)
        for index, result in enumerate(results):
            articles[f"{path.parent.name}-{path.stem}-{index}"] = result.value
    assert len(articles) > 200
    back = resaved(office, articles, tmp_path)
    changed = sorted(name for name, article in articles.items() if back[name] != article)
    assert changed == []


def illustrated_seed() -> Article:
    """The seed story with two pictures (bytes of their own, caption, credit) and a table."""
    sample = next(shared_path("seed").glob("*.txt"))
    article = read(sample).value
    figures: list[Figure] = [
        Figure(
            caption=[Span(text=f"Picture {number} of the story.")],
            credit="Jane Doe/Example Agency",
            alt_text=f"A colour ramp, number {number}",
            renditions=[Rendition(resource=Resource.of(png(64, 48, number * 40), "image/png"))],
        )
        for number in (1, 2)
    ]
    table = Table(
        rows=[
            TableRow(cells=[TableCell(header=True, content=[Span(text="Ferry")])]),
            TableRow(cells=[TableCell(content=[Span(text="Aurora")])]),
        ]
    )
    return article.model_copy(
        update={"body": [article.body[0], figures[0], *article.body[1:], table, figures[1]]}
    )


def assert_prints_pictures(office: Path, target: Path, pictures: int) -> None:
    """LibreOffice opens ``target`` and prints it to a PDF that holds ``pictures`` images."""
    convert(office, [target], "pdf", target.parent / "pdf")
    pdf = (target.parent / "pdf" / f"{target.stem}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Subtype/Image") + pdf.count(b"/Subtype /Image") >= pictures


def test_an_article_with_pictures_converts_to_pdf(office: Path, tmp_path: Path) -> None:
    """The seed story with pictures (and a table) as .docx opens in LibreOffice and prints: the
    PDF holds the pictures. With ``--extract-media`` the pictures come from a folder of files
    beside the JSON, as a user would keep them; without that option (not in this version) the
    article carries them itself."""
    source = tmp_path / "story.json"
    source.write_bytes(write(illustrated_seed(), format="json").value)
    target = tmp_path / "story.docx"
    if "extract_media" in inspect.signature(articlekit.write).parameters:
        extracted = tmp_path / "story-media.json"
        done = run_cli(
            "convert", str(source), "-o", str(extracted), "--extract-media", str(tmp_path / "media")
        )
        assert done.code == 0, done.stderr
        assert len(list((tmp_path / "media").iterdir())) == 2
        source = extracted
    done = run_cli("convert", str(source), "-o", str(target))
    assert done.code == 0, done.stderr
    assert_prints_pictures(office, target, 2)
    assert read(target).value == read(source).value


def test_a_text_story_with_a_media_folder_converts_to_pdf(office: Path, tmp_path: Path) -> None:
    """Plain text whose pictures are files in a folder beside it (``File: media/…`` lines, as
    ``--extract-media`` writes them) → .docx that embeds those files' bytes and prints in
    LibreOffice."""
    if importlib.util.find_spec("articlekit.formats.text.media") is None:
        pytest.skip("the plain-text layout of pictures (File: lines) is not in this build")
    illustrated = illustrated_seed()
    source = tmp_path / "story.json"
    source.write_bytes(write(illustrated, format="json").value)
    text = tmp_path / "story.txt"
    done = run_cli(
        "convert", str(source), "-o", str(text), "--extract-media", str(tmp_path / "media")
    )
    assert done.code == 0, done.stderr
    files = sorted((tmp_path / "media").iterdir())
    assert len(files) == 2 and text.read_text(encoding="utf-8").count("File: media/") == 2
    target = tmp_path / "story.docx"
    done = run_cli("convert", str(text), "-o", str(target))
    assert done.code == 0, done.stderr
    with zipfile.ZipFile(target) as package:
        embedded = {
            hashlib.sha256(package.read(name)).hexdigest()
            for name in package.namelist()
            if name.startswith("word/media/")
        }
    assert embedded == {hashlib.sha256(path.read_bytes()).hexdigest() for path in files}
    assert_prints_pictures(office, target, 2)
    story = read(target).value
    assert [(f.caption_text, f.credit) for f in story.body if isinstance(f, Figure)] == [
        (f.caption_text, f.credit) for f in illustrated.body if isinstance(f, Figure)
    ]


def test_a_libreoffice_document_from_a_web_page(office: Path, tmp_path: Path) -> None:
    """LibreOffice's own DOCX of a web page: its picture is a link to the local file (kept out,
    never followed), its table has a header row (Table Heading) and merged cells."""
    (tmp_path / "ferry.png").write_bytes(png(60, 40))
    (tmp_path / "story.html").write_text(
        "<html><body><h1>Harbour Gets Night Ferries</h1><p>By Ana Lima</p>"
        "<p>The board voted on Tuesday to let two ferries berth overnight.</p>"
        '<p><img src="ferry.png" alt="Two ferries" width="240" height="160"></p>'
        '<table border="1"><tr><th>Ferry</th><th colspan="2">Times</th></tr>'
        '<tr><td rowspan="2">Aurora</td><td>22:00</td><td>23:10</td></tr>'
        "<tr><td>01:00</td><td>02:10</td></tr></table></body></html>",
        encoding="utf-8",
    )
    web_page_to_word = "docx:MS Word 2007 XML"  # a web page opens in Writer/Web otherwise
    convert(office, [tmp_path / "story.html"], web_page_to_word, tmp_path / "docx")
    result = read(tmp_path / "docx" / "story.docx")
    article = result.value
    assert (article.headline, article.byline) == ("Harbour Gets Night Ferries", "By Ana Lima")
    figure, table = [block for block in article.body if isinstance(block, Figure | Table)]
    assert isinstance(figure, Figure) and figure.renditions == []
    assert str(figure.extras["docx:target"]).startswith("file:///")
    assert "docx-picture-unresolved" in {warning.code for warning in result.warnings}
    assert isinstance(table, Table)
    assert [
        [(c.text, c.header, c.colspan, c.rowspan) for c in row.cells] for row in table.rows
    ] == [
        [("Ferry", True, 1, 1), ("Times", True, 2, 1)],
        [("Aurora", False, 1, 2), ("22:00", False, 1, 1), ("23:10", False, 1, 1)],
        [("01:00", False, 1, 1), ("02:10", False, 1, 1)],
    ]
