"""Dependency hygiene that holds without a network: every package pinned, no pin below a fixed advisory.

`make audit` asks PyPI's advisory data about every pin (pip-audit); this keeps the floors the
programme has decided on even where that service cannot be reached, and fails when someone
pins an older release of a package with a known advisory.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from packaging.requirements import Requirement
from packaging.version import Version

# (package, first fixed release on the line we use, advisory, what it was)
ADVISORIES = [
    ("django", "5.2.17", "CVE-2026-15307, -15337, -15830, -15920", "5.2.17 security release"),
    ("django", "5.2.14", "CVE-2026-5766 (GHSA-w26r-rmm8-9c29)", "length parameter inconsistency"),
    ("wagtail", "8.0", "SNYK-PYTHON-WAGTAIL-19233398", "copy for translation leaks pages without permission"),
    ("wagtail", "7.4", "CVE-2026-44197", "insufficient permission checks in the admin"),
    ("xhtml2pdf", "0.2.17", "CVE-2024-25885", "ReDoS in getColor"),
    ("reportlab", "3.6.13", "CVE-2023-33733", "code execution through rl_safe_eval"),
    ("pillow", "10.3.0", "CVE-2024-28219", "buffer overflow in _imagingcms"),
]


def pins(name):
    """{package: Requirement} from one requirements file, following nothing (-r lines are skipped)."""
    found = {}
    for line in (Path(settings.BASE_DIR) / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            requirement = Requirement(line)
            found[requirement.name.lower().replace("_", "-")] = requirement
    return found


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_requirement_is_pinned_to_one_release(name):
    loose = [str(req) for req in pins(name).values() if not str(req.specifier).startswith("==")]
    assert loose == []


@pytest.mark.parametrize(("package", "fixed", "advisory", "what"), ADVISORIES)
def test_no_pin_is_older_than_the_fix_of_a_known_advisory(package, fixed, advisory, what):
    pinned = Version(next(iter(pins("requirements.txt")[package].specifier)).version)
    assert pinned >= Version(fixed), f"{package} {pinned} is before {fixed}, which fixed {advisory} ({what})"


def test_django_stays_on_the_lts_line():
    """Django 6 needs Python 3.12; the programme runs 3.11 on the 5.2 LTS."""
    pinned = Version(next(iter(pins("requirements.txt")["django"].specifier)).version)
    assert (pinned.major, pinned.minor) == (5, 2)


def test_the_browser_tests_run_on_one_worker(tmp_path):
    """The browser tests share one demo site, on the one test worker they are grouped on
    (tests/browser/conftest.py). When the groups stop reaching pytest-xdist's scheduler, each
    worker builds a demo site of its own (about 90 s on this machine): this fails first."""
    browser_tests = tmp_path / "tests" / "browser"
    browser_tests.mkdir(parents=True)
    # The browser tests' own grouping hook, on four tests that say which worker ran them.
    (tmp_path / "conftest.py").write_text(
        f"import sys\nsys.path.insert(0, {str(settings.BASE_DIR)!r})\n"
        "from tests.browser.conftest import pytest_collection_modifyitems  # noqa: F401\n"
    )
    (browser_tests / "test_grouped.py").write_text(
        "import time\n" + "".join(f"def test_{n}():\n    time.sleep(0.2)\n" for n in range(4))
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    browser: a browser test\n")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v"]
        + ["-p", "no:django", "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers = re.findall(r"\[(gw\d+)\].*PASSED", run.stdout)
    assert len(workers) == 4 and len(set(workers)) == 1, run.stdout
