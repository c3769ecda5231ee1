"""Quality gate on the dev set (trafilatura's habit): floors only ever go up.

Runs ../shared/eval/score.py against our output; skips when ../shared is absent.
"""
import json
import subprocess
import sys
from pathlib import Path

import waishi

BASELINE = json.loads((Path(__file__).with_name("eval_baseline.json")).read_text())


def test_eval_gate_dev_scores_stay_above_floors(shared_dev, tmp_path):
    out = tmp_path / "sys"
    out.mkdir()
    for txt in sorted((shared_dev / "texts").glob("*.txt")):
        rec = waishi.extract(txt.read_text(encoding="utf-8"), source=txt.name)
        (out / (txt.stem + ".json")).write_text(json.dumps(rec.to_dict(mentions=False), ensure_ascii=False))
    score = shared_dev.parent / "score.py"
    res = subprocess.run([sys.executable, str(score), "--gold", str(shared_dev / "gold"), "--system", str(out)],
                         capture_output=True, text=True, check=True)
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    low = {k: (summary.get(k, 0.0), floor) for k, floor in BASELINE.items() if summary.get(k, 0.0) < floor}
    assert not low, f"below floor: {low}\n{res.stdout}"
