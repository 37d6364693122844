"""The notebooks run from top to bottom, and are committed with their outputs cleared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e .[dev])")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs before committing"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path):
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e .[dev])")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed: no python3 kernel to run notebooks")
    from jupyter_client.kernelspec import NoSuchKernel

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except NoSuchKernel as err:  # pragma: no cover - environment without a python3 kernel spec
        pytest.skip(f"no python3 Jupyter kernel: {err}")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o for o in outputs if o.output_type == "execute_result" and "text/html" in o.get("data", {})]
    assert html and "<iframe srcdoc=" in html[0]["data"]["text/html"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
