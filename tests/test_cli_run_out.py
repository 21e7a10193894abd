"""An output folder that cannot be made gives one line and exit 2, not an internal error."""
from click.testing import CliRunner

from hadath.cli import cli


def test_run_output_folder_that_cannot_be_made(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("قال الوزير إن الاجتماع انتهى اليوم في القاهرة.", "utf-8")
    out = f / "out"  # below a file
    res = CliRunner().invoke(cli, ["run", str(f), "--out", str(out), "--no-progress"])
    assert res.exit_code == 2
    assert res.stderr == f"hadath: error: {out}: cannot write the output (Not a directory)\n"
