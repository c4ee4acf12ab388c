"""The command line: help, exit statuses, one-line errors, export filters, the tag contract."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from ingest import pipeline, store
from ingest.cli import main
from ingest.read.events import iter_events
from ingest.sources.feedlist import sample_feeds
from ingest.tagging.taxonomy import default_taxonomy

COMMANDS = ["run", "tag", "retag", "evaluate", "export", "feeds"]
EXPORT_KEYS = {"id", "type", "subtype", "status", "date", "date_precision", "end_date", "countries",
               "commodities", "evidence", "articles"}
EVENT_KEYS = {"type", "subtype", "status", "date", "date_precision", "end_date", "date_source",
              "countries", "actor", "targets", "commodities", "evidence"}
GALLIUM = {"id": "g1", "title": "China restricts gallium and germanium exports",
           "summary": "China's commerce ministry said it will restrict exports of gallium and "
                      "germanium from Aug. 1, 2023.", "published": "2023-07-03T10:00:00Z"}
SPORTS = {"id": 7, "title": "Harbor City beat Lakeside 78-76", "summary": "A late three-pointer.",
          "published": "2025-11-15T04:10:00Z"}


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


# --- help -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m ingest {command}")
    assert "--help" in out


def test_top_level_help_lists_commands(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert all(c in out for c in COMMANDS) and "examples:" in out


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().out


def test_help_in_a_subprocess(cli):
    res = cli("export", "--help")
    assert res.returncode == 0 and "--commodity" in res.stdout and res.stderr == ""


# --- bad feed lists -------------------------------------------------------------------------

BAD_FEEDS = {
    "missing-url": ('[[feeds]]\nname = "a"\nurl = "https://a.example/rss"\n\n'
                    '[[feeds]]\nname = "b"\n', "feed #2 ('b'): 'url' is missing or empty"),
    "unknown-key": ('[[feeds]]\nname = "a"\nurl = "https://a.example/rss"\ninterval = 5\n',
                    "feed #1 ('a'): unknown key(s) ['interval']"),
    "duplicate-name": ('[[feeds]]\nname = "a"\nurl = "https://a.example/rss"\n\n'
                       '[[feeds]]\nname = "a"\nurl = "https://b.example/rss"\n',
                       "feed #2 ('a'): duplicate name"),
    "bad-toml": ('[[feeds]]\nname = "a"\nurl = "https://a.example/rss\n', "not valid TOML"),
    "missing-name": ('[[feeds]]\nurl = "https://a.example/rss"\n', "feed #1: 'name' is missing"),
    "bad-scheme": ('[[feeds]]\nname = "a"\nurl = "gopher://a.example/rss"\n',
                   "feed #1 ('a'): unsupported URL scheme 'gopher'"),
    "no-feeds": ("title = 'x'\n", "unknown top-level key(s) ['title']"),
}


@pytest.mark.parametrize("case", BAD_FEEDS)
def test_bad_feed_list_is_one_line_exit_2(case, tmp_path, capsys):
    text, expected = BAD_FEEDS[case]
    path = tmp_path / "feeds.toml"
    path.write_text(text)
    db = tmp_path / "store.db"
    assert main(["run", "--feeds", str(path), "--db", f"sqlite:///{db}"]) == 2
    captured = capsys.readouterr()
    line = one_line(captured.err)
    assert line.startswith(f"error: {path}: ")
    assert expected in line
    assert captured.out == ""
    assert not db.exists()  # nothing was opened or written


def test_bad_feed_list_in_a_subprocess_has_no_traceback(tmp_path, cli):
    path = tmp_path / "feeds.toml"
    path.write_text(BAD_FEEDS["duplicate-name"][0])
    res = cli("run", "--feeds", str(path), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert res.returncode == 2
    assert one_line(res.stderr) == f"error: {path}: feed #2 ('a'): duplicate name"


def test_missing_feed_list(tmp_path, capsys):
    path = tmp_path / "nope.toml"
    assert main(["run", "--feeds", str(path), "--db", f"sqlite:///{tmp_path / 's.db'}"]) == 2
    assert one_line(capsys.readouterr().err) == f"error: {path}: file not found"


@pytest.mark.parametrize("args,expected", [
    (["--only", "No such feed"], "no feed named 'No such feed'"),
    (["--workers", "0"], "--workers must be at least 1"),
])
def test_run_usage_errors(args, expected, tmp_path, capsys):
    assert main(["run", "--offline", "--db", f"sqlite:///{tmp_path / 's.db'}", *args]) == 2
    assert expected in one_line(capsys.readouterr().err)


def test_run_exits_1_when_every_feed_fails(tmp_path, capsys):
    (tmp_path / "feeds.toml").write_text('[[feeds]]\nname = "gone"\nurl = "gone.xml"\n')
    assert main(["run", "--feeds", str(tmp_path / "feeds.toml"),
                 "--db", f"sqlite:///{tmp_path / 's.db'}"]) == 1
    captured = capsys.readouterr()
    assert "failed: gone: cannot read file" in captured.err
    assert "0 feeds ok, 0 not modified, 1 failed" in captured.out


def test_run_only_one_sample(tmp_path, capsys):
    name = sample_feeds()[0].name
    assert main(["run", "--offline", "--only", name, "--db", f"sqlite:///{tmp_path / 's.db'}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 feeds ok, 0 not modified, 0 failed")


# --- missing store --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["export", "feeds", "retag"])
def test_missing_store_is_one_actionable_line(command, tmp_path, capsys):
    db = tmp_path / "none" / "tracker.db"
    assert main([command, "--db", f"sqlite:///{db}"]) == 3
    line = one_line(capsys.readouterr().err)
    assert line == f"error: no store at {db}: run `python -m ingest run --offline` to build it"
    assert not db.exists()


def test_missing_store_in_a_subprocess(tmp_path, cli):
    res = cli("feeds", "--db", f"sqlite:///{tmp_path / 'nope.db'}")
    assert res.returncode == 3 and res.stdout == ""
    assert one_line(res.stderr).startswith("error: no store at ")


def test_unreachable_database_is_one_line(capsys):
    url = "postgresql+psycopg://u:secret@127.0.0.1:9/db?connect_timeout=2"
    assert main(["run", "--offline", "--db", url]) == 3
    line = one_line(capsys.readouterr().err)
    assert line.startswith("error: cannot open the store at postgresql+psycopg://u:***@127.0.0.1:9/db")
    assert "secret" not in line


# --- export ---------------------------------------------------------------------------------


def export(capsys, url: str, *args: str) -> str:
    assert main(["export", "--events", "--db", url, *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_export_jsonl_keys(offline_db_url, capsys):
    lines = export(capsys, offline_db_url, "--format", "jsonl").splitlines()
    assert len(lines) > 10
    for line in lines:
        ev = json.loads(line)
        assert set(ev) >= EXPORT_KEYS
        assert isinstance(ev["countries"], list) and isinstance(ev["commodities"], list)
        assert ev["date_precision"] in {"day", "month", "year"}
        for a in ev["articles"]:
            assert {"url", "title", "source", "published"} <= set(a)


def test_export_filters(offline_db_url, capsys):
    eng = store.connect(offline_db_url, create=False)
    try:
        everything = list(iter_events(eng))
    finally:
        eng.dispose()
    rare = set(default_taxonomy().members("rare_earths"))
    since, until = date(2023, 1, 1), date(2026, 12, 31)
    expected = [e["id"] for e in everything
                if "CN" in e["countries"] and rare & set(e["commodities"])
                and e["type"] == "export_control" and since.isoformat() <= e["date"] <= until.isoformat()]
    assert expected
    args = ["--country", "cn", "--commodity", "rare_earths", "--type", "export_control",
            "--since", since.isoformat(), "--until", until.isoformat()]

    jsonl = [json.loads(x) for x in export(capsys, offline_db_url, "--format", "jsonl", *args).splitlines()]
    assert [e["id"] for e in jsonl] == expected
    as_json = json.loads(export(capsys, offline_db_url, "--format", "json", *args))
    assert as_json == jsonl
    rows = list(csv.DictReader(io.StringIO(export(capsys, offline_db_url, "--format", "csv", *args))))
    assert [r["id"] for r in rows] == expected
    assert all("CN" in r["countries"].split(";") for r in rows)


def test_export_to_file(offline_db_url, tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["export", "--events", "--db", offline_db_url, "--type", "tariff", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {r["type"] for r in rows} == {"tariff"}
    assert one_line(capsys.readouterr().err) == f"wrote {len(rows)} events to {out}"


@pytest.mark.parametrize("args,expected", [
    (["--commodity", "kryptonite"], "unknown commodity 'kryptonite'"),
    (["--country", "XX"], "unknown country code 'XX'"),
    (["--type", "embargo_of_doom"], "unknown event type 'embargo_of_doom'"),
    (["--since", "2025-13-01"], "--since '2025-13-01' is not a date"),
])
def test_export_bad_filters_exit_2(args, expected, offline_db_url, capsys):
    assert main(["export", "--events", "--db", offline_db_url, *args]) == 2
    captured = capsys.readouterr()
    assert expected in one_line(captured.err) and captured.out == ""


# --- feeds and retag ------------------------------------------------------------------------


def test_feeds_prints_health_table(offline_db_url, capsys):
    assert main(["feeds", "--db", offline_db_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["feed", "status", "last_fetch", "articles", "newest_item", "failures", "next_try",
                              "error"]
    body = "\n".join(out[1:])
    for spec in sample_feeds():
        assert spec.name in body
    assert len(out) == 1 + len(sample_feeds())


def test_feeds_on_an_empty_store(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 's.db'}"
    store.connect(url).dispose()
    assert main(["feeds", "--db", url]) == 0
    assert capsys.readouterr().out.strip() == "no feeds yet: run `python -m ingest run` first"


def test_retag_command(engine, db_url, capsys):
    pipeline.run(engine, sample_feeds()[:2], workers=2)
    before = store.counts(engine)
    assert main(["retag", "--db", db_url]) == 0
    assert capsys.readouterr().out.strip() == \
        f"re-tagged {before['articles']} articles; {before['events']} events stored"
    assert store.counts(engine) == before


# --- tag ------------------------------------------------------------------------------------


def test_tag_reads_stdin_in_order_and_reports_bad_lines(cli):
    lines = [json.dumps(GALLIUM), "{not json", json.dumps(SPORTS), "", "[1, 2]",
             json.dumps({"id": "t", "title": 5}), json.dumps({"id": "last", "title": "Nothing here"})]
    res = cli("tag", stdin="\n".join(lines) + "\n")
    assert res.returncode == 1
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["g1", 7, "last"]
    for o in out:
        assert set(o) == {"id", "relevant", "countries", "commodities", "events"}
        for ev in o["events"]:
            assert set(ev) == EVENT_KEYS
    g = out[0]
    assert g["relevant"] is True and "CN" in g["countries"]
    assert {"gallium", "germanium"} <= set(g["commodities"])
    assert g["events"] and g["events"][0]["type"] == "export_control"
    assert date.fromisoformat(g["events"][0]["date"])
    assert out[1]["relevant"] is False and out[1]["events"] == []
    err = res.stderr.strip().splitlines()
    assert [e.split(":")[0] for e in err] == ["line 2", "line 5", "line 6"]
    assert all("skipped" in e for e in err) and "Traceback" not in res.stderr


def test_tag_from_file_all_good_exits_0(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(SPORTS) + "\n" + json.dumps(GALLIUM) + "\n", encoding="utf-8")
    assert main(["tag", str(src)]) == 0
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == [7, "g1"]
    assert captured.err == ""


def test_tag_missing_file(tmp_path, capsys):
    assert main(["tag", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in one_line(capsys.readouterr().err)
