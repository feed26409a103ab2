"""Batches on a Dask cluster (the articlekit[dask] extra): same outputs, and a lost worker loses
nothing."""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

import pytest

from articlekit.batch import Batch
from test_batch import make_stories, outputs, temporaries

distributed = pytest.importorskip("distributed", reason="needs the dask extra")


@pytest.fixture(scope="module")
def client() -> object:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_a_killed_worker_loses_nothing_and_converts_every_file_once(
    tmp_path: Path, client: object
) -> None:
    make_stories(tmp_path / "in", 200, sub=50)
    reference = f"{tmp_path / 'reference'}/"
    assert all(result.ok for result in Batch([tmp_path / "in"], reference, to="newsml"))
    workers = client.run(os.getpid)  # type: ignore[attr-defined]
    results = []
    victim = None
    batch = Batch([tmp_path / "in"], f"{tmp_path / 'out'}/", to="newsml", scheduler=client)
    for result in batch:
        results.append(result)
        if victim is None:  # kill a worker while it converts a chunk
            busy = [address for address, keys in client.processing().items() if keys]  # type: ignore[attr-defined]
            assert busy, "no chunk in flight to lose"
            victim = workers[busy[0]]
            os.kill(victim, signal.SIGKILL)
    assert victim not in client.run(os.getpid).values()  # type: ignore[attr-defined]
    assert [result.status for result in results] == ["converted"] * 200
    assert len({result.source for result in results}) == 200  # each once
    assert outputs(tmp_path / "out") == outputs(tmp_path / "reference")
    assert not temporaries(tmp_path / "out")
    again = list(Batch([tmp_path / "in"], f"{tmp_path / 'out'}/", to="newsml", scheduler=client))
    assert [result.status for result in again] == ["up-to-date"] * 200


def test_a_bag_gives_the_results_of_a_local_run(tmp_path: Path, client: object) -> None:
    from articlekit.batch.dask import to_bag

    make_stories(tmp_path / "in", 40)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    bag = to_bag([tmp_path / "in"], to="json")
    results = bag.compute()
    assert [result.status for result in results] == ["failed"] + ["converted"] * 40
    assert results[1].articles[0].headline == "Harbour Board Story Number 1"
    folder = to_bag([tmp_path / "in"], f"{tmp_path / 'out'}/", to="nitf").compute()
    assert len(folder) == 41
    assert len(outputs(tmp_path / "out")) == 40
