"""Time series, charts and tidings.open(): counts that add up, valid PNG/SVG files, typed DataFrames."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import build_store, empty_store

import tidings
from tidings.cli import cli
from tidings.errors import TidingsError
from tidings.exports import Filters, series
from tidings.exports.gdelt_fields import day_fields
from tidings.exports.series import period

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("series") / "t.db")


def test_series_by_dyad_and_month_adds_up(store: Path) -> None:
    rows = series(store, by="dyad", freq="month")
    assert sum(r["events"] for r in rows) == 7  # every non-negated event, once
    shelling = next(r for r in rows if (r["source"], r["target"]) == ("AZEMIL", "ARM"))
    assert shelling["period"] == "2021-11-01"
    assert (shelling["events"], shelling["mentions"], shelling["goldstein_sum"], shelling["quad4"]) == (1, 2, -10.0, 1)
    periods = [r["period"] for r in rows]
    assert periods == sorted(periods)


def test_series_by_quad_per_week_counts_goldstein_and_quads(store: Path) -> None:
    rows = series(store, by="quad", freq="week", filters=Filters.of(since="2020-01-01", until="2020-12-31"))
    assert {r["period"] for r in rows} == {"2020-08-10"}  # the Monday of 15 and 16 August 2020
    by_quad = {r["quad_class"]: r for r in rows}
    assert by_quad[4]["events"] == 2 and by_quad[4]["goldstein_mean"] == pytest.approx((-5.0 - 6.5) / 2)
    assert by_quad[4]["quad4"] == 2 and by_quad[4]["quad1"] == 0
    assert sorted(by_quad) == [1, 2, 3, 4]


def test_series_cli_writes_csv_and_json(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "roots.json"
    result = CliRunner().invoke(
        cli, ["series", "--db", str(store), "--by", "root", "--freq", "day", "--format", "json", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text())
    assert {"period": "2021-11-16", "root": "19"}.items() <= rows[-2].items()
    result = CliRunner().invoke(cli, ["series", "--db", str(store), "--by", "country", "--dyad", "ARM:AZE"])
    lines = result.output.splitlines()
    assert lines[0].startswith("period,country,events,mentions,goldstein_sum")
    assert lines[1:] == ["2021-11-01,,2,3,-15.0,-7.5,0,0,1,1"]  # one month; neither event is placed


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--by", "month"], "T085"),
        (["--freq", "year"], "T085"),
        (["--format", "xml"], "T085"),
        (["--root", "x"], "T080"),
    ],
)
def test_bad_series_options_give_one_coded_line(store: Path, args: list[str], code: str) -> None:
    result = CliRunner().invoke(cli, ["series", "--db", str(store), *args])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1 and f"[{code}]" in result.output


@pytest.mark.parametrize("kind", ["timeline", "network", "map"])
@pytest.mark.parametrize("ext", ["png", "svg"])
def test_each_plot_command_writes_a_valid_png_and_svg(store: Path, tmp_path: Path, kind: str, ext: str) -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("networkx")
    out = tmp_path / f"{kind}.{ext}"
    result = CliRunner().invoke(cli, ["plot", kind, "--db", str(store), "--out", str(out), "--top", "6"])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if ext == "png":
        from PIL import Image

        assert data.startswith(PNG_MAGIC)
        with Image.open(out) as img:
            img.verify()
            assert img.size == (800, 450)
    else:
        root = ET.fromstring(data)
        assert root.tag.endswith("svg") and b"<path" in data
    again = tmp_path / f"again.{ext}"
    tidings.exports.plot(store, kind, again, top=6)
    assert again.read_bytes() == data  # the same store gives the same chart


def test_plots_of_nothing_are_still_valid_images(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    db = empty_store(tmp_path / "empty.db")
    for kind in ("timeline", "network", "map"):
        out = tmp_path / f"{kind}.png"
        assert tidings.exports.plot(db, kind, out) == 0
        assert out.read_bytes().startswith(PNG_MAGIC)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["pie", "--out", "x.png"], "T085"),
        (["map", "--out", "x.gif"], "T085"),
        (["network", "--out", "x.png", "--top", "1"], "T085"),
    ],
)
def test_bad_plot_options_give_one_coded_line(store: Path, tmp_path: Path, args: list[str], code: str) -> None:
    result = CliRunner().invoke(cli, ["plot", *args, "--db", str(store)])
    assert result.exit_code == 1 and f"[{code}]" in result.output and len(result.output.strip().splitlines()) == 1


def test_tidings_open_gives_typed_dataframes(store: Path) -> None:
    pd = pytest.importorskip("pandas")
    st = tidings.open(store)
    ev = st.events(country="BLR")
    assert list(ev["event_id"]) == [1, 2]
    assert str(ev["cameo"].dtype) == "string" and ev["cameo"].tolist() == ["173", "051"]
    assert pd.api.types.is_datetime64_any_dtype(ev["day"]) and str(ev["mention_count"].dtype) == "Int64"
    s = st.series(by="root", freq="month", min_confidence=0.5)
    assert pd.api.types.is_datetime64_any_dtype(s["period"]) and s["events"].sum() == 4
    with pytest.raises(TidingsError, match=r"\[T082\]"):
        st.global_events()
    with pytest.raises(TidingsError, match=r"\[T080\]"):
        st.events(root="99")
    with pytest.raises(TidingsError, match=r"\[T030\]"):
        tidings.open(store.parent / "absent.db")


def test_fraction_date_matches_gdelt_files() -> None:
    assert day_fields("2019-01-25") == [20190125, 201901, 2019, "2019.0685"]  # as in GDELT's own export files
    assert period("2020-08-16", "week") == "2020-08-10" and period("2020-08-16", "month") == "2020-08-01"


def test_country_and_actor_codes() -> None:
    from tidings.exports import codes

    assert [codes.fips(c) for c in ("BLR", "DEU", "GBR", "USA", "RUS", "UKR", "ARM")] == [
        "BO", "GM", "UK", "US", "RS", "UP", "AM",
    ]  # fmt: skip
    assert codes.country("ROU").cameo == "ROM" and codes.country("XKX").cameo == "KSV"  # type: ignore[union-attr]
    assert codes.split_actor("IGOEUREEC") == codes.ActorCode("IGOEUREEC", "EUR", "EEC", ("IGO",))
    assert codes.split_actor("ROUGOV") == codes.ActorCode("ROMGOV", "ROM", None, ("GOV",))
    assert codes.split_actor("---") is None and codes.split_actor(None) is None
    assert codes.admin1_code("BLR", "Horad Minsk") == "04" and codes.admin1_code("USA", "New York") == "NY"
    assert codes.admin1_code("ARM", None, 409315) == "10" and codes.admin1_code("BLR", "Atlantis") is None


def test_without_the_export_extra_the_text_formats_work_and_the_rest_says_what_to_install(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    for module in ("pyarrow", "pandas", "matplotlib", "networkx"):
        monkeypatch.setitem(sys.modules, module, None)  # as on a base install: importing them fails
    assert tidings.exports.export(store, "gdelt", tmp_path / "e.tsv") == 7
    for call in (
        lambda: tidings.exports.export(store, "parquet", tmp_path / "e.parquet"),
        lambda: tidings.exports.plot(store, "map", tmp_path / "m.png"),
        lambda: tidings.open(store).events(),
    ):
        with pytest.raises(TidingsError, match=r"\[T083\].*pip install 'tidings\[export\]'"):
            call()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.tsv"]
