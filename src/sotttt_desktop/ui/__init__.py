"""The PySide6 user interface. The only package that imports Qt.

Importing QtCore makes shiboken replace `builtins.__import__` with a hook that supports the opt-in
`from __feature__ import snake_case` syntax and inspects every module imported afterwards. This
application never uses `__feature__`, and the hook made the database layer (imported after the
log-in dialog is on screen) load ~60 % slower and take ~19 MB more memory (measured with
bench/bench_foundation.py). So Python's own import is put back right after Qt is loaded.
"""

import builtins

_python_import = builtins.__import__
from PySide6 import QtCore  # noqa: E402, F401 - shiboken installs its import hook here

if builtins.__import__ is not _python_import:
    builtins.__import__ = _python_import
