"""Dependency hygiene that holds without a network: every package pinned, no pin below a fixed advisory.

`make audit` asks PyPI's advisory data about every pin (pip-audit); this keeps the floors the
programme has decided on even where that service cannot be reached, and fails when someone
pins an older release of a package with a known advisory.
"""

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
