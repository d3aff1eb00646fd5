"""`python -m sotttt_desktop` — same as the `sotttt-desktop` command."""

from sotttt_desktop.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
