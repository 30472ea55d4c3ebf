"""Spark session settings: from DERMAVIGIL_SPARK_* and --spark-conf, in a fixed precedence,
reaching the session the engine builds (the session itself is tested with pyspark)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.errors import InputError
from dermavigil.settings import load_settings, parse_spark_conf


def test_settings_collect_spark_conf_from_the_environment() -> None:
    settings = load_settings(
        {
            "DERMAVIGIL_SPARK_MASTER": "spark://head:7077",
            "DERMAVIGIL_SPARK_DRIVER_MEMORY": "8g",
            "DERMAVIGIL_SPARK_EXECUTOR_MEMORY": "6g",
            "DERMAVIGIL_SPARK_SHUFFLE_PARTITIONS": "64",
            "DERMAVIGIL_SPARK_CONF": "spark.sql.adaptive.enabled=true, spark.driver.memory=12g",
        }
    )
    assert dict(settings.spark_conf) == {
        "spark.master": "spark://head:7077",
        "spark.driver.memory": "12g",  # DERMAVIGIL_SPARK_CONF wins over the named variable
        "spark.executor.memory": "6g",
        "spark.sql.shuffle.partitions": "64",
        "spark.sql.adaptive.enabled": "true",
    }
    assert load_settings({}).spark_conf == ()


def test_bad_spark_setting_is_named() -> None:
    with pytest.raises(InputError, match="'spark.driver.memory' is not a Spark setting"):
        parse_spark_conf(["spark.driver.memory"])


def test_session_conf_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark")
    from dermavigil.store.spark_engine import session_conf

    monkeypatch.setenv("SPARK_MASTER", "spark://env:7077")
    assert session_conf()["spark.master"] == "spark://env:7077"
    conf = session_conf(conf={"spark.master": "spark://conf:7077", "spark.driver.memory": "2g"})
    assert conf["spark.master"] == "spark://conf:7077" and conf["spark.driver.memory"] == "2g"
    conf = session_conf("local[2]", 8, "4g", "3g", {"spark.master": "spark://conf:7077"})
    assert conf["spark.master"] == "local[2]"
    assert conf["spark.sql.shuffle.partitions"] == "8" and conf["spark.executor.memory"] == "3g"
    assert conf["spark.ui.enabled"] == "false"


def test_cli_passes_spark_conf_to_the_engine(
    monkeypatch: pytest.MonkeyPatch, dv_home: Path, tmp_path: Path
) -> None:
    from dermavigil.cli.app import app
    from dermavigil.signals import detect

    seen: dict[str, object] = {}

    def fake_detect_file(*args: object, **options: object) -> object:
        seen.update(options)
        raise InputError("stop here")

    monkeypatch.setattr(detect, "detect_file", fake_detect_file)
    monkeypatch.setenv("DERMAVIGIL_SPARK_DRIVER_MEMORY", "8g")
    source = tmp_path / "a.csv"
    source.write_text("id,var1,var2\n1,A,X\n")
    args = ["signals", "--input", str(source), "--out", str(tmp_path / "o.csv")]
    result = CliRunner().invoke(
        app, [*args, "--engine", "spark", "--spark-conf", "spark.master=spark://h:7077"]
    )
    assert "stop here" in str(result.exception)
    assert seen["conf"] == {"spark.driver.memory": "8g", "spark.master": "spark://h:7077"}
    result = CliRunner().invoke(app, [*args, "--spark-conf", "spark.master=x"])
    assert "--spark-conf applies to --engine spark only" in str(result.exception)
