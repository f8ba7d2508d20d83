"""Steps the assessment browser tests share: reload a lesson, read a block's state."""

from __future__ import annotations

from lab_page import (
    KERNEL_IDLE,
    NOTEBOOK_READY,
    PAGE_LOAD_TIMEOUT_MS,
    LessonRun,
    restart_kernel_and_run_all,
    wait_for_rendering,
)


def reload_and_run_all(run: LessonRun) -> None:
    """Reload the browser page, then Restart Kernel and Run All: nothing survives but files."""
    run.page.reload(timeout=PAGE_LOAD_TIMEOUT_MS)
    run.page.wait_for_function(
        NOTEBOOK_READY, arg=run.expectation.cell_count, timeout=PAGE_LOAD_TIMEOUT_MS
    )
    run.page.wait_for_function(KERNEL_IDLE, timeout=PAGE_LOAD_TIMEOUT_MS)
    restart_kernel_and_run_all(run.page)
    wait_for_rendering(run.page, run.expectation)
