"""pytest setup: the package from this checkout, and the Java API for reference cuts.

Run with Debian's interpreter, which has numpy, JPype and pytest (python3-numpy, python3-jpype,
python3-pytest):  /usr/bin/python3 -m pytest python/tests
"""
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# every kernel is tested, the Vector API one too: its module is asked for (a user's start leaves it out
# where the C kernel runs); and the AOT cache is tested on its own (test_aot.py), in caches of its own
os.environ["SKYCUT_VECTOR"] = "1"
os.environ["SKYCUT_AOT"] = "0"

REQUIREMENTS = "Debian packages python3-numpy python3-jpype python3-pytest"


@pytest.fixture(scope="session")
def j():
    """The Java classes (the JVM started by skycut, as a user's first call starts it)."""
    from skycut import _jvm
    return _jvm.classes()
