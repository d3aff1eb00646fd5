"""The command line: the same services as the GUI, for administrators and scripts."""
