"""Each UI test gets its own configuration folder (window geometry, last tab)."""

import gc
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOTTTT_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def qt_texts_in_vietnamese(qapp) -> None:  # noqa: ANN001
    """Qt's own dialogs in the interface language, as the application loads them."""
    from sotttt_desktop.ui.qt_translations import install_qt_translations

    install_qt_translations(qapp)


@pytest.fixture(autouse=True)
def background_work_ends_with_its_test(qapp):  # noqa: ANN001, ANN201
    """A test's background work (a filter, a search, a backup) ends, and its result is
    delivered, before the test's database is dropped; work an earlier test's window started
    after its database was dropped is heard by nobody (its failure is not this test's)."""
    from sotttt_desktop.ui.background import _LIVE as left_over

    for task in list(left_over):
        task.orphan()
    yield
    from sotttt_desktop.ui.background import _LIVE
    from sotttt_desktop.ui.events import process_events

    for task in list(_LIVE):
        task.wait(30)
    process_events()


@pytest.fixture
def heap_as_the_app_has_it():  # noqa: ANN201
    """The application freezes its start-up heap once the window is up (`ui/app.py`), so a full
    collection walks only what was made since. A test process carries the objects of every test
    before it: full collections of 200,000–350,000 objects paused the window 1.4–1.8 s in the
    full suite (never alone). Tests that measure the window's pauses take the same step as the
    application, or they measure pytest's heap."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()
