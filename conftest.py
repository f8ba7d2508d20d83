"""Test-session settings shared by the unit tests and the nbval notebook runs."""

import os
import tempfile

# Quizzes in the notebooks and tests write progress here, never into a student's own file.
# Set at import time, before nbval starts any kernel, so the kernels inherit it.
os.environ["LESSONS_PROGRESS_DIR"] = tempfile.mkdtemp(prefix="lessons-progress-")
# Plots and random draws must not depend on the machine's locale or hash seed.
os.environ.setdefault("PYTHONHASHSEED", "0")
