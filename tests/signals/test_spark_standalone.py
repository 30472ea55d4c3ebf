"""``dermavigil signals`` against a Spark standalone cluster: the test starts a master and a
worker (pyspark's ``spark-class``), points ``--spark-conf spark.master=spark://...`` at them
and gets the same table as DuckDB from the CAERS file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow.csv as pacsv
import pytest

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"nothing listens on port {port} after {timeout} s")


@pytest.fixture
def standalone_master(tmp_path: Path) -> Iterator[str]:
    pyspark = pytest.importorskip("pyspark")
    spark_class = Path(pyspark.__file__).parent / "bin" / "spark-class"
    port = _free_port()
    env = {**os.environ, "SPARK_LOG_DIR": str(tmp_path), "SPARK_WORKER_DIR": str(tmp_path / "w")}
    env.update(PYSPARK_PYTHON=sys.executable, PYTHONPATH=os.pathsep.join(sys.path))
    common = {"env": env, "start_new_session": True, "stdout": subprocess.DEVNULL}
    daemons = [
        subprocess.Popen(
            [str(spark_class), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
             "--port", str(port), "--webui-port", str(_free_port())],
            stderr=open(tmp_path / "master.log", "w"), **common,  # noqa: SIM115
        )
    ]  # fmt: skip
    try:
        _wait_port(port, 120)
        url = f"spark://127.0.0.1:{port}"
        daemons.append(
            subprocess.Popen(
                [str(spark_class), "org.apache.spark.deploy.worker.Worker", url, "--cores", "1",
                 "--memory", "1g", "--host", "127.0.0.1", "--webui-port", str(_free_port())],
                stderr=open(tmp_path / "worker.log", "w"), **common,  # noqa: SIM115
            )
        )  # fmt: skip
        yield url
    finally:
        for daemon in reversed(daemons):
            os.killpg(daemon.pid, signal.SIGTERM)
        for daemon in daemons:
            try:
                daemon.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(daemon.pid, signal.SIGKILL)
                daemon.wait(30)


def _run(args: list[str], home: Path) -> None:
    env = {**os.environ, "DERMAVIGIL_HOME": str(home), "PYTHONPATH": os.pathsep.join(sys.path)}
    env["PYSPARK_PYTHON"] = sys.executable
    done = subprocess.run(
        [sys.executable, "-m", "dermavigil.cli.app", "signals", *args],
        env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_signals_on_a_standalone_cluster_match_duckdb(
    standalone_master: str, caers_csv: Path, tmp_path: Path
) -> None:
    common = ["--input", str(caers_csv), "--method", "prr,ror,ic"]
    _run([*common, "--out", str(tmp_path / "duck.csv")], tmp_path / "home")
    cluster = [
        "--engine", "spark", "--spark-conf", f"spark.master={standalone_master}",
        "--spark-conf", "spark.executor.memory=512m", "--spark-conf", "spark.executor.cores=1",
        "--spark-conf", "spark.sql.shuffle.partitions=4",
        "--spark-conf", "spark.driver.host=127.0.0.1",
    ]  # fmt: skip
    _run([*common, *cluster, "--out", str(tmp_path / "spark.csv")], tmp_path / "home")
    order = [("product", "ascending"), ("reaction", "ascending")]
    duck = pacsv.read_csv(tmp_path / "duck.csv").sort_by(order)
    spark = pacsv.read_csv(tmp_path / "spark.csv").sort_by(order)
    assert duck.num_rows == spark.num_rows > 1000
    assert duck["product"].equals(spark["product"]) and duck["reaction"].equals(spark["reaction"])
    for column in ("n", "b", "c", "d", "prr", "ror", "ic025"):
        np.testing.assert_allclose(
            spark[column].to_numpy(), duck[column].to_numpy(), rtol=1e-9, equal_nan=True
        )
